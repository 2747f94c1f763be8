import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { itemsOf, type Meeting, type Outcome } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';
import { DialogueList } from '../components/dialogue-list.js';
import { InitiativeEdit } from '../components/initiative-edit.js';
import { useInitiativeCan } from '../permissions.js';
import { day, number, percent } from '../i18n/format.js';

export default function InitiativeHome({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  // Each link and action only for the roles the access table lets through: none that ends in a refusal.
  const can = useInitiativeCan(initiativeId);
  // Nor a load that does: a translator, who reads statements only, sees the dialogues and nothing else.
  const canReadMeetings = can('meetings.read');
  const canReadOutcomes = can('outcomes.read');
  const meetings = useResource(
    canReadMeetings
      ? apiGet('/api/initiatives/{id}/meetings', {
          params: { path: { id: initiativeId }, query: { limit: 500 } },
        })
      : null,
  );
  const outcomes = useResource(
    canReadOutcomes
      ? apiGet('/api/initiatives/{id}/outcomes', {
          params: { path: { id: initiativeId }, query: { limit: 500 } },
        })
      : null,
  );
  const canReadActors = can('actors.read');
  const [editing, setEditing] = useState(false);

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
            <h1 dir="auto">{data.name}</h1>
            <p className="actions">
              {canReadMeetings && <Link to={`/i/${initiativeId}/meetings`}>{t('nav.meetings')}</Link>}
              <Link to={`/i/${initiativeId}/privacy`}>{t('privacy.link')}</Link>
              {can('evidence.read') && <Link to={`/i/${initiativeId}/evidence`}>{t('nav.evidence')}</Link>}
              {can('surveys.manage') && <Link to={`/i/${initiativeId}/surveys`}>{t('nav.surveys')}</Link>}
              {can('export.research') && <Link to={`/i/${initiativeId}/research`}>{t('nav.research')}</Link>}
              {canReadActors && (
                <Link to={`/w/${data.workspace_id}/actors?conflict=${data.conflict_id}`}>
                  {t('nav.actors')}
                </Link>
              )}
              {canReadActors && (
                <Link to={`/w/${data.workspace_id}/map?conflict=${data.conflict_id}`}>{t('nav.map')}</Link>
              )}
              {can('trackone.read') && (
                <Link to={`/c/${data.conflict_id}/track-one`}>{t('trackOne.link')}</Link>
              )}
              {can('funding.read') && (
                <Link to={`/i/${initiativeId}/resources`}>{t('trackOne.resourcesLink')}</Link>
              )}
              {can('indicators.write') && (
                <Link to={`/i/${initiativeId}/indicators`}>{t('trackOne.indicatorsLink')}</Link>
              )}
              {can('members.manage') && <Link to={`/i/${initiativeId}/people`}>{t('people.link')}</Link>}
              {can('workspace.manage') && (
                <Link to={`/i/${initiativeId}/settings`}>{t('danger.settings')}</Link>
              )}
              {can('initiative.write') && !editing && (
                <button type="button" onClick={() => setEditing(true)}>
                  {t('edits.editInitiative')}
                </button>
              )}
            </p>
            {editing && (
              <InitiativeEdit
                initiative={data}
                showFunding={can('funding.read')}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  initiative.reload();
                }}
              />
            )}
            <dl className="facts">
              <dt>{t('initiative.status')}</dt>
              <dd>{t(`initiative.statuses.${data.status}`)}</dd>
              {data.started_on && (
                <>
                  <dt>{t('initiative.started')}</dt>
                  <dd>{day(data.started_on)}</dd>
                </>
              )}
              {can('funding.read') && data.funding_needed !== null && (
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
                <p dir="auto">{data.aims}</p>
              </>
            )}
          </>
        )}
      </Loaded>
      {canReadMeetings && <h2>{t('initiative.meetings')}</h2>}
      {canReadMeetings && (
        <Loaded resource={meetings}>
          {(payload) => {
            const list = itemsOf<Meeting>(payload);
            if (!list.length) return <Empty>{t('meetings.noMeetings')}</Empty>;
            return (
              <ul>
                {list.map((meeting) => (
                  <li key={meeting.id}>
                    <Link to={`/i/${initiativeId}/meetings/${meeting.id}`}>
                      <bdi>{day(meeting.held_on)}</bdi>: <bdi>{meeting.title}</bdi>
                    </Link>{' '}
                    <span className="tag">{t(`meetings.statuses.${meeting.status}`)}</span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      )}
      {canReadOutcomes && <h2>{t('initiative.outcomes')}</h2>}
      {canReadOutcomes && (
        <Loaded resource={outcomes}>
          {(payload) => {
            const list = itemsOf<Outcome>(payload);
            if (!list.length) return <Empty>{t('meetings.noOutcomes')}</Empty>;
            return (
              <ul>
                {list.map((outcome) => (
                  <li key={outcome.id}>
                    <bdi>{outcome.title}</bdi>{' '}
                    <span className="tag">{t(`meetings.outcomeKinds.${outcome.kind}`)}</span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
      )}
      {initiative.state === 'ready' && (
        <DialogueList
          initiative={initiative.data}
          canParticipate={can('dialogues.participate')}
          canReadResults={can('dialogues.results')}
          canManage={can('dialogues.manage')}
          canTranslate={can('statements.translate')}
        />
      )}
    </section>
  );
}
