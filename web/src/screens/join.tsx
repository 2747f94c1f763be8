import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setParticipantToken } from '../api/client.js';
import { SelectField } from '../components/form.js';
import { ErrorMessage, Loaded, Loading } from '../components/states.js';
import { useUiLanguage } from '../dialogue-translation/reader-language.js';
import { useResource } from '../use-resource.js';
import { askNextEarly, DialogueBody } from './dialogue.js';
import { forgetJoined, readJoined, writeJoined, type JoinedHere } from './join-store.js';

/**
 * A join link (`/join/:code`), opened on a phone without an account: the dialogue's question, an optional
 * side, and "Join"; then the dialogue itself. The participant token and the side are kept on this device
 * (join-store), the language by the header's language picker, so coming back by the link finds them.
 */
export default function Join({ params }: { params: Record<string, string> }) {
  const code = params.code;
  const [joined, setJoined] = useState<JoinedHere | null>(() => readJoined(code));
  if (joined) {
    setParticipantToken(joined.dialogueId, joined.token);
    return (
      <Participating
        joined={joined}
        onForget={() => {
          forgetJoined(code);
          setParticipantToken(joined.dialogueId, null);
          setJoined(null);
        }}
        onDeclared={(groupId) => {
          const next = { ...joined, groupId };
          writeJoined(code, next);
          setJoined(next);
        }}
      />
    );
  }
  return (
    <JoinForm
      code={code}
      onJoined={(value) => {
        writeJoined(code, value);
        setJoined(value);
      }}
    />
  );
}

function JoinForm({ code, onJoined }: { code: string; onJoined: (joined: JoinedHere) => void }) {
  const { t } = useTranslation();
  const info = useResource('/api/join/{code}', { params: { path: { code } } });
  const [side, setSide] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <section className="dialogue join" aria-labelledby="join-title">
      <h1 id="join-title">{t('dialogue.joinTitle')}</h1>
      <Loaded resource={info}>
        {(link) => {
          async function join() {
            setBusy(true);
            setFailure(null);
            try {
              const made = await api.post('/api/join/{code}', {
                params: { path: { code } },
                body: { group_id: side || null },
              });
              onJoined({
                dialogueId: made.dialogue_id,
                token: made.token,
                divide: link.divide,
                groupId: made.group_id,
              });
            } catch (error) {
              setFailure(error);
            } finally {
              setBusy(false);
            }
          }
          return (
            <>
              <p className="prompt" dir="auto">
                <strong>{link.prompt}</strong>
              </p>
              {link.status === 'closed' ? (
                <p className="notice">{t('dialogue.closed')}</p>
              ) : (
                <>
                  <p>{t('dialogue.joinIntro')}</p>
                  {link.divide && (
                    <SelectField
                      label={t('dialogue.side', { divide: link.divide.name })}
                      hint={t('dialogue.sideHint')}
                      value={side}
                      onChange={setSide}
                      options={[
                        { value: '', label: t('dialogue.noSide') },
                        ...link.divide.groups.map((group) => ({ value: group.id, label: group.name })),
                      ]}
                    />
                  )}
                  {failure !== null && <ErrorMessage error={failure} />}
                  <button type="button" className="primary" disabled={busy} onClick={() => void join()}>
                    {t('dialogue.join')}
                  </button>
                </>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function Participating({
  joined,
  onDeclared,
  onForget,
}: {
  joined: JoinedHere;
  onDeclared: (groupId: string | null) => void;
  /** The token kept here no longer opens the dialogue (withdrawn, erased): join again by the link. */
  onForget: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  // The dialogue and its first statement at once, not one after the other: a round trip less on 3G.
  const [firstNext] = useState(() => askNextEarly(joined.dialogueId, language));
  const dialogue = useResource('/api/dialogues/{id}', { params: { path: { id: joined.dialogueId } } });
  if (dialogue.state === 'loading') return <Loading />;
  if (dialogue.state === 'error') {
    const stale = dialogue.error instanceof ApiError && dialogue.error.code === 'TT_ERR_DIALOGUE_BAD_TOKEN';
    return (
      <section className="dialogue">
        <ErrorMessage error={dialogue.error} onRetry={stale ? undefined : dialogue.reload} />
        {stale && (
          <button type="button" className="primary" onClick={onForget}>
            {t('dialogue.joinAgain')}
          </button>
        )}
      </section>
    );
  }
  return (
    <DialogueBody
      dialogue={dialogue.data}
      participant={{ divide: joined.divide, groupId: joined.groupId, onDeclared, firstNext }}
    />
  );
}
