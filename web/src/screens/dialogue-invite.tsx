import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, TextArea, TextField } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { absoluteUrl, QrCode } from '../components/qr-code.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

interface MadeLink {
  id: string;
  label: string | null;
  url: string | null;
}

/**
 * Where a convener lands after opening a dialogue: its open join link with a QR code and a printable
 * sheet for the room, personal links for named invitees (shown once, to print or send by the convener's
 * own channel), and every link with the means to revoke it.
 */
export default function DialogueInvite({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId, dialogueId } = params;
  const path = { id: dialogueId };
  const dialogue = useResource('/api/dialogues/{id}', { params: { path } });
  const links = useResource('/api/dialogues/{id}/join-links', { params: { path } });
  const [failure, setFailure] = useState<unknown>(null);
  const [made, setMade] = useState<MadeLink[]>([]);
  const base = `/i/${initiativeId}/dialogues/${dialogueId}`;

  async function act(run: () => Promise<unknown>) {
    setFailure(null);
    try {
      await run();
      dialogue.reload();
      links.reload();
    } catch (error) {
      setFailure(error);
    }
  }
  const newOpenLink = () =>
    act(() => api.post('/api/dialogues/{id}/join-links', { params: { path }, body: { kind: 'open' } }));
  const revoke = (linkId: string) =>
    act(() =>
      api.delete('/api/dialogues/{id}/join-links/{linkId}', { params: { path: { ...path, linkId } } }),
    );

  return (
    <section className="invite" aria-labelledby="invite-title">
      <div className="no-print">
        <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      </div>
      <h1 id="invite-title">{t('invite.title')}</h1>
      <Loaded resource={dialogue}>
        {(record) => (
          <>
            <p className="prompt" dir="auto">
              <strong>{record.prompt}</strong>
            </p>
            {failure !== null && <ErrorMessage error={failure} />}
            <div className="no-print">
              <h2>{t('invite.openTitle')}</h2>
              {record.join_url ? (
                <div className="join-link">
                  <QrCode text={absoluteUrl(record.join_url)} label={t('dialogue.qrLabel')} />
                  <TextField
                    label={t('invite.link')}
                    value={absoluteUrl(record.join_url)}
                    onChange={() => undefined}
                    readOnly
                    dir="ltr"
                  />
                  <p className="actions">
                    <Link to={`${base}/sheet`} className="button primary">
                      {t('invite.printSheet')}
                    </Link>
                    <button type="button" onClick={() => void newOpenLink()}>
                      {t('invite.replaceOpen')}
                    </button>
                  </p>
                  <p className="hint">{t('invite.openHint')}</p>
                </div>
              ) : (
                <>
                  <p>{t('invite.personalOnly')}</p>
                  <button type="button" onClick={() => void newOpenLink()}>
                    {t('invite.makeOpen')}
                  </button>
                </>
              )}
              <PersonalLinks dialogueId={dialogueId} onMade={(items) => (setMade(items), links.reload())} />
            </div>
            {made.length > 0 && (
              <div className="personal-made">
                <h2>{t('invite.madeTitle')}</h2>
                <p className="no-print">{t('invite.madeHint')}</p>
                <button type="button" className="no-print" onClick={() => window.print()}>
                  {t('invite.print')}
                </button>
                <ul className="personal-sheet">
                  {made.map((link) => (
                    <li key={link.id}>
                      {link.url && (
                        <QrCode text={absoluteUrl(link.url)} label={t('dialogue.qrLabel')} size={140} />
                      )}
                      <div>
                        {link.label && <p dir="auto">{link.label}</p>}
                        <p className="link-text" dir="ltr">
                          {link.url && absoluteUrl(link.url)}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="no-print">
              <h2>{t('invite.allTitle')}</h2>
              <Loaded resource={links}>
                {(payload) =>
                  payload.items.length ? (
                    <ul className="cards">
                      {payload.items.map((link) => (
                        <li key={link.id} className="card">
                          <p>
                            {link.kind === 'open' ? t('invite.kindOpen') : t('invite.kindPersonal')}
                            {link.label && (
                              <>
                                {' · '}
                                <span dir="auto">{link.label}</span>
                              </>
                            )}
                          </p>
                          <span className="tag">
                            {link.revoked_at
                              ? t('invite.revoked')
                              : link.used
                                ? t('invite.used')
                                : t('invite.inForce')}
                          </span>
                          {!link.revoked_at && (
                            <p className="actions">
                              <button type="button" onClick={() => void revoke(link.id)}>
                                {t('invite.revoke')}
                              </button>
                            </p>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('invite.noLinks')}</Empty>
                  )
                }
              </Loaded>
              <p>
                <Link to={`${base}/results`}>{t('results.open')}</Link>
              </p>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}

function PersonalLinks({ dialogueId, onMade }: { dialogueId: string; onMade: (items: MadeLink[]) => void }) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState('');
  const [count, setCount] = useState('1');
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lines = labels
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const n = Number(count);
    const found = {
      labels: lines.some((line) => line.length > 100) ? t('invite.labelTooLong') : undefined,
      count:
        !lines.length && !(Number.isInteger(n) && n >= 1 && n <= 500) ? t('invite.countRange') : undefined,
    };
    await save(found, async () => {
      const answer = await api.post('/api/dialogues/{id}/join-links', {
        params: { path: { id: dialogueId } },
        body: lines.length ? { kind: 'personal', labels: lines } : { kind: 'personal', count: n },
      });
      setLabels('');
      onMade(answer.items);
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h2>{t('invite.personalTitle')}</h2>
      <p>{t('invite.personalIntro')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      {failure !== null && <ErrorMessage error={failure} />}
      <TextArea
        label={t('invite.labels')}
        hint={t('invite.labelsHint')}
        value={labels}
        onChange={setLabels}
        error={errors.labels}
        rows={4}
      />
      <TextField
        label={t('invite.count')}
        value={count}
        onChange={setCount}
        error={errors.count}
        inputMode="numeric"
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('invite.makePersonal')}
      </button>
    </form>
  );
}
