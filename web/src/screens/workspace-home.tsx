import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { itemsOf, type Conflict, type Initiative, type Meeting } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useCan } from '../permissions.js';
import { SecondFactorRule } from '../components/second-factor-rule.js';
import { useAll, useResource } from '../use-resource.js';
import { isBridge, labelOf } from '../map/network-panels.js';
import { day, percent } from '../i18n/format.js';

/** Actors whose loss would split the network or cut its reach across the divide, each a link to the actor. */
function BridgeAlerts({ workspaceId, conflictId }: { workspaceId: string; conflictId: string }) {
  const { t } = useTranslation();
  const fragility = useResource('/api/conflicts/{id}/network/fragility', {
    params: { path: { id: conflictId }, query: { limit: 5 } },
  });
  // Those who may not read the actor map get no alert about it.
  if (fragility.state !== 'ready') return null;
  return (
    <>
      {fragility.data.result.filter(isBridge).map((loss) => (
        <li key={loss.id}>
          <Link to={`/w/${workspaceId}/actors/${loss.id}`}>
            {t('workspace.bridgeAlert', { actor: labelOf(fragility.data, loss.id) })}
          </Link>
        </li>
      ))}
    </>
  );
}

/** The latest period in which women's share of attendees fell below the initiative's target, a link to its evidence. */
function InclusionAlert({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const report = useResource('/api/initiatives/{id}/evidence/inclusion', {
    params: { path: { id: initiative.id } },
  });
  if (report.state !== 'ready') return null;
  const rows =
    report.data.initiatives.find((entry) => entry.initiative_id === initiative.id)?.over_time.rows ?? [];
  const last = rows[rows.length - 1];
  if (!last || !last.below_target) return null;
  return (
    <li>
      <Link to={`/i/${initiative.id}/evidence`}>
        {t('workspace.inclusionBelowTarget', {
          initiative: initiative.name,
          share: percent(last.share),
          target: percent(initiative.inclusion_target_women ?? 0),
        })}
      </Link>
    </li>
  );
}

export default function WorkspaceHome({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { workspaceId } = params;
  const workspace = useResource('/api/workspaces/{id}', { params: { path: { id: workspaceId } } });
  const conflicts = useResource('/api/workspaces/{id}/conflicts', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  const initiatives = useResource('/api/workspaces/{id}/initiatives', {
    params: { path: { id: workspaceId }, query: { limit: 500 } },
  });
  const today = new Date().toISOString().slice(0, 10);
  const initiativeIds =
    initiatives.state === 'ready' ? itemsOf<Initiative>(initiatives.data).map((entry) => entry.id) : null;
  const meetings = useAll(
    initiativeIds?.map((id) =>
      apiGet('/api/initiatives/{id}/meetings', { params: { path: { id }, query: { limit: 500 } } }),
    ) ?? null,
  );
  const name = workspace.state === 'ready' ? workspace.data.name : '…';
  const can = useCan();
  const isAdmin = can('workspace.manage', { workspaceId });
  // Alerts only from what the account may read: the actor map of a conflict, an initiative's evidence.
  const mapReaders =
    conflicts.state === 'ready'
      ? itemsOf<Conflict>(conflicts.data).filter((c) => can('actors.read', { workspaceId, conflictId: c.id }))
      : [];
  const evidenceReaders =
    initiatives.state === 'ready'
      ? itemsOf<Initiative>(initiatives.data).filter(
          (i) =>
            i.inclusion_target_women !== null &&
            can('evidence.read', { workspaceId, conflictId: i.conflict_id, initiativeId: i.id }),
        )
      : [];

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/w/${workspaceId}`, label: name }]} />
      <Loaded resource={workspace}>
        {(data) => (
          <>
            <h1 dir="auto">{data.name}</h1>
            {data.description && <p dir="auto">{data.description}</p>}
          </>
        )}
      </Loaded>
      <p className="actions">
        {can('actors.read', { workspaceId }) && (
          <>
            <Link to={`/w/${workspaceId}/actors`}>{t('nav.actors')}</Link>
            <Link to={`/w/${workspaceId}/map`}>{t('nav.map')}</Link>
          </>
        )}
        {isAdmin && <Link to={`/w/${workspaceId}/settings`}>{t('danger.settings')}</Link>}
      </p>

      <h2>{t('workspace.conflicts')}</h2>
      <Loaded resource={conflicts}>
        {(payload) => {
          const list = itemsOf<Conflict>(payload);
          if (!list.length) return <Empty>{t('workspace.noConflicts')}</Empty>;
          return (
            <ul className="cards">
              {list.map((conflict) => (
                <li key={conflict.id} className="card">
                  <h3 dir="auto">{conflict.name}</h3>
                  {conflict.description && <p dir="auto">{conflict.description}</p>}
                  {conflict.divides?.length > 0 && (
                    <>
                      <p>
                        <strong>{t('workspace.divides')}</strong>
                      </p>
                      <ul>
                        {conflict.divides.map((divide) => (
                          <li key={divide.id}>
                            <bdi>{divide.name}</bdi>:{' '}
                            <bdi>{divide.groups.map((group) => group.name).join(', ')}</bdi>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>

      <h2>{t('workspace.initiatives')}</h2>
      <Loaded resource={initiatives}>
        {(payload) => {
          const list = itemsOf<Initiative>(payload);
          if (!list.length) return <Empty>{t('workspace.noInitiatives')}</Empty>;
          return (
            <ul className="cards">
              {list.map((initiative) => (
                <li key={initiative.id} className="card">
                  <h3>
                    <Link to={`/i/${initiative.id}`}>
                      <bdi>{initiative.name}</bdi>
                    </Link>
                  </h3>
                  <span className="tag">{t(`initiative.statuses.${initiative.status}`)}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>

      <h2>{t('workspace.nextMeetings')}</h2>
      <Loaded resource={meetings}>
        {(pages) => {
          const list = pages
            .flatMap((payload) => itemsOf<Meeting>(payload))
            .filter((meeting) => meeting.held_on >= today && meeting.status === 'planned')
            .sort((a, b) => a.held_on.localeCompare(b.held_on))
            .slice(0, 5);
          if (!list.length) return <Empty>{t('workspace.noMeetings')}</Empty>;
          return (
            <ul>
              {list.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/i/${meeting.initiative_id}/meetings/${meeting.id}`}>
                    <bdi>{day(meeting.held_on)}</bdi>: <bdi>{meeting.title}</bdi>
                  </Link>{' '}
                  {meeting.place && (
                    <span>
                      (<bdi>{meeting.place}</bdi>)
                    </span>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>

      {(mapReaders.length > 0 || evidenceReaders.length > 0) && (
        <>
          <h2>{t('workspace.alerts')}</h2>
          <ul className="alert-list">
            {mapReaders.map((conflict) => (
              <BridgeAlerts key={conflict.id} workspaceId={workspaceId} conflictId={conflict.id} />
            ))}
            {evidenceReaders.map((initiative) => (
              <InclusionAlert key={initiative.id} initiative={initiative} />
            ))}
          </ul>
        </>
      )}
      {isAdmin && <SecondFactorRule workspaceId={workspaceId} />}
    </section>
  );
}
