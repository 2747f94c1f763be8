import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { tieTolerance } from './brandes-kernel.js';
import type { Network } from './network.js';
import { clearPaths, outgoingGraph, pathWorkspace, shortestPathsFrom } from './shortest-paths.js';

export interface TrackOnePath {
  target: string;
  /** Actor ids from the source to the Track-I actor. */
  path: string[];
  /** Sum of 1 / strength along the path: the smaller, the stronger the chain of trust. */
  distance: number;
  steps: number;
  /** The weakest tie on the path: where the chain is most likely to break. */
  weakestStrength: number;
}

export interface TrackOneReach {
  id: string;
  track: string | null;
  /** Track-I actors within `steps` ties. */
  reachWithinSteps: number;
  /** The strongest-trust path to each reachable Track-I actor, strongest first (at most `pathsPerActor`). */
  paths: TrackOnePath[];
}

export interface TrackOneOptions {
  /** Reach counts Track-I actors within this many ties (default 2). */
  steps?: number;
  /** Actors to start from; by default every actor not on Track 1 that has a track. */
  from?: string[];
  pathsPerActor?: number;
  /** The track value that marks official decision makers (default "1"). */
  trackOne?: string;
}

/**
 * Paths from citizen diplomats to official decision makers: for each starting actor, the strongest-trust
 * path (shortest in 1 / strength, along ties in their direction) to each Track-I actor, and how many
 * Track-I actors lie within k ties. Ranked by reach, then by the strongest path.
 */
export function trackOnePaths(network: Network, options: TrackOneOptions = {}): TrackOneReach[] {
  const trackOne = options.trackOne ?? '1';
  const steps = options.steps ?? 2;
  const perActor = options.pathsPerActor ?? 3;
  const { ids, tracks } = network;
  const n = ids.length;
  const officials = new Uint8Array(n);
  tracks.forEach((t, v) => {
    if (t === trackOne) officials[v] = 1;
  });
  if (!officials.includes(1)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'nodes.track',
      reason: `no actor has track ${trackOne}: mark the official decision makers in a "track" column`,
    });
  }
  const sources = options.from
    ? options.from.map((id) => {
        const v = network.index.get(id);
        if (v === undefined)
          throw new TrackTwoError('TT_ERR_NETWORK_UNKNOWN_ACTOR', { field: 'from', reason: id });
        return v;
      })
    : ids.map((_, v) => v).filter((v) => tracks[v] !== null && tracks[v] !== trackOne);
  const weighted = outgoingGraph(network);
  const hopsOnly = { ...weighted, lengths: null };
  const ws = pathWorkspace(weighted);
  const hopWs = pathWorkspace(hopsOnly);
  const parent = new Int32Array(n).fill(-1);
  const parentStrength = new Float64Array(n);
  const { outOffsets, outTargets, outStrengths } = network;
  const result = sources.map((s): TrackOneReach => {
    const reachedByHops = shortestPathsFrom(hopsOnly, s, hopWs);
    let reach = 0;
    for (let i = 0; i < reachedByHops; i++) {
      const v = hopWs.order[i];
      if (v !== s && officials[v] && hopWs.distance[v] <= steps) reach++;
    }
    clearPaths(hopWs, reachedByHops);
    const reached = shortestPathsFrom(weighted, s, ws);
    // Parents: the first settled neighbour that lies on a shortest path (settle order breaks ties).
    for (let i = 0; i < reached; i++) {
      const v = ws.order[i];
      for (let e = outOffsets[v]; e < outOffsets[v + 1]; e++) {
        const w = outTargets[e];
        const length = weighted.lengths ? weighted.lengths[e] : 1;
        const dw = ws.distance[w];
        if (
          parent[w] < 0 &&
          w !== s &&
          dw > ws.distance[v] &&
          Math.abs(dw - (ws.distance[v] + length)) <= tieTolerance * dw
        ) {
          parent[w] = v;
          parentStrength[w] = outStrengths[e];
        }
      }
    }
    const paths: TrackOnePath[] = [];
    for (let i = 1; i < reached && paths.length < perActor; i++) {
      const t = ws.order[i];
      if (!officials[t]) continue;
      const path: string[] = [];
      let weakest = Infinity;
      for (let v = t; v !== s; v = parent[v]) {
        path.push(ids[v]);
        weakest = Math.min(weakest, parentStrength[v]);
      }
      path.push(ids[s]);
      path.reverse();
      paths.push({
        target: ids[t],
        path,
        distance: ws.distance[t],
        steps: path.length - 1,
        weakestStrength: weakest,
      });
    }
    for (let i = 0; i < reached; i++) parent[ws.order[i]] = -1;
    clearPaths(ws, reached);
    return { id: ids[s], track: tracks[s], reachWithinSteps: reach, paths };
  });
  result.sort(
    (a, b) =>
      b.reachWithinSteps - a.reachWithinSteps ||
      (a.paths[0]?.distance ?? Infinity) - (b.paths[0]?.distance ?? Infinity) ||
      byText(a.id, b.id),
  );
  return result;
}
