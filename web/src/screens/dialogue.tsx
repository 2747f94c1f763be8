import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiGet, OFFLINE_ERROR } from '../api/client.js';
import { useOfflineVoting } from '../offline/dialogue-votes.js';
import { WaitingToSend } from '../offline/waiting.js';
import { ErrorSummary, SelectField, TextArea } from '../components/form.js';
import { Empty, ErrorMessage, Loaded, Loading } from '../components/states.js';
import { useResource } from '../use-resource.js';
import { useFormSubmit } from '../components/form-submit.js';
import { percent } from '../i18n/format.js';
import { languageName } from '../dialogue-translation/language-name.js';
import { OriginalMark, useReaderLanguage } from '../dialogue-translation/reader-language.js';

/**
 * The participant's dialogue page: kept lean on purpose (no tables, no charts, no map), because it is the
 * page people open on a cheap phone over a slow line. One statement at a time, in the server's routing
 * order (GET /next), each vote sent with an idempotency key so a retry on a flaky line counts once.
 */
export interface DialogueView {
  id: string;
  initiative_id: string;
  divide_id: string | null;
  prompt: string;
  status: 'open' | 'closed' | string;
  strict_moderation: boolean;
  /** The dialogue's languages (the first is that of unmarked statements); empty when it has none set. */
  languages?: string[];
}
export interface NextView {
  statement: { id: string; number: number; text: string; language: string | null; original: boolean } | null;
  remaining: number;
}
export interface CommonGroundView {
  statement_id: string;
  text: string;
  agree_share: number;
}

const MAX_STATEMENT = 1000;

function requestId(): string {
  return `vote-${crypto.randomUUID()}`;
}

/** Offline (or answered from the worker's cache, behind this device's votes): the next one picked here. */
function localNext(
  served: NextView | null,
  offline: boolean,
  items:
    | readonly {
        id: string;
        number: number;
        text: string;
        language: string | null;
        original: boolean;
        my_vote: number | null;
      }[]
    | null,
  votedHere: ReadonlySet<string>,
): NextView | null {
  const stale = served?.statement ? votedHere.has(served.statement.id) : false;
  if (!offline && !stale) return served;
  if (!items) return offline ? null : served;
  const left = items.filter((item) => item.my_vote === null && !votedHere.has(item.id));
  const first = left[0];
  return {
    statement: first
      ? {
          id: first.id,
          number: first.number,
          text: first.text,
          language: first.language,
          original: first.original,
        }
      : null,
    remaining: left.length,
  };
}

