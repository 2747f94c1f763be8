import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf as listLabel } from '../i18n/labels.js';
import { api, apiGet } from '../api/client.js';
import { itemsOf, type Conflict } from '../api/records.js';
import { ActorsBreadcrumbs } from '../components/breadcrumbs.js';
import { SelectField } from '../components/form.js';
import { Empty, ErrorMessage, Loaded, Loading } from '../components/states.js';
import { layoutInWorker } from '../map/layout.js';
import { labelOf, NetworkPanels } from '../map/network-panels.js';
import {
  centralLabels,
  hostileColor,
  noGroupColor,
  nodeSizes,
  pairKey,
  sideColors,
  tieColor,
  tieColorOf,
  toGexf,
  toGraphml,
  toSvg,
  type LegendEntry,
  type MapEdge,
  type MapHighlight,
  type MapNode,
  type SizeMetric,
} from '../map/network-data.js';
import { download } from '../download.js';
import { useResource } from '../use-resource.js';
import { Link, splitQuery, usePath } from '../router.js';
import { tieKinds } from '../../../src/domain/vocabulary-lists.js';
import { decodeGraphColumns, type NetworkGraphColumns } from '../../../src/domain/network-graph-columns.js';

const SigmaView = lazy(() => import('../map/sigma-view.js'));

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

/** An actor as the map draws it: the plain node with its side, record id and measures. */
interface ActorOnMap extends MapNode {
  side: number;
  actorId: string;
  pseudonym: string;
  track: string | null;
  community: number;
  degree: number;
  betweenness: number;
  pagerank: number;
}

interface MapData {
  nodes: ActorOnMap[];
  edges: MapEdge[];
  groups: { name: string; color: string }[];
  version: string;
}

/** Tie kinds drawn by default: every kind but hostile, as the server's analyses default. */
const defaultKinds = tieKinds.filter((kind) => kind !== 'hostile');
/** How many labels an export draws: the most central actors (and the actor in focus). */
const exportedLabels = 40;

function mapData(columns: NetworkGraphColumns): MapData {
  const groups = columns.groups.map((group, index) => ({
    name: group.name,
    color: group.color ?? sideColors[index % sideColors.length],
  }));
  const decoded = decodeGraphColumns(columns);
  const nodes = decoded.nodes.map((node, v): ActorOnMap => {
    const side = columns.side[v];
    return {
      id: node.id,
      pseudonym: node.id,
      actorId: node.actorId,
      label: node.name ? `${node.name} (${node.id})` : node.id,
      color: side >= 0 ? groups[side].color : noGroupColor,
      groupLabel: side >= 0 ? groups[side].name : '',
      side,
      track: node.track,
      community: node.community,
      degree: node.degree,
      betweenness: node.betweenness,
      pagerank: node.pagerank,
    };
  });
  const edges = decoded.ties.map((tie, e): MapEdge => ({
    id: `t${e}`,
    source: tie.source,
    target: tie.target,
    kind: tie.kind,
    strength: tie.strength,
    directed: tie.directed,
    across: tie.across,
  }));
  return { nodes, edges, groups, version: columns.version };
}

