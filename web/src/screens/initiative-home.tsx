import { useTranslation } from 'react-i18next';

import { itemsOf, type Meeting, type Outcome } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';
import { useSession } from '../session.js';
import { useCan } from '../permissions.js';
import { DialogueList } from '../components/dialogue-list.js';
import { day, number, percent } from '../i18n/format.js';

export default function InitiativeHome({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const meetings = useResource('/api/initiatives/{id}/meetings', {
    params: { path: { id: initiativeId }, query: { limit: 500 } },
  });
  const outcomes = useResource('/api/initiatives/{id}/outcomes', {
    params: { path: { id: initiativeId }, query: { limit: 500 } },
  });
  const { session } = useSession();
  const can = useCan();
  // Participants and funders may not read the actor map (docs/foundation.md): no link they cannot follow.
  const me = session.status === 'signed-in' ? session.me : null;
  const isAdmin =
    !!me && initiative.state === 'ready' && me.admin_workspaces.includes(initiative.data.workspace_id);
  const hasRole = (roles: string[]) =>
    !!me?.memberships.some((m) => m.initiative_id === initiativeId && roles.includes(m.role));
  const canReadActors = isAdmin || hasRole(['convener', 'facilitator', 'researcher']);

  // Without the initiative itself nothing else on the page can be shown: one clear message, not three.
  if (initiative.state === 'error') {
    return (
      <section>
        <h1>{t('initiative.unavailable')}</h1>
        <ErrorMessage error={initiative.error} onRetry={initiative.reload} />
      </section>
    );
  }

  return (
    <section>
      <Loaded resource={initiative}>
        {(data) => (
          <>
            <Breadcrumbs trail={[{ to: `/w/${data.workspace_id}`, label: t('nav.workspace') }]} />
            <h1>{data.name}</h1>
            <p className="actions">
              <Link to={`/i/${initiativeId}/meetings`}>{t('nav.meetings')}</Link>
              <Link to={`/i/${initiativeId}/privacy`}>{t('privacy.link')}</Link>
              {(isAdmin || hasRole(['convener', 'facilitator', 'researcher', 'funder'])) && (
                <Link to={`/i/${initiativeId}/evidence`}>{t('nav.evidence')}</Link>
              )}
              {(isAdmin || hasRole(['convener', 'facilitator'])) && (
                <Link to={`/i/${initiativeId}/surveys`}>{t('nav.surveys')}</Link>
              )}
              {(isAdmin || hasRole(['convener', 'researcher'])) && (
                <Link to={`/i/${initiativeId}/research`}>{t('nav.research')}</Link>
              )}
              {canReadActors && (
                <Link to={`/w/${data.workspace_id}/actors?conflict=${data.conflict_id}`}>
                  {t('nav.actors')}
                </Link>
              )}
              {canReadActors && (
                <Link to={`/w/${data.workspace_id}/map?conflict=${data.conflict_id}`}>{t('nav.map')}</Link>
              )}
              {can('members.manage', { workspaceId: data.workspace_id, initiativeId }) && (
                <Link to={`/i/${initiativeId}/people`}>{t('people.link')}</Link>
              )}
              {isAdmin && <Link to={`/i/${initiativeId}/settings`}>{t('danger.settings')}</Link>}
            </p>
            <dl className="facts">
              <dt>{t('initiative.status')}</dt>
              <dd>{t(`initiative.statuses.${data.status}`)}</dd>
              {data.started_on && (
                <>
                  <dt>{t('initiative.started')}</dt>
                  <dd>{day(data.started_on)}</dd>
                </>
              )}
              {data.funding_needed !== null && (
                <>
                  <dt>{t('initiative.funding')}</dt>
                  <dd>
                    {t('initiative.fundingValue', {
                      pledged: number(data.funding_pledged ?? 0, { maximumFractionDigits: 0 }),
                      needed: number(data.funding_needed, { maximumFractionDigits: 0 }),
                    })}
                  </dd>
                </>
              )}
              {data.inclusion_target_women !== null && (
                <>
                  <dt>{t('initiative.target')}</dt>
                  <dd>{percent(data.inclusion_target_women)}</dd>
                </>
              )}
            </dl>
            {data.aims && (
              <>
                <h2>{t('initiative.aims')}</h2>
                <p>{data.aims}</p>
              </>
            )}
          </>
        )}
      </Loaded>
      <h2>{t('initiative.meetings')}</h2>
      <Loaded resource={meetings}>
        {(payload) => {
          const list = itemsOf<Meeting>(payload);
          if (!list.length) return <Empty>{t('meetings.noMeetings')}</Empty>;
          return (
            <ul>
              {list.map((meeting) => (
                <li key={meeting.id}>
                  <Link to={`/i/${initiativeId}/meetings/${meeting.id}`}>
                    {day(meeting.held_on)}: {meeting.title}
                  </Link>{' '}
                  <span className="tag">{t(`meetings.statuses.${meeting.status}`)}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      <h2>{t('initiative.outcomes')}</h2>
      <Loaded resource={outcomes}>
        {(payload) => {
          const list = itemsOf<Outcome>(payload);
          if (!list.length) return <Empty>{t('meetings.noOutcomes')}</Empty>;
          return (
            <ul>
              {list.map((outcome) => (
                <li key={outcome.id}>
                  {outcome.title} <span className="tag">{t(`meetings.outcomeKinds.${outcome.kind}`)}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      {initiative.state === 'ready' && (
        <DialogueList
          initiative={initiative.data}
          canParticipate={isAdmin || hasRole(['convener', 'facilitator', 'participant'])}
          canReadResults={isAdmin || hasRole(['convener', 'facilitator', 'researcher'])}
          canManage={isAdmin || hasRole(['convener', 'facilitator'])}
        />
      )}
    </section>
  );
}