export default function Dialogue({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const dialogue = useResource('/api/dialogues/{id}', { params: { path: { id: params.dialogueId } } });
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

/** What a participant who joined by link (no account) brings: the sides offered and the one declared. */
export interface LinkParticipant {
  divide: Divide | null;
  groupId: string | null;
  onDeclared: (groupId: string | null) => void;
  /** The first statement, asked for at the same time as the dialogue (null: ask again here). */
  firstNext?: EarlyNext;
}

/** A GET /next already under way, in the language it was asked in. */
export interface EarlyNext {
  language: string;
  next: Promise<NextView | null>;
}

/** Asks for a dialogue's next statement now, so a participant page need not wait for the dialogue first. */
export function askNextEarly(dialogueId: string, language: string): EarlyNext {
  const next = api
    .get('/api/dialogues/{id}/next', { params: { path: { id: dialogueId }, query: { language } } })
    .catch(() => null);
  return { language, next };
}

export interface Divide {
  id: string;
  name: string;
  groups: { id: string; name: string }[];
}

export function DialogueBody({
  dialogue,
  participant,
}: {
  dialogue: DialogueView;
  participant?: LinkParticipant;
}) {
  const { t } = useTranslation();
  const path = { id: dialogue.id };
  // Each statement in the reader's language (the app's), or the original marked as such.
  const language = useReaderLanguage(dialogue.id);
  const statements = useResource('/api/dialogues/{id}/statements', { params: { path, query: { language } } });
  const [served, setNext] = useState<NextView | null>(null);
  const [nextError, setNextError] = useState<unknown>(null);
  const offline = useOfflineVoting(dialogue.id, () => {
    statements.reload();
    void loadNext();
  });
  // A vote on its way to the server: the statement stays until the server's next one comes (a guess made
  // here meanwhile could differ from its routing); a vote left waiting in the outbox goes on here.
  const [awaiting, setAwaiting] = useState(false);
  const nextOffline = nextError instanceof ApiError && nextError.code === OFFLINE_ERROR;
  const next = awaiting
    ? served
    : localNext(
        served,
        nextOffline,
        statements.state === 'ready' ? statements.data.items : null,
        offline.votedHere,
      );
  const voting = useRef(false);
  const [pendingId, setPendingId] = useState<string>(requestId);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function loadNext() {
    try {
      setNext(
        await api.get('/api/dialogues/{id}/next', {
          params: { path: { id: dialogue.id }, query: { language } },
        }),
      );
      setNextError(null);
    } catch (error) {
      setNextError(error);
    }
  }

  const early = useRef(participant?.firstNext);
  useEffect(() => {
    // On arrival and when the reader changes language: later statements come after each vote. On
    // arrival by a link the first one may already be on its way (askNextEarly): one round trip less.
    const pending = early.current;
    early.current = undefined;
    if (pending && pending.language === language) {
      void pending.next.then((value) => {
        if (value) {
          setNext(value);
          setNextError(null);
        } else void loadNext();
      });
    } else void loadNext();
  }, [dialogue.id, language]);

  const total = statements.state === 'ready' ? statements.data.items.length : 0;
  const current = next?.statement ?? null;
  const done = next !== null && !current;

  async function vote(value: 1 | -1 | 0) {
    if (!current || voting.current) return;
    voting.current = true;
    setBusy(true);
    setAwaiting(true);
    setFailure(null);
    try {
      // Kept in this device's outbox first, then sent; without a line it waits there and goes later.
      const outcome = await offline.vote(current.id, value, pendingId);
      if (outcome.state === 'refused') {
        // Refused for good (closed, withdrawn...): said here, in words; the same id is kept for a retry.
        setFailure(new ApiError(outcome.code, outcome.status, outcome.message));
        return;
      }
      setPendingId(requestId());
      if (outcome.state === 'sent') await loadNext();
    } finally {
      voting.current = false;
      setAwaiting(false);
      setBusy(false);
    }
  }

  return (
    <section className="dialogue" aria-labelledby="dialogue-title">
      <h1 id="dialogue-title">{t('dialogue.title')}</h1>
      <p className="prompt" dir="auto">
        <strong>{dialogue.prompt}</strong>
      </p>
      {dialogue.status === 'closed' && <p className="notice">{t('dialogue.closed')}</p>}
      <p>{t('dialogue.intro')}</p>
      {participant
        ? participant.divide && (
            <SidePicker
              dialogueId={dialogue.id}
              divide={participant.divide}
              initial={participant.groupId}
              onDeclared={participant.onDeclared}
            />
          )
        : dialogue.divide_id && <DeclareSide dialogue={dialogue} />}
      <WaitingToSend scope={offline.scope} />
      {nextError !== null && !(nextOffline && next) && (
        <ErrorMessage error={nextError} onRetry={() => void loadNext()} />
      )}
      {next === null && nextError === null && <Loading />}
      {next !== null && total === 0 && !current && <Empty>{t('dialogue.noStatements')}</Empty>}
      {current && (
        <div aria-live="polite">
          <p className="progress">
            {t('dialogue.statementOf', {
              current: Math.max(1, total - next!.remaining + 1),
              total: Math.max(total, next!.remaining),
            })}
          </p>
          <blockquote className="statement-card" lang={current.language ?? undefined} dir="auto">
            {current.text}
          </blockquote>
          <OriginalMark shown={current} reader={language} />
          {failure !== null && (
            <div>
              <p>{t('dialogue.voteFailed')}</p>
              <ErrorMessage error={failure} />
            </div>
          )}
          <div className="vote-buttons" role="group" aria-label={t('dialogue.voteLabel')}>
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
      )}
      {done && total > 0 && <p role="status">{t('dialogue.allVoted')}</p>}
      {dialogue.status !== 'closed' && (
        <SubmitStatement
          dialogueId={dialogue.id}
          strict={dialogue.strict_moderation}
          languages={dialogue.languages ?? []}
          reader={language}
        />
      )}
      {done && total > 0 && <CommonGround dialogueId={dialogue.id} language={language} format={percent} />}
    </section>
  );
}

/** A participant may say which side they are on (optional): consensus is then also read by side. */
function DeclareSide({ dialogue }: { dialogue: DialogueView }) {
  const initiative = useResource('/api/initiatives/{id}', {
    params: { path: { id: dialogue.initiative_id } },
  });
  const conflict = useResource(
    initiative.state === 'ready'
      ? apiGet('/api/conflicts/{id}', { params: { path: { id: initiative.data.conflict_id } } })
      : null,
  );
  if (conflict.state !== 'ready') return null;
  const divide = conflict.data.divides.find((entry) => entry.id === dialogue.divide_id);
  if (!divide) return null;
  return <SidePicker dialogueId={dialogue.id} divide={divide} initial={null} />;
}

/** The side picker itself; `initial` is the side already declared (remembered on this device). */
function SidePicker({
  dialogueId,
  divide,
  initial,
  onDeclared,
}: {
  dialogueId: string;
  divide: Divide;
  initial: string | null;
  onDeclared?: (groupId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [side, setSide] = useState(initial ?? '');
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function declare(value: string) {
    setSide(value);
    setSaved(false);
    setFailure(null);
    try {
      await api.put('/api/dialogues/{id}/group', {
        params: { path: { id: dialogueId } },
        body: { group_id: value || null },
      });
      onDeclared?.(value || null);
      setSaved(true);
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <div>
      <SelectField
        label={t('dialogue.side', { divide: divide.name })}
        hint={t('dialogue.sideHint')}
        value={side}
        onChange={(value) => void declare(value)}
        options={[
          { value: '', label: t('dialogue.noSide') },
          ...divide.groups.map((group) => ({ value: group.id, label: group.name })),
        ]}
      />
      {saved && <p role="status">{t('common.saved')}</p>}
      {failure !== null && <ErrorMessage error={failure} />}
    </div>
  );
}

/** The thank-you tells the truth about the dialogue's moderation: strict holds a statement until accepted. */
function SubmitStatement({
  dialogueId,
  strict,
  languages,
  reader,
}: {
  dialogueId: string;
  strict: boolean;
  languages: string[];
  reader: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // Written in the reader's language unless they say otherwise (only among the dialogue's languages).
  const [written, setWritten] = useState(languages.includes(reader) ? reader : (languages[0] ?? ''));
  const { errors, failure, save } = useFormSubmit();
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
    setSent(false);
    await save(found, async () => {
      await api.post('/api/dialogues/{id}/statements', {
        params: { path: { id: dialogueId } },
        body: written ? { text: value, language: written } : { text: value },
      });
      setText('');
      setSent(true);
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('dialogue.submitTitle')}</h2>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      {sent && <p role="status">{t(strict ? 'dialogue.submittedStrict' : 'dialogue.submittedOpen')}</p>}
      <TextArea
        label={t('dialogue.submitLabel')}
        hint={t('dialogue.submitHint')}
        value={text}
        onChange={setText}
        error={errors.text}
        rows={3}
        lang={written || undefined}
        dir="auto"
      />
      {languages.length > 1 && (
        <SelectField
          label={t('dialogue.writtenIn')}
          value={written}
          onChange={setWritten}
          options={languages.map((code) => ({ value: code, label: languageName(code) }))}
        />
      )}
      <button type="submit" className="primary">
        {t('dialogue.submit')}
      </button>
    </form>
  );
}

function CommonGround({
  dialogueId,
  language,
  format,
}: {
  dialogueId: string;
  language: string;
  format: (share: number) => string;
}) {
  const { t } = useTranslation();
  const ground = useResource('/api/dialogues/{id}/common-ground', {
    params: { path: { id: dialogueId }, query: { language } },
  });
  return (
    <>
      <h2>{t('dialogue.commonGround')}</h2>
      <p>{t('dialogue.commonGroundIntro')}</p>
      <Loaded resource={ground}>
        {(payload) => {
          if (!payload.items.length) return <Empty>{t('dialogue.noCommonGround')}</Empty>;
          return (
            <ul className="common-ground">
              {payload.items.map((item) => (
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
