import { useTranslation } from 'react-i18next';
import { useSession } from '../session.js';

interface MembershipView {
  initiative_id: string;
  initiative_name?: string;
  role: string;
}

export default function Account() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const { account } = session.me;
  const memberships = (
    Array.isArray(session.me.memberships) ? session.me.memberships : []
  ) as MembershipView[];
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{account.display_name ?? ''}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{account.email}</dd>
      </dl>
      <h2>{t('account.roles')}</h2>
      {memberships.length ? (
        <ul>
          {memberships.map((membership) => (
            <li key={`${membership.initiative_id}:${membership.role}`}>
              {membership.initiative_name ?? membership.initiative_id}: {membership.role}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('account.noRoles')}</p>
      )}
    </section>
  );
}
