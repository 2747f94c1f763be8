import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { initiativeRoles } from '../../../src/domain/vocabulary-lists.js';
import { api, apiGet } from '../api/client.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { ErrorSummary, SelectField, TextField, isEmail, type FieldErrors } from '../components/form.js';
import { useFormSubmit } from '../components/form-submit.js';
import { absoluteUrl } from '../components/qr-code.js';
import { Empty, ErrorMessage, Loaded } from '../components/states.js';
import { useCan } from '../permissions.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';

type Role = (typeof initiativeRoles)[number];

interface Person {
  account_id: string;
  email: string;
  display_name: string;
  disabled_at: string | null;
  roles: Role[];
}

/** The members list has a row per role: one person per account, with all their roles. */
function peopleOf(
  rows: {
    account_id: string;
    email: string;
    display_name: string;
    role: string;
    disabled_at: string | null;
  }[],
): Person[] {
  const people = new Map<string, Person>();
  for (const row of rows) {
    const person = people.get(row.account_id) ?? { ...row, roles: [] };
    person.roles.push(row.role as Role);
    people.set(row.account_id, person);
  }
  return [...people.values()];
}

/**
 * The people of an initiative (members.manage: its conveners and the workspace's administrators): who
 * holds which role, invitations by link, role changes, and (administrators) disabling an account.
 */