function ConflictMap({ workspaceId, conflicts }: { workspaceId: string; conflicts: Conflict[] }) {
  const { t, i18n } = useTranslation();
  const preset = splitQuery(usePath()).query.get('conflict');
  const [conflictId, setConflictId] = useState(
    conflicts.some((entry) => entry.id === preset) ? (preset as string) : conflicts[0].id,
  );
  const conflict = conflicts.find((entry) => entry.id === conflictId) ?? conflicts[0];
  const [divideId, setDivideId] = useState(conflict.divides[0]?.id ?? '');
  const [metric, setMetric] = useState<SizeMetric>('degree');
  const [kinds, setKinds] = useState<string[]>(defaultKinds);
  const [asOf, setAsOf] = useState('');
  const [hiddenSides, setHiddenSides] = useState<ReadonlySet<number>>(new Set());
  const [focus, setFocus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [data, setData] = useState<MapData | null>(null);
  const [positions, setPositions] = useState<Record<string, { x: number; y: number }>>({});
  const [settled, setSettled] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [renderFailure, setRenderFailure] = useState<unknown>(null);
  const onRenderFailure = useCallback((error: unknown) => setRenderFailure(error), []);
  const onFocus = useCallback((id: string | null) => setFocus(id), []);

  // One filter for the map and every panel beside it: the server computes each on the same ties.
  const filter = useMemo(
    () => ({
      divide: divideId || undefined,
      kinds: kinds.join(','),
      ...(asOf ? { as_of: asOf } : {}),
    }),
    [divideId, kinds, asOf],
  );

  useEffect(() => {
    let live = true;
    setData(null);
    setFailure(null);
    setSettled(false);
    (async () => {
      const answer = await api.get('/api/conflicts/{id}/network/graph-columns', {
        params: { path: { id: conflictId }, query: filter },
      });
      if (!live) return;
      const columns = answer.result;
      const loaded = mapData(columns);
      // The first picture at once, from the server's layout; ForceAtlas2 then refines it off the main thread.
      const first: Record<string, { x: number; y: number }> = {};
      columns.ids.forEach((id, v) => (first[id] = { x: columns.x[v], y: columns.y[v] }));
      setPositions(first);
      setData(loaded);
      const refined = await layoutInWorker({
        nodes: columns.ids,
        x: columns.x,
        y: columns.y,
        edges: loaded.edges.map((edge) => [edge.source, edge.target, edge.strength]),
        iterations: columns.ids.length > 1000 ? 60 : 300,
      });
      if (!live) return;
      setPositions(refined);
      setSettled(true);
    })().catch((error: unknown) => {
      if (live) setFailure(error);
    });
    return () => {
      live = false;
    };
  }, [workspaceId, conflictId, filter]);

  const nodes = useMemo(
    () => (data?.nodes ?? []).filter((node) => !hiddenSides.has(node.side)),
    [data, hiddenSides],
  );
  const edges = useMemo(() => {
    const shown = new Set(nodes.map((node) => node.id));
    return (data?.edges ?? []).filter((edge) => shown.has(edge.source) && shown.has(edge.target));
  }, [data, nodes]);
  const betweenness = useMemo(() => new Map(nodes.map((node) => [node.id, node.betweenness])), [nodes]);
  const sizes = useMemo(
    () => nodeSizes(nodes, edges, metric, betweenness),
    [nodes, edges, metric, betweenness],
  );
  const byId = useMemo(() => new Map((data?.nodes ?? []).map((node) => [node.id, node])), [data]);
  const focused = focus ? byId.get(focus) : undefined;
  const focusedTies = useMemo(
    () => (focus ? edges.filter((edge) => edge.source === focus || edge.target === focus) : []),
    [edges, focus],
  );

  // Bridges and brokers between the groups of the divide, on the same ties as the map.
  // Asked once the map itself has arrived, so it does not hold up the first picture.
  const brokersRequest = useMemo(
    () =>
      data
        ? apiGet('/api/conflicts/{id}/network/brokers', {
            params: { path: { id: conflictId }, query: filter },
          })
        : null,
    [data, conflictId, filter],
  );
  const brokers = useResource(brokersRequest);
  const highlight = useMemo((): (MapHighlight & { top: TopBroker[] }) | null => {
    if (!data || brokers.state !== 'ready') return null;
    const found: MapHighlight & { top: TopBroker[] } = {
      bridges: new Set(),
      crossing: new Set(),
      brokers: new Set(),
      top: [],
    };
    for (const pair of brokers.data.result.pairs) {
      for (const tie of pair.cross_ties) {
        if (!byId.has(tie.source) || !byId.has(tie.target)) continue;
        (tie.is_bridge || pair.single_tie ? found.bridges : found.crossing).add(
          pairKey(tie.source, tie.target),
        );
      }
      // The three who link the most pairs of each two groups: ringing every contact would ring everyone.
      for (const broker of pair.brokers.filter((entry) => entry.pairs_linked > 0).slice(0, 3)) {
        if (!byId.has(broker.id)) continue;
        found.brokers.add(broker.id);
        found.top.push({
          label: labelOf(brokers.data, broker.id),
          count: broker.pairs_linked,
          groups: pair.groups,
        });
      }
    }
    for (const key of found.bridges) found.crossing.delete(key);
    return found;
  }, [data, brokers, byId]);

  const legend = useMemo((): LegendEntry[] => {
    const entries: LegendEntry[] = (data?.groups ?? []).map((group) => ({
      shape: 'swatch',
      color: group.color,
      label: group.name,
    }));
    entries.push({ shape: 'swatch', color: noGroupColor, label: t('map.noGroup') });
    entries.push({ shape: 'line', color: tieColor, width: 2, dash: null, label: t('map.tieLine') });
    entries.push({ shape: 'line', color: hostileColor, width: 2, dash: null, label: t('map.hostileTie') });
    entries.push({ shape: 'line', color: '#000', width: 3, dash: '8 5', label: t('map.bridgeTie') });
    entries.push({ shape: 'line', color: '#333', width: 1, dash: '4 3', label: t('map.crossTie') });
    entries.push({ shape: 'ring', label: t('map.broker') });
    return entries;
  }, [data, t]);

  function svgDrawing(): string {
    const labels = centralLabels(nodes, sizes, exportedLabels, focus ? [focus] : []);
    return toSvg(nodes, edges, positions, sizes, highlight, { labels, legend, title: t('map.title') });
  }

  function exportPng() {
    if (!data) return;
    const svg = svgDrawing();
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

  function focusBySearch(text: string): boolean {
    const wanted = text.trim().toLocaleLowerCase(i18n.language);
    if (!wanted) return false;
    const all = data?.nodes ?? [];
    const found =
      all.find((node) => node.label.toLocaleLowerCase(i18n.language) === wanted) ??
      all.find((node) => node.pseudonym.toLocaleLowerCase() === wanted) ??
      all.find((node) => node.label.toLocaleLowerCase(i18n.language).includes(wanted));
    if (!found) return false;
    if (hiddenSides.has(found.side)) {
      setHiddenSides((hidden) => new Set([...hidden].filter((side) => side !== found.side)));
    }
    setFocus(found.id);
    return true;
  }

  function toggleSide(side: number) {
    setHiddenSides((hidden) => {
      const next = new Set(hidden);
      if (next.has(side)) next.delete(side);
      else next.add(side);
      return next;
    });
    if (focused && focused.side === side) setFocus(null);
  }

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const sideRows = [
    ...(data?.groups ?? []).map((group, side) => ({ side, name: group.name, color: group.color })),
    { side: -1, name: t('map.noGroup'), color: noGroupColor },
  ];
  const [searchMissed, setSearchMissed] = useState(false);

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
              setHiddenSides(new Set());
              setFocus(null);
            }}
            options={conflicts.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        )}
        {conflict.divides.length > 0 && (
          <SelectField
            label={t('map.colourBy')}
            value={divideId}
            onChange={(value) => {
              setDivideId(value);
              setHiddenSides(new Set());
            }}
            options={conflict.divides.map((entry) => ({ value: entry.id, label: entry.name }))}
          />
        )}
        <SelectField
          label={t('map.sizeBy')}
          value={metric}
          onChange={(value) => setMetric(value as SizeMetric)}
          options={(['degree', 'strength', 'betweenness', 'uniform'] as const).map((value) => ({
            value,
            label: t(`map.metrics.${value}`),
          }))}
        />
        <div className="field">
          <label htmlFor="map-as-of">{t('map.asOf')}</label>
          <input id="map-as-of" type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
          <span className="hint">{asOf ? '' : t('map.allDates')}</span>
        </div>
        <fieldset className="checkboxes map-kinds">
          <legend>{t('map.tieKinds')}</legend>
          {tieKinds.map((kind) => {
            const checked = kinds.includes(kind);
            return (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={checked}
                  // At least one kind stays shown: a map of no ties answers no question.
                  disabled={checked && kinds.length === 1}
                  onChange={() =>
                    setKinds((current) =>
                      checked
                        ? current.filter((k) => k !== kind)
                        : tieKinds.filter((k) => k === kind || current.includes(k)),
                    )
                  }
                />{' '}
                <span
                  className="legend-line"
                  style={{ borderBlockStart: `2px solid ${tieColorOf(kind)}` }}
                  aria-hidden="true"
                />{' '}
                {t(`ties.kinds.${kind}`)}
              </label>
            );
          })}
        </fieldset>
      </form>
      <form
        className="filters map-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearchMissed(!focusBySearch(search));
        }}
      >
        <div className="field">
          <label htmlFor="map-search">{t('map.search')}</label>
          <input
            id="map-search"
            type="search"
            list="map-actors"
            value={search}
            autoComplete="off"
            onChange={(event) => {
              setSearch(event.target.value);
              setSearchMissed(false);
              // Picking a suggestion focuses at once.
              const exact = data?.nodes.find((node) => node.label === event.target.value);
              if (exact) focusBySearch(exact.label);
            }}
          />
          <datalist id="map-actors">
            {(data?.nodes ?? []).map((node) => (
              <option key={node.id} value={node.label} />
            ))}
          </datalist>
        </div>
        <button type="submit">{t('map.find')}</button>
        {searchMissed && (
          <p className="hint" role="status">
            {t('map.notFound', { text: search })}
          </p>
        )}
      </form>
      {failure !== null && <ErrorMessage error={failure} />}
      {!data && failure === null && <Loading label={t('map.loading')} />}
      {data && !data.nodes.length && <Empty>{t('map.empty')}</Empty>}
      {data && data.nodes.length > 0 && (
        <div className="map-layout">
          <div>
            {renderFailure !== null ? (
              <ErrorMessage error={renderFailure} />
            ) : (
              <Suspense fallback={<Loading label={t('map.loading')} />}>
                <SigmaView
                  nodes={nodes}
                  edges={edges}
                  positions={positions}
                  sizes={sizes}
                  highlight={highlight}
                  focus={focus}
                  onFocus={onFocus}
                  settled={settled}
                  label={t('map.summary', { actors: nodes.length, ties: edges.length })}
                  onFailure={onRenderFailure}
                />
              </Suspense>
            )}
            <p role="status">{t('map.summary', { actors: nodes.length, ties: edges.length })}</p>
            <p className="hint">{t('map.howTo')}</p>
          </div>
          <aside>
            {focused && (
              <section className="map-focus" aria-labelledby="map-focus-title">
                <h2 id="map-focus-title" dir="auto">
                  {focused.label}
                </h2>
                <dl className="facts">
                  <dt>{t('actors.groups')}</dt>
                  <dd>{focused.groupLabel || t('map.noGroup')}</dd>
                  <dt>{t('actors.track')}</dt>
                  <dd>{focused.track ? listLabel(t, 'actors.tracks', focused.track) : '—'}</dd>
                  <dt>{t('map.measures.ties')}</dt>
                  <dd>{focusedTies.length}</dd>
                  <dt>{t('map.measures.degree')}</dt>
                  <dd>{number.format(focused.degree)}</dd>
                  <dt>{t('map.measures.betweenness')}</dt>
                  <dd>{number.format(focused.betweenness)}</dd>
                  <dt>{t('map.measures.pagerank')}</dt>
                  <dd>{number.format(focused.pagerank)}</dd>
                  <dt>{t('map.measures.community')}</dt>
                  <dd>{focused.community >= 0 ? focused.community + 1 : '—'}</dd>
                </dl>
                <p className="actions">
                  <Link to={`/w/${workspaceId}/actors/${focused.actorId}`}>{t('map.openActor')}</Link>{' '}
                  <button type="button" onClick={() => setFocus(null)}>
                    {t('map.clearFocus')}
                  </button>
                </p>
              </section>
            )}
            <h2>{t('map.legend')}</h2>
            <fieldset className="legend">
              <legend>{t('map.showSides')}</legend>
              {sideRows.map((row) => (
                <label key={row.side}>
                  <input
                    type="checkbox"
                    checked={!hiddenSides.has(row.side)}
                    onChange={() => toggleSide(row.side)}
                  />
                  <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
                  <bdi>{row.name}</bdi>
                </label>
              ))}
            </fieldset>
            <ul className="legend" aria-label={t('map.legend')}>
              {legend
                .filter((entry) => entry.shape !== 'swatch')
                .map((entry) => (
                  <li key={entry.label}>
                    {entry.shape === 'ring' ? (
                      <span className="legend-ring" aria-hidden="true" />
                    ) : (
                      entry.shape === 'line' && (
                        <span
                          className="legend-line"
                          style={{
                            borderBlockStart: `${entry.width}px ${entry.dash ? 'dashed' : 'solid'} ${entry.color}`,
                          }}
                          aria-hidden="true"
                        />
                      )
                    )}
                    {entry.label}
                  </li>
                ))}
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
              <button type="button" onClick={() => download('network.svg', svgDrawing(), 'image/svg+xml')}>
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
            {/* The panels (introductions, fragility) are asked for once the map is drawn: not before it. */}
            {data && <NetworkPanels conflictId={conflictId} filter={filter} />}
          </aside>
          <details>
            <summary>{t('map.textAlternative')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('actors.pseudonym')}</th>
                  <th scope="col">{t('actors.name')}</th>
                  <th scope="col">{t('actors.groups')}</th>
                  <th scope="col">{t('map.metrics.degree')}</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((node) => (
                  <tr key={node.id}>
                    <td dir="auto">{node.pseudonym}</td>
                    <td dir="auto">{node.label === node.pseudonym ? '' : node.label}</td>
                    <td>{node.groupLabel}</td>
                    <td>{node.degree}</td>
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
