import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorSummary, TextField } from './form.js';
import { useFormSubmit } from './form-submit.js';
import { ErrorMessage } from './states.js';

export type ErasureTarget = 'initiative' | 'workspace';

interface ErasureReport {
  identities_erased: number;
  attendances_deleted: number;
}

/**
 * Emergency erasure, for the day a facilitator is detained: says in words what goes (the keys, so the
 * identities cannot come back) and what stays (backups taken before), and erases only once the name is
 * typed. Those who are not the workspace's administrators are told who can, instead of a button.
 */
export function DangerZone({
  target,
  id,
  name,
  isAdmin,
}: {
  target: ErasureTarget;
  id: string;
  name: string;
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [report, setReport] = useState<ErasureReport | null>(null);
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { confirm: typed.trim() === name.trim() ? undefined : t('danger.confirmMismatch') };
    setReport(null);
    await save(found, async () => {
      const init = { params: { path: { id } }, body: { confirm: typed } };
      const answer =
        target === 'initiative'
          ? await api.post('/api/initiatives/{id}/emergency-erase', init)
          : await api.post('/api/workspaces/{id}/emergency-erase', init);
      setReport(answer);
      setTyped('');
    });
  }

  return (
    <section className="danger-zone" aria-labelledby={`danger-${id}`}>
      <h2 id={`danger-${id}`}>{t('danger.title')}</h2>
      <h3>{t(target === 'initiative' ? 'danger.eraseInitiative' : 'danger.eraseWorkspace')}</h3>
      <p>{t(target === 'initiative' ? 'danger.initiativeDestroys' : 'danger.workspaceDestroys')}</p>
      <p>{t('danger.keeps')}</p>
      {!isAdmin ? (
        <p className="notice">{t('danger.adminsOnly')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary title={t('common.fixErrors')} errors={errors} />
          <TextField
            label={t('danger.confirmLabel', { name })}
            hint={t('danger.confirmHint')}
            value={typed}
            onChange={setTyped}
            error={errors.confirm}
            autoComplete="off"
            spellCheck={false}
          />
          {failure !== null && <ErrorMessage error={failure} />}
          <button type="submit" className="danger" disabled={busy}>
            {busy ? t('danger.erasing') : t('danger.submit')}
          </button>
        </form>
      )}
      {report && (
        <p className="notice" role="status">
          {t('danger.done', {
            identities: report.identities_erased,
            attendances: report.attendances_deleted,
          })}
        </p>
      )}
    </section>
  );
}
