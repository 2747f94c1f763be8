import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.js';
import { itemsOf, type Actor } from '../api/records.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Loaded } from '../components/states.js';
import { AttendanceSection } from '../meeting/attendance-section.js';
import { MeetingFacts } from '../meeting/meeting-facts.js';
import { MeetingTextEditor } from '../meeting/meeting-text-editor.js';
import { OutcomesSection } from '../meeting/outcomes-section.js';
import { useCan } from '../permissions.js';
import { useResource } from '../use-resource.js';

type NamedActor = Actor & Record<string, unknown>;

/**
 * One meeting: its facts, attendance, minutes and notes (as its ground rule allows), and its outcomes. Each
 * part offers only what the account's role may do there, and what it may not read is not asked for.
 */
export default function MeetingPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const can = useCan();
  const { initiativeId, meetingId } = params;
  const meeting = useResource('/api/meetings/{id}', { params: { path: { id: meetingId } } });
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const conflictId = initiative.state === 'ready' ? initiative.data.conflict_id : null;
  const workspaceId = initiative.state === 'ready' ? initiative.data.workspace_id : null;
  const place = workspaceId ? { workspaceId, conflictId, initiativeId } : null;
  const mayReadActors = place !== null && can('actors.read', place);
  // The labels of attendees already recorded; the pickers search the server themselves.
  const actors = useResource(
    conflictId && mayReadActors
      ? apiGet('/api/conflicts/{id}/actors', { params: { path: { id: conflictId }, query: { limit: 500 } } })
      : null,
  );
  const actorsById = new Map(
    (actors.state === 'ready' ? itemsOf<NamedActor>(actors.data) : []).map((actor) => [actor.id, actor]),
  );
  const searchNames = place !== null && can('actors.names', place);

  return (
    <section>
      <Breadcrumbs
        trail={[
          { to: `/i/${initiativeId}`, label: t('nav.initiative') },
          { to: `/i/${initiativeId}/meetings`, label: t('nav.meetings') },
        ]}
      />
      <Loaded resource={meeting}>
        {(data) => {
          const here = place && { ...place, groundRule: data.ground_rule };
          const mayMinute = here !== null && can('minutes.read', here);
          return (
            <>
              <h1 dir="auto">{data.title}</h1>
              <MeetingFacts
                meeting={data}
                mayWrite={here !== null && can('meetings.write', here)}
                onChanged={() => meeting.reload()}
              />
              {conflictId && (
                <AttendanceSection
                  meeting={data}
                  conflictId={conflictId}
                  actorsById={actorsById}
                  searchNames={searchNames}
                  mayRead={here !== null && can('attendance.read', here)}
                  mayWrite={here !== null && can('attendance.write', here)}
                />
              )}
              {mayMinute ? (
                <>
                  <MeetingTextEditor key={`minutes-${data.ground_rule}`} meeting={data} kind="minutes" />
                  <MeetingTextEditor key={`notes-${data.ground_rule}`} meeting={data} kind="notes" />
                </>
              ) : (
                here && <p className="notice">{t('meetingEdit.textsHidden')}</p>
              )}
              {conflictId && (
                <OutcomesSection
                  meeting={data}
                  conflictId={conflictId}
                  actorsById={actorsById}
                  searchNames={searchNames}
                  mayWriteOutcomes={here !== null && can('outcomes.write', here)}
                  mayWriteTransfers={here !== null && can('transfers.write', here)}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
