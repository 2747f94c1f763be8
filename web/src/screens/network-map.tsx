import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { actorName } from '../api/names.js';
import { itemsOf, nextOf, type Actor, type Conflict, type Tie } from '../api/records.js';
import { ActorsBreadcrumbs } from '../components/breadcrumbs.js';
import { SelectField } from '../components/form.js';
import { Empty, ErrorMessage, Loaded, Loading } from '../components/states.js';
import { layoutInWorker } from '../map/layout.js';
import { labelOf, NetworkPanels } from '../map/network-panels.js';
import {
  noGroupColor,
  nodeSizes,
  pairKey,
  sideColors,
  toGexf,
  toGraphml,
  toSvg,
  type MapEdge,
  type MapHighlight,
  type MapNode,
  type SizeMetric,
} from '../map/network-data.js';
import { download } from '../download.js';
import { useResource } from '../use-resource.js';
import { splitQuery, usePath } from '../router.js';
import { tieKinds } from '../../../src/domain/vocabulary-lists.js';

const SigmaView = lazy(() => import('../map/sigma-view.js'));

/** Fetches every page of a list (the API caps a page); the map needs the whole conflict. */
async function fetchAll<T>(
  load: (page: { limit: number; offset: number }) => Promise<{ items: T[]; next?: number }>,
  pageSize: number,
) {
  const all: T[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page = await load({ limit: pageSize, offset });
    all.push(...itemsOf(page));
    offset = nextOf(page);
  }
  return all;
}

