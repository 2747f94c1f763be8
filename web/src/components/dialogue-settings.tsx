import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useConfirm } from './confirm.js';
import { ErrorSummary, TextArea } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage } from './states.js';
import { DialogueLanguageFields, type DialogueLanguages } from '../dialogue-translation/language-fields.js';

interface DialogueFacts {
  id: string;
  prompt: string;
  status: 'open' | 'closed';
  strict_moderation: boolean;
  languages: string[];
  translation_hold: boolean;
}

/**
 * A dialogue's settings for those who manage it (`dialogues.manage`): its prompt, strict moderation,
 * its languages and translation hold, and closing (asked first: participants can then no longer vote or write) or reopening it.
 */
export function DialogueSettings({ dialogue, onChange }: { dialogue: DialogueFacts; onChange: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [prompt, setPrompt] = useState(dialogue.prompt);
  const [strict, setStrict] = useState(dialogue.strict_moderation);
  const [languages, setLanguages] = useState<DialogueLanguages>({
    languages: dialogue.languages,
    translationHold: dialogue.translation_hold,
  });
  const [saved, setSaved] = useState(false);
  const { errors, failure, busy, save } = useFormSubmit();
  const status = useFormSubmit();
  const path = { id: dialogue.id };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const found = { prompt: prompt.trim() ? undefined : t('common.required') };
    await save(found, async () => {
      await api.patch('/api/dialogues/{id}', {
        params: { path },
        body: {
          prompt: prompt.trim(),
          strict_moderation: strict,
          languages: languages.languages,
          translation_hold: languages.translationHold,
        },
      });
      setSaved(true);
      onChange();
    });
  }

  async function setOpen(open: boolean) {
    if (!open) {
      const yes = await confirm({
        title: t('edits.closeDialogueTitle'),
        body: t('edits.closeDialogueBody'),
        confirm: t('edits.closeDialogue'),
        danger: true,
      });
      if (!yes) return;
    }
    await status.save({}, async () => {
      await api.patch('/api/dialogues/{id}', {
        params: { path },
        body: { status: open ? 'open' : 'closed' },
      });
      onChange();
    });
  }

  return (
    <section aria-labelledby={`settings-${dialogue.id}`}>
      <h2 id={`settings-${dialogue.id}`}>{t('edits.dialogueSettings')}</h2>
      <p>
        {t(dialogue.status === 'open' ? 'edits.dialogueIsOpen' : 'edits.dialogueIsClosed')}{' '}
        <button
          type="button"
          className={dialogue.status === 'open' ? 'danger' : 'primary'}
          disabled={status.busy}
          onClick={() => void setOpen(dialogue.status !== 'open')}
        >
          {t(dialogue.status === 'open' ? 'edits.closeDialogue' : 'edits.reopenDialogue')}
        </button>
      </p>
      {status.failure !== null && <ErrorMessage error={status.failure} />}
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('common.fixErrors')} errors={errors} />
        {failure !== null && <ErrorMessage error={failure} />}
        <TextArea
          label={t('initiative.prompt')}
          value={prompt}
          onChange={setPrompt}
          error={errors.prompt}
          maxLength={2000}
          dir="auto"
          required
        />
        <div className="field">
          <label>
            <input type="checkbox" checked={strict} onChange={(event) => setStrict(event.target.checked)} />{' '}
            {t('initiative.strictModeration')}
          </label>
          <p className="hint">{t('initiative.strictModerationHint')}</p>
        </div>
        <DialogueLanguageFields value={languages} onChange={setLanguages} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {saved && <p role="status">{t('common.saved')}</p>}
      </form>
    </section>
  );
}
