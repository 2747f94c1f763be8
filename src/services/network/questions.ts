import { dateOrderIssue } from '../../domain/date-order.js';
import { raiseIssue } from '../../domain/rule-issue.js';
import { divideChange, type DivideChange } from '../../network/divide-change.js';
import { fragility, type ActorLoss } from '../../network/fragility.js';
import { groupBrokers, type GroupBrokersResult } from '../../network/group-brokers.js';
import { introductions, type Introduction } from '../../network/introductions.js';
import { trackOnePaths, type TrackOneReach } from '../../network/track-one-paths.js';
import type { ServiceContext } from '../context.js';
import { answer, loadActorMap, networkOf, pseudonymsOf, type NetworkAnswer } from './map.js';
import type {
  BrokersQuery,
  ChangesQuery,
  FragilityQuery,
  IntroductionsQuery,
  TrackOneQuery,
} from './options.js';

/** Bridges and brokers: who links each pair of groups, the ties across (bridges marked), the pairs with no tie. */
export async function conflictBrokers(
  ctx: ServiceContext,
  conflictId: string,
  query: BrokersQuery,
): Promise<NetworkAnswer<GroupBrokersResult>> {
  const map = await loadActorMap(ctx, conflictId, query);
  return answer(ctx, map, groupBrokers(networkOf(map)));
}

/** Whom to introduce next: cross-divide introductions through a trusted intermediary, with the reason. */
export async function conflictIntroductions(
  ctx: ServiceContext,
  conflictId: string,
  query: IntroductionsQuery,
): Promise<NetworkAnswer<Introduction[]>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const ranked = introductions(networkOf(map), { minTrust: query.minTrust, limit: query.limit });
  return answer(ctx, map, ranked);
}

/** Fragility: what the network loses if each actor (or the actors named) were gone, worst first. */
export async function conflictFragility(
  ctx: ServiceContext,
  conflictId: string,
  query: FragilityQuery,
): Promise<NetworkAnswer<ActorLoss[]>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const actors = query.actors ? pseudonymsOf(map, query.actors, 'actors') : undefined;
  return answer(ctx, map, fragility(networkOf(map), { actors, limit: query.limit }));
}

/** Paths to Track I: strongest-trust paths to official decision makers, and reach within k ties. */
export async function conflictTrackOnePaths(
  ctx: ServiceContext,
  conflictId: string,
  query: TrackOneQuery,
): Promise<NetworkAnswer<TrackOneReach[]>> {
  const map = await loadActorMap(ctx, conflictId, query);
  const from = query.actors ? pseudonymsOf(map, query.actors, 'actors') : undefined;
  const reach = trackOnePaths(networkOf(map), { steps: query.steps, from, pathsPerActor: query.paths });
  return answer(ctx, map, reach.slice(0, query.limit));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `to` defaults to today (UTC), `from` to a year before `to`. */
export function changePeriod(query: Pick<ChangesQuery, 'from' | 'to'>, today = new Date()): [string, string] {
  const to = query.to ?? isoDay(today);
  let from = query.from;
  if (from === undefined) {
    const yearBefore = new Date(`${to}T00:00:00.000Z`);
    yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
    from = isoDay(yearBefore);
  }
  // Checked again after the defaults: a `from` alone may lie after today.
  raiseIssue(dateOrderIssue({ from, to }, 'from', 'to'));
  return [from, to];
}

/** How the ties across the divide changed between two dates: new ones and lost ones. */
export async function conflictDivideChange(
  ctx: ServiceContext,
  conflictId: string,
  query: ChangesQuery,
): Promise<NetworkAnswer<DivideChange>> {
  const [from, to] = changePeriod(query);
  const map = await loadActorMap(ctx, conflictId, query, { keepPeriod: false });
  const input = { ...map.input, ties: map.allTieRows };
  return answer(ctx, map, divideChange(input, from, to, map.filter));
}
