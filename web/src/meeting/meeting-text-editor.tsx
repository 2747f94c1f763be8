import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { Meeting } from '../api/records.js';
import { TextArea } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { ErrorMessage, Loaded } from '../components/states.js';
import { useResource } from '../use-resource.js';

type Kind = 'minutes' | 'notes';

/**
 * A meeting's minutes or working notes, for those the ground rule lets read them. Under the Chatham House
 * rule the page says before saving that minutes may not name who spoke or attended; the server checks.
 */
export function MeetingTextEditor({ meeting, kind }: { meeting: Meeting; kind: Kind }) {
  const { t } = useTranslation();
  const path = kind === 'minutes' ? '/api/meetings/{id}/minutes' : '/api/meetings/{id}/notes';
  const text = useResource(path, { params: { path: { id: meeting.id } } });
  return (
    <section aria-labelledby={`${kind}-${meeting.id}`}>
      <h2 id={`${kind}-${meeting.id}`}>{t(`meetingEdit.${kind}`)}</h2>
      <Loaded resource={text}>
        {(data) => <TextForm meeting={meeting} kind={kind} saved={data.body} savedAt={data.updated_at} />}
      </Loaded>
    </section>
  );
}

function TextForm({
  meeting,
  kind,
  saved,
  savedAt,
}: {
  meeting: Meeting;
  kind: Kind;
  saved: string;
  savedAt: string | null;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(saved);
  const [at, setAt] = useState(savedAt);
  const [done, setDone] = useState(false);
  const { failure, busy, save } = useFormSubmit();
  useEffect(() => setDone(false), [body]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save({}, async () => {
      const init = { params: { path: { id: meeting.id } }, body: { body } };
      const answer =
        kind === 'minutes'
          ? await api.put('/api/meetings/{id}/minutes', init)
          : await api.put('/api/meetings/{id}/notes', init);
      setAt(answer.updated_at);
      setDone(true);
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      {kind === 'minutes' && meeting.ground_rule === 'chatham_house' && (
        <p className="notice">{t('meetingEdit.chathamHint')}</p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      <TextArea
        label={t(`meetingEdit.${kind}Label`)}
        hint={at ? t('meetingEdit.savedAt', { at: at.slice(0, 16).replace('T', ' ') }) : undefined}
        value={body}
        onChange={setBody}
        maxLength={100_000}
        rows={8}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
        {done && <span role="status">{t('meetingEdit.saved')}</span>}
      </div>
    </form>
  );
}
