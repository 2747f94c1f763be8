import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { actorLabel } from '../api/names.js';
import { itemsOf, type Actor, type Tie } from '../api/records.js';
import { ActorsBreadcrumbs } from '../components/breadcrumbs.js';
import { Empty, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { TieEditor } from '../components/tie-editor.js';
import { useCan } from '../permissions.js';
import { useResource } from '../use-resource.js';
import { labelOf } from '../i18n/labels.js';
import { day } from '../i18n/format.js';

type NamedActor = Actor & Record<string, unknown>;

export default function ActorPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { workspaceId, actorId } = params;
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const actor = useResource('/api/actors/{id}', { params: { path: { id: actorId } } });
  const conflictId = actor.state === 'ready' ? actor.data.conflict_id : null;
  const ties = useResource(
    conflictId
      ? apiGet('/api/conflicts/{id}/ties', {
          params: { path: { id: conflictId }, query: { actor_id: actorId, limit: 10_000 } },
        })
      : null,
  );
  const others = useResource(
    conflictId
      ? apiGet('/api/conflicts/{id}/actors', { params: { path: { id: conflictId }, query: { limit: 500 } } })
      : null,
  );
  const conflict = useResource(
    conflictId ? apiGet('/api/conflicts/{id}', { params: { path: { id: conflictId } } }) : null,
  );
  const meetings = useResource('/api/actors/{id}/meetings', { params: { path: { id: actorId } } });
  // Names come only from the vault, and only to those allowed: anybody else gets an error and sees none.
  const identity = useResource('/api/actors/{id}/identity', { params: { path: { id: actorId } } });
  const names = identity.state === 'ready' ? (identity.data.identity?.names ?? []) : [];
  const othersById = new Map(
    others.state === 'ready' ? itemsOf<NamedActor>(others.data).map((entry) => [entry.id, entry]) : [],
  );
  const mayEditTies = conflictId !== null && can('ties.write', { workspaceId, conflictId });
  const groupNames = new Map(
    conflict.state === 'ready'
      ? conflict.data.divides.flatMap((divide) =>
          divide.groups.map((group) => [group.id, `${divide.name}: ${group.name}`] as const),
        )
      : [],
  );

  return (
    <section>
      <ActorsBreadcrumbs workspaceId={workspaceId} />
      <Loaded resource={actor}>
        {(data) => (
          <>
            <h1>{names[0] ?? data.pseudonym}</h1>
            <p className="actions">
              <Link to={`/w/${workspaceId}/actors/${actorId}/edit`}>{t('actors.edit')}</Link>
              <Link to={`/w/${workspaceId}/ties/new?from=${actorId}&conflict=${data.conflict_id}`}>
                {t('actors.addTie')}
              </Link>
            </p>
            <dl className="facts">
              <dt>{t('actors.pseudonym')}</dt>
              <dd>
                <bdi>{data.pseudonym}</bdi>
              </dd>
              {names.length > 1 && (
                <>
                  <dt>{t('actors.otherNames')}</dt>
                  <dd>{names.slice(1).join('; ')}</dd>
                </>
              )}
              <dt>{t('actors.kind')}</dt>
              <dd>{t(`actors.kinds.${data.kind}`)}</dd>
              <dt>{t('actors.role')}</dt>
              <dd>{t(`actors.roles.${data.role}`)}</dd>
              <dt>{t('actors.track')}</dt>
              <dd>{t(`actors.tracks.${data.track}`)}</dd>
              {data.gender && (
                <>
                  <dt>{t('actors.gender')}</dt>
                  <dd>{t(`actors.genders.${data.gender}`)}</dd>
                </>
              )}
              {data.region && (
                <>
                  <dt>{t('actors.region')}</dt>
                  <dd>{data.region}</dd>
                </>
              )}
              <dt>{t('actors.groups')}</dt>
              <dd>
                {(data.groups ?? [])
                  .map((group) => groupNames.get(group.group_id) ?? group.group_id)
                  .join('; ') || t('common.none')}
              </dd>
            </dl>
          </>
        )}
      </Loaded>

      <h2>{t('actors.ties')}</h2>
      <Loaded resource={ties}>
        {(payload) => {
          const list = itemsOf<Tie>(payload);
          if (!list.length) return <Empty>{t('actors.noTies')}</Empty>;
          const chosen = list.find((tie) => tie.id === editing);
          const tieLabel = (tie: Tie) => {
            const otherId = tie.source_actor_id === actorId ? tie.target_actor_id : tie.source_actor_id;
            const other = othersById.get(otherId);
            return `${t(`ties.kinds.${tie.kind}`)}: ${other ? actorLabel(other) : otherId.slice(0, 8)}`;
          };
          return (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('ties.other')}</th>
                    <th scope="col">{t('ties.kind')}</th>
                    <th scope="col">{t('ties.strength')}</th>
                    <th scope="col">{t('ties.validFrom')}</th>
                    <th scope="col">{t('ties.validTo')}</th>
                    <th scope="col">{t('ties.source')}</th>
                    {mayEditTies && <th scope="col">{t('tieEdit.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.map((tie) => {
                    const otherId =
                      tie.source_actor_id === actorId ? tie.target_actor_id : tie.source_actor_id;
                    const other = othersById.get(otherId);
                    return (
                      <tr key={tie.id}>
                        <td>
                          <Link to={`/w/${workspaceId}/actors/${otherId}`}>
                            {other ? actorLabel(other) : otherId.slice(0, 8)}
                          </Link>
                        </td>
                        <td>
                          {t(`ties.kinds.${tie.kind}`)}
                          {tie.directed ? (tie.source_actor_id === actorId ? ' →' : ' ←') : ''}
                        </td>
                        <td>{tie.strength}</td>
                        <td>{tie.valid_from ?? ''}</td>
                        <td>{tie.valid_to ?? ''}</td>
                        <td>{t(`ties.sources.${tie.source}`)}</td>
                        {mayEditTies && (
                          <td>
                            <button
                              type="button"
                              aria-expanded={editing === tie.id}
                              aria-label={t('tieEdit.editTie', {
                                actor: other ? actorLabel(other) : otherId.slice(0, 8),
                              })}
                              onClick={() => setEditing(editing === tie.id ? null : tie.id)}
                            >
                              {t('tieEdit.edit')}
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {chosen && (
                <TieEditor
                  key={chosen.id}
                  tie={chosen}
                  label={tieLabel(chosen)}
                  onDone={() => {
                    setEditing(null);
                    ties.reload();
                  }}
                />
              )}
            </div>
          );
        }}
      </Loaded>

      <h2>{t('actors.meetingsAttended')}</h2>
      <p className="hint">{t('actors.meetingsHint')}</p>
      <Loaded resource={meetings}>
        {(payload) =>
          payload.items.length === 0 ? (
            <Empty>{t('actors.noMeetings')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="meetings-attended">
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.heldOn')}</th>
                    <th scope="col">{t('meetings.meetingTitle')}</th>
                    <th scope="col">{t('meetings.groundRule')}</th>
                    <th scope="col">{t('meetings.attendeeRole')}</th>
                  </tr>
                </thead>
                <tbody>
                  {payload.items.map((meeting) => (
                    <tr key={meeting.meeting_id}>
                      <td>{day(meeting.held_on)}</td>
                      <td>
                        <Link to={`/i/${meeting.initiative_id}/meetings/${meeting.meeting_id}`}>
                          <bdi>{meeting.title}</bdi>
                        </Link>
                      </td>
                      <td>{t(`meetings.groundRules.${meeting.ground_rule}`)}</td>
                      <td>{labelOf(t, 'meetings.attendanceRoles', meeting.role)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <h2>{t('actors.networkPosition')}</h2>
      {actor.state === 'ready' && (
        <NetworkPosition
          workspaceId={workspaceId}
          conflictId={actor.data.conflict_id}
          pseudonym={actor.data.pseudonym}
        />
      )}
    </section>
  );
}

/** The measures an actor's network position is told by, as the metrics route names them. */
const positionMetrics = [
  'degree',
  'betweenness',
  'closeness',
  'pagerank',
  'constraint',
  'community',
] as const;

/**
 * The actor's place in their conflict's network: centralities, constraint and community, computed by the
 * server (cached per version of the map) on the map's default ties, with a link to them on the map.
 */
function NetworkPosition({
  workspaceId,
  conflictId,
  pseudonym,
}: {
  workspaceId: string;
  conflictId: string;
  pseudonym: string;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const metrics = useResource('/api/conflicts/{id}/network/metrics', {
    params: {
      path: { id: conflictId },
      query: { metrics: positionMetrics.join(','), names: false },
    },
  });
  return (
    <Loaded resource={metrics}>
      {(answer) => {
        const node = answer.result.nodes.find((entry) => entry.id === pseudonym);
        if (!node || !node.degree) return <Empty>{t('actors.positionNoTies')}</Empty>;
        const rows: [string, string][] = [
          [t('map.measures.degree'), number.format(node.degree)],
          [t('map.measures.betweenness'), number.format(node.betweenness ?? 0)],
          [t('map.measures.closeness'), number.format(node.closeness ?? 0)],
          [t('map.measures.pagerank'), number.format(node.pagerank ?? 0)],
          [t('map.measures.constraint'), node.constraint == null ? '—' : number.format(node.constraint)],
          [t('map.measures.community'), node.community == null ? '—' : String(node.community + 1)],
        ];
        return (
          <>
            <dl className="facts network-position">
              {rows.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="hint">{t('actors.positionHint')}</p>
            <p>
              <Link to={`/w/${workspaceId}/map?conflict=${conflictId}`}>{t('actors.positionOnMap')}</Link>
            </p>
          </>
        );
      }}
    </Loaded>
  );
}
