import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { ApiTokens } from '../components/api-tokens.js';
import { ChangePassword } from '../components/change-password.js';
import { SecondFactors } from '../components/second-factor.js';
import { useResource } from '../use-resource.js';

function InitiativeName({ id }: { id: string }) {
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id } } });
  return <Link to={`/i/${id}`}>{initiative.state === 'ready' ? initiative.data.name : id.slice(0, 8)}</Link>;
}

export default function Account() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const { account, memberships, admin_workspaces } = session.me;
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
      {memberships.length || admin_workspaces.length ? (
        <ul>
          {admin_workspaces.map((id) => (
            <li key={id}>
              <Link to={`/w/${id}`}>{t('account.admin')}</Link>
            </li>
          ))}
          {memberships.map((membership) => (
            <li key={`${membership.initiative_id}:${membership.role}`}>
              <InitiativeName id={membership.initiative_id} />: {t(`account.memberRoles.${membership.role}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('account.noRoles')}</p>
      )}
      <SecondFactors />
      <ChangePassword />
      <ApiTokens />
    </section>
  );
}