export default function NetworkMap({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { workspaceId } = params;
  const conflicts = useResource('/api/workspaces/{id}/conflicts', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  return (
    <section>
      <ActorsBreadcrumbs workspaceId={workspaceId} />
      <h1>{t('map.title')}</h1>
      <Loaded resource={conflicts}>
        {(payload) => {
          const list = itemsOf<Conflict>(payload);
          if (!list.length) return <Empty>{t('workspace.noConflicts')}</Empty>;
          return <ConflictMap workspaceId={workspaceId} conflicts={list} />;
        }}
      </Loaded>
    </section>
  );
}

interface TopBroker {
  label: string;
  count: number;
  groups: string[];
}

interface NetworkData {
  actors: Actor[];
  ties: Tie[];
  positions: Record<string, { x: number; y: number }>;
}

function ConflictMap({ workspaceId, conflicts }: { workspaceId: string; conflicts: Conflict[] }) {
  const { t } = useTranslation();
  const preset = splitQuery(usePath()).query.get('conflict');
  const [conflictId, setConflictId] = useState(
    conflicts.some((entry) => entry.id === preset) ? (preset as string) : conflicts[0].id,
  );
  const conflict = conflicts.find((entry) => entry.id === conflictId) ?? conflicts[0];
  const [divideId, setDivideId] = useState(conflict.divides[0]?.id ?? '');
  const [metric, setMetric] = useState<SizeMetric>('degree');
  const [kind, setKind] = useState('');
  const [dayIndex, setDayIndex] = useState<number | null>(null);
  const [data, setData] = useState<NetworkData | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [renderFailure, setRenderFailure] = useState<unknown>(null);
  const onRenderFailure = useCallback((error: unknown) => setRenderFailure(error), []);

  useEffect(() => {
    let live = true;
    setData(null);
    setFailure(null);
    (async () => {
      const [actors, ties] = await Promise.all([
        fetchAll(
          (query) => api.get('/api/conflicts/{id}/actors', { params: { path: { id: conflictId }, query } }),
          500,
        ),
        fetchAll(
          (query) => api.get('/api/conflicts/{id}/ties', { params: { path: { id: conflictId }, query } }),
          10_000,
        ),
      ]);
      const positions = await layoutInWorker({
        nodes: actors.map((actor) => actor.id),
        edges: ties.map((tie) => [tie.source_actor_id, tie.target_actor_id, tie.strength]),
        iterations: 300,
      });
      if (live) setData({ actors, ties, positions });
    })().catch((error: unknown) => {
      if (live) setFailure(error);
    });
    return () => {
      live = false;
    };
  }, [workspaceId, conflictId]);

  // The time slider walks the days on which ties begin or end.
  const days = useMemo(() => {
    if (!data) return [];
    const set = new Set<string>();
    for (const tie of data.ties) {
      if (tie.valid_from) set.add(tie.valid_from);
      if (tie.valid_to) set.add(tie.valid_to);
    }
    return [...set].sort();
  }, [data]);
  const asOf = dayIndex === null ? null : (days[Math.min(dayIndex, days.length - 1)] ?? null);

  const divide = conflict.divides.find((entry) => entry.id === divideId);
  const groupColors = useMemo(() => {
    const colors = new Map<string, { color: string; name: string }>();
    divide?.groups.forEach((group, index) =>
      colors.set(group.id, { color: group.color ?? sideColors[index % sideColors.length], name: group.name }),
    );
    return colors;
  }, [divide]);

  const nodes: MapNode[] = useMemo(
    () =>
      (data?.actors ?? []).map((actor) => {
        const membership = actor.groups?.find((group) => group.divide_id === divideId);
        const group = membership ? groupColors.get(membership.group_id) : undefined;
        return {
          id: actor.id,
          label: actorName(actor) ?? actor.pseudonym,
          color: group?.color ?? noGroupColor,
          groupLabel: group?.name ?? '',
        };
      }),
    [data, divideId, groupColors],
  );
  const edges: MapEdge[] = useMemo(
    () =>
      (data?.ties ?? [])
        .filter((tie) => !kind || tie.kind === kind)
        .filter(
          (tie) =>
            !asOf || ((!tie.valid_from || tie.valid_from <= asOf) && (!tie.valid_to || tie.valid_to >= asOf)),
        )
        .map((tie) => ({
          id: tie.id,
          source: tie.source_actor_id,
          target: tie.target_actor_id,
          kind: tie.kind,
          strength: tie.strength,
          directed: tie.directed,
        })),
    [data, kind, asOf],
  );
  const sizes = useMemo(() => nodeSizes(nodes, edges, metric), [nodes, edges, metric]);

  // Bridges and brokers between the groups of the divide the map is coloured by.
  const brokers = useResource('/api/conflicts/{id}/network/brokers', {
    params: { path: { id: conflictId }, query: { divide: divideId || undefined } },
  });
  const highlight = useMemo((): (MapHighlight & { top: TopBroker[] }) | null => {
    if (!data || brokers.state !== 'ready') return null;
    const idOf = new Map(data.actors.map((actor) => [actor.pseudonym, actor.id]));
    const found: MapHighlight & { top: TopBroker[] } = {
      bridges: new Set(),
      crossing: new Set(),
      brokers: new Set(),
      top: [],
    };
    for (const pair of brokers.data.result.pairs) {
      for (const tie of pair.cross_ties) {
        const [a, b] = [idOf.get(tie.source), idOf.get(tie.target)];
        if (!a || !b) continue;
        (tie.is_bridge || pair.single_tie ? found.bridges : found.crossing).add(pairKey(a, b));
      }
      // The three who link the most pairs of each two groups: ringing every contact would ring everyone.
      for (const broker of pair.brokers.filter((entry) => entry.pairs_linked > 0).slice(0, 3)) {
        const id = idOf.get(broker.id);
        if (!id) continue;
        found.brokers.add(id);
        found.top.push({
          label: labelOf(brokers.data, broker.id),
          count: broker.pairs_linked,
          groups: pair.groups,
        });
      }
    }
    for (const key of found.bridges) found.crossing.delete(key);
    return found;
  }, [data, brokers]);

  function exportPng() {
    if (!data) return;
    const svg = toSvg(nodes, edges, data.positions, sizes, highlight);
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      canvas.getContext('2d')?.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && download('network.png', blob, 'image/png'));
    };
    image.src = url;
  }

  return (
    <>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        {conflicts.length > 1 && (
          <SelectField
            label={t('actors.conflict')}
            value={conflictId}
            onChange={(value) => {
              setConflictId(value);
              setDivideId(conflicts.find((entry) => entry.id === value)?.divides[0]?.id ?? '');
            }}
            options={conflicts.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        )}
        {conflict.divides.length > 0 && (
          <SelectField
            label={t('map.colourBy')}
            value={divideId}
            onChange={setDivideId}
            options={conflict.divides.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        )}
        <SelectField
          label={t('map.sizeBy')}
          value={metric}
          onChange={(value) => setMetric(value as SizeMetric)}
          options={(['degree', 'strength', 'uniform'] as const).map((value) => ({
            value,
            label: t(`map.metrics.${value}`),
          }))}
        />
        <SelectField
          label={t('map.tieKind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: '', label: t('common.any') },
            ...tieKinds.map((value) => ({ value, label: t(`ties.kinds.${value}`) })),
          ]}
        />
        {days.length > 1 && (
          <div className="field">
            <label htmlFor="map-as-of">
              {t('map.asOf')}: {asOf ?? t('map.allDates')}
            </label>
            <input
              id="map-as-of"
              type="range"
              min={-1}
              max={days.length - 1}
              value={dayIndex ?? -1}
              onChange={(event) => {
                const value = Number(event.target.value);
                setDayIndex(value < 0 ? null : value);
              }}
              aria-valuetext={asOf ?? t('map.allDates')}
            />
          </div>
        )}
      </form>
      {failure !== null && <ErrorMessage error={failure} />}
      {!data && failure === null && <Loading label={t('map.loading')} />}
      {data && !nodes.length && <Empty>{t('map.empty')}</Empty>}
      {data && nodes.length > 0 && (
        <div className="map-layout">
          <div>
            {renderFailure !== null ? (
              <ErrorMessage error={renderFailure} />
            ) : (
              <Suspense fallback={<Loading label={t('map.loading')} />}>
                <SigmaView
                  nodes={nodes}
                  edges={edges}
                  positions={data.positions}
                  sizes={sizes}
                  highlight={highlight}
                  label={t('map.summary', { actors: nodes.length, ties: edges.length })}
                  onFailure={onRenderFailure}
                />
              </Suspense>
            )}
            <p role="status">{t('map.summary', { actors: nodes.length, ties: edges.length })}</p>
          </div>
          <aside>
            <h2>{t('map.legend')}</h2>
            <ul className="legend">
              {[...groupColors.values()].map((group) => (
                <li key={group.name}>
                  <span className="swatch" style={{ background: group.color }} aria-hidden="true" />
                  <bdi>{group.name}</bdi>
                </li>
              ))}
              <li>
                <span className="swatch" style={{ background: noGroupColor }} aria-hidden="true" />
                {t('map.noGroup')}
              </li>
              <li>
                <span className="legend-line legend-bridge" aria-hidden="true" />
                {t('map.bridgeTie')}
              </li>
              <li>
                <span className="legend-line" aria-hidden="true" />
                {t('map.crossTie')}
              </li>
              <li>
                <span className="legend-ring" aria-hidden="true" />
                {t('map.broker')}
              </li>
            </ul>
            <h2>{t('map.bridgesAndBrokers')}</h2>
            {brokers.state === 'loading' && <Loading />}
            {brokers.state === 'error' && <Empty>{t('map.noBrokers')}</Empty>}
            {highlight && (
              <>
                <p className="brokers-summary">
                  {t('map.brokersSummary', {
                    bridges: t('map.bridgeTies', { count: highlight.bridges.size }),
                    brokers: t('map.brokerCount', { count: highlight.brokers.size }),
                  })}
                </p>
                <ol className="panel-list brokers-list">
                  {highlight.top.slice(0, 6).map((broker) => (
                    <li key={`${broker.label}-${broker.groups.join('|')}`}>
                      {t('map.brokerLinks', {
                        actor: broker.label,
                        count: broker.count,
                        first: broker.groups[0],
                        second: broker.groups[1],
                      })}
                    </li>
                  ))}
                </ol>
              </>
            )}
            <div className="actions">
              <button type="button" onClick={exportPng}>
                {t('map.exportPng')}
              </button>
              <button
                type="button"
                onClick={() =>
                  download(
                    'network.svg',
                    toSvg(nodes, edges, data.positions, sizes, highlight),
                    'image/svg+xml',
                  )
                }
              >
                {t('map.exportSvg')}
              </button>
              <button
                type="button"
                onClick={() =>
                  download('network.graphml', toGraphml(nodes, edges), 'application/graphml+xml')
                }
              >
                {t('map.exportGraphml')}
              </button>
              <button
                type="button"
                onClick={() => download('network.gexf', toGexf(nodes, edges), 'application/gexf+xml')}
              >
                {t('map.exportGexf')}
              </button>
            </div>
            <NetworkPanels conflictId={conflictId} />
          </aside>
          <details>
            <summary>{t('map.textAlternative')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('actors.pseudonym')}</th>
                  <th scope="col">{t('actors.groups')}</th>
                  <th scope="col">{t('map.metrics.degree')}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((node) => (
                  <tr key={node.id}>
                    <td dir="auto">{node.label}</td>
                    <td>{node.groupLabel}</td>
                    <td>
                      {edges.filter((edge) => edge.source === node.id || edge.target === node.id).length}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </>
  );
}
