import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { itemsOf, type Conflict, type Initiative, type Meeting } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { SecondFactorRule } from '../components/second-factor-rule.js';
import { useAll, useResource } from '../use-resource.js';
import { isBridge, labelOf } from '../map/network-panels.js';
import { day, percent } from '../i18n/format.js';

/** Actors whose loss would split the network or cut its reach across the divide. */
function BridgeAlerts({ conflictId }: { conflictId: string }) {
  const { t } = useTranslation();
  const fragility = useResource('/api/conflicts/{id}/network/fragility', {
    params: { path: { id: conflictId }, query: { limit: 5 } },
  });
  // Those who may not read the actor map get no alert about it.
  if (fragility.state !== 'ready') return null;
  return (
    <>
      {fragility.data.result.filter(isBridge).map((loss) => (
        <li key={loss.id}>{t('workspace.bridgeAlert', { actor: labelOf(fragility.data, loss.id) })}</li>
      ))}
    </>
  );
}

/** The latest period in which women's share of attendees fell below the initiative's target. */
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
      {t('workspace.inclusionBelowTarget', {
        initiative: initiative.name,
        share: percent(last.share),
        target: percent(initiative.inclusion_target_women ?? 0),
      })}
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
  const { session } = useSession();
  const isAdmin = session.status === 'signed-in' && session.me.admin_workspaces.includes(workspaceId);

  return (
    <section>
      <Breadcrumbs trail={[{ to: `/w/${workspaceId}`, label: name }]} />
      <Loaded resource={workspace}>
        {(data) => (
          <>
            <h1>{data.name}</h1>
            {data.description && <p>{data.description}</p>}
          </>
        )}
      </Loaded>
      <p className="actions">
        <Link to={`/w/${workspaceId}/actors`}>{t('nav.actors')}</Link>
        <Link to={`/w/${workspaceId}/map`}>{t('nav.map')}</Link>
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
                  <h3>{conflict.name}</h3>
                  {conflict.description && <p>{conflict.description}</p>}
                  {conflict.divides?.length > 0 && (
                    <>
                      <p>
                        <strong>{t('workspace.divides')}</strong>
                      </p>
                      <ul>
                        {conflict.divides.map((divide) => (
                          <li key={divide.id}>
                            {divide.name}: {divide.groups.map((group) => group.name).join(', ')}
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
                    <Link to={`/i/${initiative.id}`}>{initiative.name}</Link>
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
                    {day(meeting.held_on)}: {meeting.title}
                  </Link>{' '}
                  {meeting.place && <span>({meeting.place})</span>}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>

      <h2>{t('workspace.alerts')}</h2>
      {conflicts.state === 'ready' && (
        <ul className="alert-list">
          {itemsOf<Conflict>(conflicts.data).map((conflict) => (
            <BridgeAlerts key={conflict.id} conflictId={conflict.id} />
          ))}
          {initiatives.state === 'ready' &&
            itemsOf<Initiative>(initiatives.data)
              .filter((initiative) => initiative.inclusion_target_women !== null)
              .map((initiative) => <InclusionAlert key={initiative.id} initiative={initiative} />)}
        </ul>
      )}
      {isAdmin && <SecondFactorRule workspaceId={workspaceId} />}
    </section>
  );
}