export default function People({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const path = { id: initiativeId };
  const initiative = useResource('/api/initiatives/{id}', { params: { path } });
  const can = useCan();
  const place =
    initiative.state === 'ready' ? { workspaceId: initiative.data.workspace_id, initiativeId } : null;
  // Only those who manage the initiative's people ask for them: the others are told in words, not by a 403.
  const mayManage = place !== null && can('members.manage', place);
  const members = useResource(
    mayManage ? apiGet('/api/initiatives/{id}/members', { params: { path, query: { limit: 500 } } }) : null,
  );
  const invitations = useResource(
    mayManage ? apiGet('/api/initiatives/{id}/invitations', { params: { path } }) : null,
  );
  const { session } = useSession();
  const myId = session.status === 'signed-in' ? session.me.account.id : '';
  const [failure, setFailure] = useState<unknown>(null);
  const [links, setLinks] = useState<Record<string, string>>({});
  const roleOptions = initiativeRoles.map((role) => ({ value: role, label: t(`people.roles.${role}`) }));

  async function act(run: () => Promise<unknown>) {
    setFailure(null);
    try {
      await run();
      members.reload();
      invitations.reload();
    } catch (error) {
      setFailure(error);
    }
  }
  const member = (accountId: string) => ({ params: { path: { ...path, accountId } } });

  return (
    <section aria-labelledby="people-title">
      <Breadcrumbs trail={[{ to: `/i/${initiativeId}`, label: t('nav.initiative') }]} />
      <h1 id="people-title">{t('people.title')}</h1>
      <Loaded resource={initiative}>
        {(record) => {
          if (!mayManage) return <p className="state state-error">{t('errors.TT_ERR_FORBIDDEN')}</p>;
          const mayDisable = can('workspace.manage', { workspaceId: record.workspace_id, initiativeId });
          return (
            <>
              <p dir="auto">{record.name}</p>
              {failure !== null && <ErrorMessage error={failure} />}
              <InviteForm
                initiativeId={initiativeId}
                roleOptions={roleOptions}
                onMade={(id, url) => {
                  setLinks((known) => ({ ...known, [id]: absoluteUrl(url) }));
                  invitations.reload();
                }}
              />
              <h2>{t('people.members')}</h2>
              <Loaded resource={members}>
                {(payload) => {
                  const people = peopleOf(payload.items);
                  if (!people.length) return <Empty>{t('people.noMembers')}</Empty>;
                  return (
                    <ul className="cards people">
                      {people.map((person) => (
                        <PersonCard
                          key={person.account_id}
                          person={person}
                          self={person.account_id === myId}
                          roleOptions={roleOptions}
                          mayDisable={mayDisable}
                          onChangeRole={(role) =>
                            act(() =>
                              api.put('/api/initiatives/{id}/members/{accountId}/{role}', {
                                params: { path: { ...path, accountId: person.account_id, role } },
                              }),
                            )
                          }
                          onRemove={(role) =>
                            act(() =>
                              api.delete('/api/initiatives/{id}/members/{accountId}/{role}', {
                                params: { path: { ...path, accountId: person.account_id, role } },
                              }),
                            )
                          }
                          onEnable={(enable) =>
                            act(() =>
                              enable
                                ? api.post(
                                    '/api/initiatives/{id}/members/{accountId}/enable',
                                    member(person.account_id),
                                  )
                                : api.post(
                                    '/api/initiatives/{id}/members/{accountId}/disable',
                                    member(person.account_id),
                                  ),
                            )
                          }
                        />
                      ))}
                    </ul>
                  );
                }}
              </Loaded>
              <h2>{t('people.invitations')}</h2>
              <Loaded resource={invitations}>
                {(payload) =>
                  payload.items.length ? (
                    <ul className="cards">
                      {payload.items.map((invitation) => (
                        <li key={invitation.id} className="card">
                          <p>
                            <span dir="ltr">{invitation.email}</span> · {t(`people.roles.${invitation.role}`)}{' '}
                            <span className="tag">{t(`people.statuses.${invitation.status}`)}</span>
                          </p>
                          {invitation.status === 'pending' && (
                            <>
                              <p className="hint">
                                {t('people.expires', {
                                  date: new Date(invitation.expires_at).toLocaleDateString(),
                                })}
                              </p>
                              {links[invitation.id] ? (
                                <CopyLink url={links[invitation.id]} />
                              ) : (
                                <p className="hint">{t('people.linkNotKept')}</p>
                              )}
                              <button
                                type="button"
                                onClick={() =>
                                  void act(() =>
                                    api.delete('/api/initiatives/{id}/invitations/{invitationId}', {
                                      params: { path: { ...path, invitationId: invitation.id } },
                                    }),
                                  )
                                }
                              >
                                {t('people.revoke')}
                              </button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Empty>{t('people.noInvitations')}</Empty>
                  )
                }
              </Loaded>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="join-link">
      <TextField label={t('people.linkLabel')} value={url} onChange={() => undefined} readOnly dir="ltr" />
      <button
        type="button"
        onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
      >
        {copied ? t('people.copied') : t('people.copy')}
      </button>
    </div>
  );
}

function InviteForm({
  initiativeId,
  roleOptions,
  onMade,
}: {
  initiativeId: string;
  roleOptions: { value: string; label: string }[];
  onMade: (id: string, url: string) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('participant');
  const [made, setMade] = useState<{ email: string; url: string } | null>(null);
  const { errors, failure, busy, save } = useFormSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {
      email: !email.trim() ? t('auth.emailRequired') : !isEmail(email) ? t('auth.emailInvalid') : undefined,
    };
    await save(found, async () => {
      const answer = await api.post('/api/initiatives/{id}/invitations', {
        params: { path: { id: initiativeId } },
        body: { email: email.trim(), role },
      });
      setMade({ email: answer.email, url: absoluteUrl(answer.url ?? '') });
      setEmail('');
      onMade(answer.id, answer.url ?? '');
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-person-title">
      <h2 id="invite-person-title">{t('people.invite')}</h2>
      <p className="hint">{t('people.inviteHint')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <TextField
        label={t('people.inviteEmail')}
        type="email"
        autoComplete="off"
        value={email}
        onChange={setEmail}
        error={errors.email}
        dir="ltr"
      />
      <SelectField
        label={t('people.role')}
        value={role}
        onChange={(value) => setRole(value as Role)}
        options={roleOptions}
      />
      {failure !== null && <ErrorMessage error={failure} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.saving') : t('people.inviteSubmit')}
      </button>
      {made && (
        <div className="notice" role="status">
          <p>{t('people.linkMade', { email: made.email })}</p>
          <CopyLink url={made.url} />
        </div>
      )}
    </form>
  );
}

function PersonCard({
  person,
  self,
  roleOptions,
  mayDisable,
  onChangeRole,
  onRemove,
  onEnable,
}: {
  person: Person;
  self: boolean;
  roleOptions: { value: string; label: string }[];
  mayDisable: boolean;
  onChangeRole: (role: Role) => Promise<void>;
  onRemove: (role: Role) => Promise<void>;
  onEnable: (enable: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(person.roles[0]);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="card">
      <p>
        <strong dir="auto">{person.display_name}</strong> <span dir="ltr">{person.email}</span>
        {person.disabled_at && <span className="tag"> {t('people.disabled')}</span>}
      </p>
      <ul className="roles">
        {person.roles.map((held) => (
          <li key={held}>
            {t(`people.roles.${held}`)}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('people.removeRole', {
                role: t(`people.roles.${held}`),
                name: person.display_name,
              })}
              onClick={() => void onRemove(held)}
            >
              {t('people.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <SelectField
          label={t('people.changeRole', { name: person.display_name })}
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={roleOptions}
        />
        <button type="button" onClick={() => void onChangeRole(role)}>
          {t('people.change')}
        </button>
      </div>
      {mayDisable &&
        !self &&
        (confirming ? (
          <div className="confirm" role="group" aria-label={t('people.confirmTitle')}>
            <p>
              {person.disabled_at
                ? t('people.confirmEnable', { name: person.display_name })
                : t('people.confirmDisable', { name: person.display_name })}
            </p>
            <button
              type="button"
              className={person.disabled_at ? 'primary' : 'danger'}
              onClick={() => void onEnable(person.disabled_at !== null).then(() => setConfirming(false))}
            >
              {person.disabled_at ? t('people.enable') : t('people.disable')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {person.disabled_at ? t('people.enable') : t('people.disable')}
          </button>
        ))}
    </li>
  );
}
