import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client.js';
import { itemsOf, type Initiative, type Meeting, type Outcome } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Empty, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

export default function InitiativeHome({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource<Initiative>(`/api/initiatives/${initiativeId}`);
  const meetings = useResource<unknown>(withQuery('/api/meetings', { initiative_id: initiativeId }));
  const outcomes = useResource<unknown>(withQuery('/api/outcomes', { initiative_id: initiativeId }));
  const money = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });

  return (
    <section>
      <Loaded resource={initiative}>
        {(data) => (
          <>
            <Breadcrumbs trail={[{ to: `/w/${data.workspace_id}`, label: t('nav.workspace') }]} />
            <h1>{data.name}</h1>
            <p className="actions">
              <Link to={`/i/${initiativeId}/meetings`}>{t('nav.meetings')}</Link>
            </p>
            <dl className="facts">
              <dt>{t('initiative.status')}</dt>
              <dd>{t(`initiative.statuses.${data.status}`)}</dd>
              {data.started_on && (
                <>
                  <dt>{t('initiative.started')}</dt>
                  <dd>{data.started_on}</dd>
                </>
              )}
              {data.funding_needed !== null && (
                <>
                  <dt>{t('initiative.funding')}</dt>
                  <dd>
                    {t('initiative.fundingValue', {
                      pledged: money.format(data.funding_pledged ?? 0),
                      needed: money.format(data.funding_needed),
                    })}
                  </dd>
                </>
              )}
              {data.inclusion_target_women !== null && (
                <>
                  <dt>{t('initiative.target')}</dt>
                  <dd>{percent.format(data.inclusion_target_women)}</dd>
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
                    {meeting.held_on}: {meeting.title}
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
      <h2>{t('initiative.dialogues')}</h2>
      <p className="notice">{t('common.notAvailable')}</p>
    </section>
  );
}
