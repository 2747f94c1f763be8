import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import type { Initiative } from '../api/records.js';
import { Link, navigate } from '../router.js';
import { useResource } from '../use-resource.js';
import { ErrorSummary, SelectField, TextArea, type FieldErrors } from './form.js';
import { Empty, ErrorMessage, Loaded } from './states.js';
import { useFormSubmit } from './form-submit.js';
import { DialogueLanguageFields, type DialogueLanguages } from '../dialogue-translation/language-fields.js';

export interface DialogueItem {
  id: string;
  prompt: string;
  status: string;
}

/** An initiative's dialogues: take part, read results, and (for those who manage) open a new one. */
export function DialogueList(props: {
  initiative: Initiative;
  canParticipate: boolean;
  canReadResults: boolean;
  canManage: boolean;
  canTranslate: boolean;
}) {
  const { t } = useTranslation();
  const { initiative, canParticipate, canReadResults, canManage, canTranslate } = props;
  const dialogues = useResource(
    canParticipate || canReadResults || canTranslate
      ? apiGet('/api/initiatives/{id}/dialogues', { params: { path: { id: initiative.id } } })
      : null,
  );
  if (!canParticipate && !canReadResults && !canTranslate) return null;
  return (
    <>
      <h2>{t('initiative.dialogues')}</h2>
      <Loaded resource={dialogues}>
        {(payload) =>
          payload.items.length ? (
            <ul className="cards">
              {payload.items.map((dialogue) => (
                <li key={dialogue.id} className="card">
                  <p dir="auto">{dialogue.prompt}</p>
                  <span className="tag">{t(`initiative.dialogueStatuses.${dialogue.status}`)}</span>
                  <p className="actions">
                    {canParticipate && (
                      <Link to={`/i/${initiative.id}/dialogues/${dialogue.id}`}>
                        {t('initiative.openDialogue')}
                      </Link>
                    )}
                    {canManage && (
                      <Link to={`/i/${initiative.id}/dialogues/${dialogue.id}/invite`}>
                        {t('invite.open')}
                      </Link>
                    )}
                    {canReadResults && (
                      <Link to={`/i/${initiative.id}/dialogues/${dialogue.id}/results`}>
                        {t('results.open')}
                      </Link>
                    )}
                    {canTranslate && dialogue.languages.length > 1 && (
                      <Link to={`/i/${initiative.id}/dialogues/${dialogue.id}/translate`}>
                        {t('translate.open')}
                      </Link>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('initiative.noDialogues')}</Empty>
          )
        }
      </Loaded>
      {canManage && <NewDialogue initiative={initiative} />}
    </>
  );
}

function NewDialogue({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const conflict = useResource('/api/conflicts/{id}', { params: { path: { id: initiative.conflict_id } } });
  const [prompt, setPrompt] = useState('');
  const [divideId, setDivideId] = useState('');
  const [statements, setStatements] = useState('');
  const [strict, setStrict] = useState(false);
  const [join, setJoin] = useState<'open' | 'personal'>('open');
  const [languages, setLanguages] = useState<DialogueLanguages>({ languages: [], translationHold: false });
  const { errors, failure, busy, save } = useFormSubmit();
  const divides = conflict.state === 'ready' ? conflict.data.divides : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lines = statements
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const found: FieldErrors = {
      prompt: !prompt.trim()
        ? t('common.required')
        : prompt.length > 2000
          ? t('dialogue.statementTooLong', { count: 2000 })
          : undefined,
      statements: lines.some((line) => line.length > 1000)
        ? t('dialogue.statementTooLong', { count: 1000 })
        : undefined,
    };
    await save(found, async () => {
      const created = await api.post('/api/initiatives/{id}/dialogues', {
        params: { path: { id: initiative.id } },
        body: {
          prompt: prompt.trim(),
          divide_id: divideId || null,
          strict_moderation: strict,
          statements: lines,
          join,
          languages: languages.languages,
          translation_hold: languages.translationHold,
        },
      });
      navigate(`/i/${initiative.id}/dialogues/${created.id}/invite`);
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('initiative.newDialogue')}</h3>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <TextArea
        label={t('initiative.prompt')}
        value={prompt}
        onChange={setPrompt}
        error={errors.prompt}
        rows={2}
        required
      />
      {divides.length > 0 && (
        <SelectField
          label={t('initiative.sidesFrom')}
          value={divideId}
          onChange={setDivideId}
          options={[
            { value: '', label: t('common.none') },
            ...divides.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      )}
      <SelectField
        label={t('initiative.joinBy')}
        value={join}
        onChange={(value) => setJoin(value === 'personal' ? 'personal' : 'open')}
        options={[
          { value: 'open', label: t('initiative.joinOpen') },
          { value: 'personal', label: t('initiative.joinPersonal') },
        ]}
      />
      <TextArea
        label={t('initiative.seedStatements')}
        hint={t('initiative.seedHint')}
        value={statements}
        onChange={setStatements}
        error={errors.statements}
        rows={5}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={strict}
            onChange={(event) => setStrict(event.target.checked)}
            aria-describedby="strict-moderation-hint"
          />
          {t('initiative.strictModeration')}
        </label>
        <p className="hint" id="strict-moderation-hint">
          {t('initiative.strictModerationHint')}
        </p>
      </div>
      <DialogueLanguageFields value={languages} onChange={setLanguages} />
      <button type="submit" className="primary" disabled={busy}>
        {t('initiative.createDialogue')}
      </button>
    </form>
  );
}
