import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorSummary, TextArea, TextField, isIsoDate, type FieldErrors } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { useConfirm } from '../components/confirm.js';
import { ErrorMessage } from '../components/states.js';
import { day } from '../i18n/format.js';
import type { SurveyDetail } from '../../../src/domain/survey-results.js';
import type { SurveyWave } from '../../../src/domain/survey.js';

/** Today as YYYY-MM-DD in the browser's own calendar (the day a convener means by "today"). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function linesOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** The survey's title and out-groups (the server refuses changed out-groups once anyone has answered). */
export function SurveySettings({
  survey,
  onSaved,
  onDeleted,
}: {
  survey: SurveyDetail;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(survey.title);
  const [outGroups, setOutGroups] = useState(survey.out_groups.join('\n'));
  const { errors, failure, busy, save } = useFormSubmit();
  const [deleteFailure, setDeleteFailure] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const groups = linesOf(outGroups);
    const found: FieldErrors = {
      title: !title.trim() ? t('common.required') : undefined,
      outGroups: groups.length ? undefined : t('surveys.outGroupsRequired'),
    };
    const sameGroups = groups.join('\n') === survey.out_groups.join('\n');
    await save(found, async () => {
      await api.patch('/api/surveys/{id}', {
        params: { path: { id: survey.id } },
        body: { title: title.trim(), ...(sameGroups ? {} : { out_groups: groups }) },
      });
      setOpen(false);
      onSaved();
    });
  }

  async function remove() {
    setDeleteFailure(null);
    const sure = await confirm({
      title: t('surveyEdit.deleteSurveyConfirm', { title: survey.title }),
      body: t('surveyEdit.deleteSurveyBody'),
      confirm: t('surveyEdit.deleteSurvey'),
      danger: true,
    });
    if (!sure) return;
    try {
      await api.delete('/api/surveys/{id}', { params: { path: { id: survey.id } } });
      onDeleted();
    } catch (error) {
      setDeleteFailure(error);
    }
  }

  if (!open) {
    return (
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            setTitle(survey.title);
            setOutGroups(survey.out_groups.join('\n'));
            setOpen(true);
          }}
        >
          {t('surveyEdit.editSurvey')}
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('surveyEdit.deleteSurvey')}
        </button>
        {deleteFailure !== null && <ErrorMessage error={deleteFailure} />}
      </div>
    );
  }
  return (
    <form className="survey-settings" onSubmit={submit} noValidate>
      <h2>{t('surveyEdit.editSurvey')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <TextField label={t('surveys.surveyTitle')} value={title} onChange={setTitle} error={errors.title} />
      <TextArea
        label={t('surveys.outGroups')}
        hint={t('surveyEdit.outGroupsHint')}
        value={outGroups}
        onChange={setOutGroups}
        error={errors.outGroups}
        rows={4}
      />
      {failure !== null && <ErrorMessage error={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One wave's row: its dates, and for managers an Edit form, "Close today" and Delete. */
export function WaveRow({
  survey,
  wave,
  mayManage,
  onChanged,
}: {
  survey: SurveyDetail;
  wave: SurveyWave;
  mayManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const [opensOn, setOpensOn] = useState(wave.opens_on);
  const [closesOn, setClosesOn] = useState(wave.closes_on);
  const { errors, failure, busy, save } = useFormSubmit();
  const [actionFailure, setActionFailure] = useState<unknown>(null);
  const name = t(`surveys.waves.${wave.kind}`);
  const path = { params: { path: { id: survey.id, waveId: wave.id } } };
  const now = today();
  const openNow = wave.opens_on <= now && now < wave.closes_on;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const date = (value: string) =>
      !value ? t('common.required') : !isIsoDate(value) ? t('common.invalidDate') : undefined;
    const found: FieldErrors = {
      opensOn: date(opensOn),
      closesOn: date(closesOn) ?? (closesOn < opensOn ? t('surveys.closesBeforeOpens') : undefined),
    };
    await save(found, async () => {
      await api.patch('/api/surveys/{id}/waves/{waveId}', {
        ...path,
        body: { opens_on: opensOn, closes_on: closesOn },
      });
      setEditing(false);
      onChanged();
    });
  }

  async function act(write: () => Promise<unknown>) {
    setActionFailure(null);
    try {
      await write();
      onChanged();
    } catch (error) {
      setActionFailure(error);
    }
  }

  async function remove() {
    const sure = await confirm({
      title: t('surveyEdit.deleteWaveConfirm', { wave: name }),
      body: t('surveyEdit.deleteWaveBody'),
      confirm: t('surveyEdit.deleteWave'),
      danger: true,
    });
    if (sure) await act(() => api.delete('/api/surveys/{id}/waves/{waveId}', path));
  }

  return (
    <tr data-wave={wave.kind}>
      <td>{name}</td>
      <td>{day(wave.opens_on)}</td>
      <td>{day(wave.closes_on)}</td>
      {mayManage && (
        <td>
          {editing ? (
            <form className="wave-edit" onSubmit={submit} noValidate>
              <ErrorSummary title={t('common.fixErrors')} errors={errors} />
              <TextField
                label={t('surveys.opensOn')}
                type="date"
                value={opensOn}
                onChange={setOpensOn}
                error={errors.opensOn}
              />
              <TextField
                label={t('surveys.closesOn')}
                type="date"
                value={closesOn}
                onChange={setClosesOn}
                error={errors.closesOn}
              />
              {failure !== null && <ErrorMessage error={failure} />}
              <div className="actions">
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? t('common.saving') : t('common.save')}
                </button>
                <button type="button" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <div className="actions">
              <button
                type="button"
                aria-label={t('surveyEdit.editWaveNamed', { wave: name })}
                onClick={() => {
                  setOpensOn(wave.opens_on);
                  setClosesOn(wave.closes_on);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </button>
              {openNow && (
                <button
                  type="button"
                  aria-label={t('surveyEdit.closeTodayNamed', { wave: name })}
                  onClick={() =>
                    void act(() =>
                      api.patch('/api/surveys/{id}/waves/{waveId}', { ...path, body: { closes_on: now } }),
                    )
                  }
                >
                  {t('surveyEdit.closeToday')}
                </button>
              )}
              <button
                type="button"
                className="danger"
                aria-label={t('surveyEdit.deleteWaveNamed', { wave: name })}
                onClick={() => void remove()}
              >
                {t('surveyEdit.deleteWave')}
              </button>
            </div>
          )}
          {actionFailure !== null && <ErrorMessage error={actionFailure} />}
        </td>
      )}
    </tr>
  );
}
