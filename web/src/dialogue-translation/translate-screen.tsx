import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiGet } from '../api/client.js';
import { SelectField, TextArea } from '../components/form.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useInitiativeCan } from '../permissions.js';
import { Link } from '../router.js';
import { useResource, type Resource } from '../use-resource.js';
import { languageName } from './language-name.js';

/**
 * The translation queue of one dialogue, for translators and conveners (`statements.translate`): pick
 * one of the dialogue's languages, then each statement not written in it, the original beside a box for
 * the translation. Saved by a person, on this server; nothing is sent to an outside service.
 */
export default function TranslateScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, dialogueId } = params;
  const can = useInitiativeCan(initiativeId);
  const allowed = can('statements.translate');
  const dialogue = useResource(
    allowed ? apiGet('/api/dialogues/{id}', { params: { path: { id: dialogueId } } }) : null,
  );
  return (
    <section className="translate" aria-labelledby="translate-title">
      <h1 id="translate-title">{t('translate.title')}</h1>
      {!allowed ? (
        <p className="notice">{t('translate.notAllowed')}</p>
      ) : (
        <Loaded resource={dialogue}>
          {(data) => (
            <>
              <p className="prompt" dir="auto">
                <strong>{data.prompt}</strong>
              </p>
              {data.languages.length < 2 ? (
                <Empty>{t('translate.noLanguages')}</Empty>
              ) : (
                <Queue dialogueId={dialogueId} languages={data.languages} />
              )}
            </>
          )}
        </Loaded>
      )}
      <p>
        <Link to={`/i/${initiativeId}`}>{t('translate.back')}</Link>
      </p>
    </section>
  );
}

function Queue({ dialogueId, languages }: { dialogueId: string; languages: string[] }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(languages[1] ?? languages[0]);
  const queue = kept(
    useResource('/api/dialogues/{id}/translations', { params: { path: { id: dialogueId } } }),
    useRef(undefined),
  );
  return (
    <>
      <SelectField
        label={t('translate.into')}
        value={target}
        onChange={setTarget}
        options={languages.map((code) => ({ value: code, label: languageName(code) }))}
      />
      <Loaded resource={queue}>
        {(payload) => {
          const source = (item: (typeof payload.items)[number]) => item.language ?? languages[0];
          const items = payload.items
            .filter((item) => source(item) !== target)
            // Those still missing the language first: that is the work left.
            .sort((a, b) => Number(b.missing.includes(target)) - Number(a.missing.includes(target)));
          const left = items.filter((item) => item.missing.includes(target)).length;
          if (!items.length) return <Empty>{t('translate.nothing')}</Empty>;
          return (
            <>
              <p role="status">{t('translate.left', { count: left, language: languageName(target) })}</p>
              <ol className="translation-queue">
                {items.map((item) => (
                  <TranslationItem
                    key={`${item.statement_id}-${target}`}
                    dialogueId={dialogueId}
                    statementId={item.statement_id}
                    number={item.number}
                    original={item.text}
                    originalLanguage={source(item)}
                    target={target}
                    existing={item.translations.find((entry) => entry.language === target)?.text ?? ''}
                    onChanged={queue.reload}
                  />
                ))}
              </ol>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** The last answer stays on screen while a save reloads the queue, so what the translator typed stays in view. */
function kept<T>(resource: Resource<T>, last: { current: T | undefined }): Resource<T> {
  if (resource.state === 'ready') last.current = resource.data;
  if (resource.state === 'loading' && last.current !== undefined) {
    return { state: 'ready', data: last.current, error: undefined, reload: resource.reload };
  }
  return resource;
}

function TranslationItem(props: {
  dialogueId: string;
  statementId: string;
  number: number;
  original: string;
  originalLanguage: string;
  target: string;
  existing: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { dialogueId, statementId, target, existing } = props;
  const [text, setText] = useState(existing);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<'saved' | 'removed' | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { id: dialogueId, sid: statementId, lang: target };

  async function run(action: () => Promise<unknown>, outcome: 'saved' | 'removed') {
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      await action();
      setSaved(outcome);
      props.onChanged();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  function save() {
    const value = text.trim();
    if (!value) {
      setError(t('translate.required'));
      return;
    }
    setError(undefined);
    void run(
      () =>
        api.put('/api/dialogues/{id}/statements/{sid}/translations/{lang}', {
          params: { path },
          body: { text: value },
        }),
      'saved',
    );
  }

  function remove() {
    void run(async () => {
      await api.delete('/api/dialogues/{id}/statements/{sid}/translations/{lang}', { params: { path } });
      setText('');
    }, 'removed');
  }

  return (
    <li className="card translation-item">
      <p className="muted">
        {t('translate.original', { number: props.number, language: languageName(props.originalLanguage) })}
      </p>
      <blockquote className="statement-card" lang={props.originalLanguage} dir="auto">
        {props.original}
      </blockquote>
      <TextArea
        label={t('translate.translation', { language: languageName(target) })}
        value={text}
        onChange={setText}
        error={error}
        rows={3}
        lang={target}
        dir="auto"
      />
      {failure !== null && <ErrorMessage error={failure} />}
      {saved && <p role="status">{t(saved === 'saved' ? 'common.saved' : 'translate.removed')}</p>}
      <p className="actions">
        <button type="button" className="primary" disabled={busy} onClick={save}>
          {t('translate.save')}
        </button>
        {existing && (
          <button type="button" disabled={busy} onClick={remove}>
            {t('translate.remove')}
          </button>
        )}
      </p>
    </li>
  );
}
