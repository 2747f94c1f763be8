import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.js';
import { ErrorSummary, TextArea, hasErrors, type FieldErrors } from '../components/form.js';
import { Empty, ErrorMessage, Loaded, Loading } from '../components/states.js';
import { useResource } from '../use-resource.js';

/**
 * The participant's dialogue page: kept lean on purpose (no tables, no charts, no map), because it is the
 * page people open on a cheap phone over a slow line. One statement at a time.
 */
export interface DialogueView {
  id: string;
  initiative_id: string;
  prompt: string;
  status?: string;
}
export interface StatementView {
  id: string;
  text: string;
  my_vote?: number | null;
}
export interface CommonGroundView {
  statement_id: string;
  text: string;
  agree_share: number;
}

const MAX_STATEMENT = 280;

export default function Dialogue({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { dialogueId } = params;
  const dialogue = useResource<DialogueView>(`/api/dialogues/${dialogueId}`);

  if (dialogue.state === 'loading') return <Loading />;
  if (dialogue.state === 'error') {
    const missingRoute =
      dialogue.error instanceof ApiError && dialogue.error.code === 'TT_ERR_ROUTE_NOT_FOUND';
    return (
      <section className="dialogue">
        <h1>{t('dialogue.title')}</h1>
        {missingRoute ? (
          <p className="notice">{t('dialogue.unavailable')}</p>
        ) : (
          <ErrorMessage error={dialogue.error} onRetry={dialogue.reload} />
        )}
      </section>
    );
  }
  return <DialogueBody dialogue={dialogue.data} />;
}

function DialogueBody({ dialogue }: { dialogue: DialogueView }) {
  const { t, i18n } = useTranslation();
  const statements = useResource<{ items: StatementView[] } | StatementView[]>(
    `/api/dialogues/${dialogue.id}/statements`,
  );
  const [voted, setVoted] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });

  const list =
    statements.state === 'ready'
      ? Array.isArray(statements.data)
        ? statements.data
        : statements.data.items
      : [];
  const pending = list.filter((statement) => statement.my_vote == null && !voted.has(statement.id));
  const current = pending[0];
  const done = statements.state === 'ready' && list.length > 0 && !current;

  async function vote(value: 1 | -1 | 0) {
    if (!current) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/api/dialogues/${dialogue.id}/votes`, { statement_id: current.id, vote: value });
      setVoted((previous) => new Set(previous).add(current.id));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="dialogue" aria-labelledby="dialogue-title">
      <h1 id="dialogue-title">{t('dialogue.title')}</h1>
      <p className="prompt">
        <strong>{dialogue.prompt}</strong>
      </p>
      <p>{t('dialogue.intro')}</p>
      <Loaded resource={statements}>
        {() => {
          if (!list.length) return <Empty>{t('dialogue.noStatements')}</Empty>;
          if (done) return <p role="status">{t('dialogue.allVoted')}</p>;
          return (
            <div aria-live="polite">
              <p className="progress">
                {t('dialogue.statementOf', { current: list.length - pending.length + 1, total: list.length })}
              </p>
              <blockquote className="statement-card" lang="" dir="auto">
                {current.text}
              </blockquote>
              {failure !== null && (
                <div>
                  <p>{t('dialogue.voteFailed')}</p>
                  <ErrorMessage error={failure} />
                </div>
              )}
              <div className="vote-buttons" role="group" aria-label={t('dialogue.title')}>
                <button type="button" className="vote-agree" disabled={busy} onClick={() => void vote(1)}>
                  {t('dialogue.agree')}
                </button>
                <button type="button" className="vote-disagree" disabled={busy} onClick={() => void vote(-1)}>
                  {t('dialogue.disagree')}
                </button>
                <button type="button" disabled={busy} onClick={() => void vote(0)}>
                  {t('dialogue.pass')}
                </button>
              </div>
            </div>
          );
        }}
      </Loaded>
      <SubmitStatement dialogueId={dialogue.id} />
      {done && <CommonGround dialogueId={dialogue.id} format={(share) => percent.format(share)} />}
    </section>
  );
}

function SubmitStatement({ dialogueId }: { dialogueId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    const found = {
      text: !value
        ? t('dialogue.statementRequired')
        : value.length > MAX_STATEMENT
          ? t('dialogue.statementTooLong', { count: MAX_STATEMENT })
          : undefined,
    };
    setErrors(found);
    setFailure(null);
    setSent(false);
    if (hasErrors(found)) return;
    try {
      await api.post(`/api/dialogues/${dialogueId}/statements`, { text: value });
      setText('');
      setSent(true);
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('dialogue.submitTitle')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      {sent && <p role="status">{t('dialogue.submitted')}</p>}
      <TextArea
        label={t('dialogue.submitLabel')}
        hint={t('dialogue.submitHint')}
        value={text}
        onChange={setText}
        error={errors.text}
        rows={3}
        dir="auto"
      />
      <button type="submit" className="primary">
        {t('dialogue.submit')}
      </button>
    </form>
  );
}

function CommonGround({ dialogueId, format }: { dialogueId: string; format: (share: number) => string }) {
  const { t } = useTranslation();
  const ground = useResource<{ items: CommonGroundView[] } | CommonGroundView[]>(
    `/api/dialogues/${dialogueId}/common-ground`,
  );
  return (
    <>
      <h2>{t('dialogue.commonGround')}</h2>
      <p>{t('dialogue.commonGroundIntro')}</p>
      <Loaded resource={ground}>
        {(payload) => {
          const items = Array.isArray(payload) ? payload : payload.items;
          if (!items.length) return <Empty>{t('dialogue.noCommonGround')}</Empty>;
          return (
            <ul>
              {items.map((item) => (
                <li key={item.statement_id}>
                  <span dir="auto">{item.text}</span> (
                  {t('dialogue.agreedBy', { share: format(item.agree_share) })})
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </>
  );
}
