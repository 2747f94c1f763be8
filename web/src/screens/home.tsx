import { useTranslation } from 'react-i18next';
import { Empty, ErrorMessage, Loading } from '../components/states.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { labelOf } from '../i18n/labels.js';

function WorkspaceCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const workspace = useResource('/api/workspaces/{id}', { params: { path: { id } } });
  return (
    <li className="card">
      <h3>
        <Link to={`/w/${id}`}>{workspace.state === 'ready' ? workspace.data.name : t('nav.workspace')}</Link>
      </h3>
      {workspace.state === 'loading' && <Loading />}
      {workspace.state === 'ready' && workspace.data.is_demo && <span className="tag">{t('home.demo')}</span>}
      {workspace.state === 'ready' && workspace.data.description && <p>{workspace.data.description}</p>}
    </li>
  );
}

function InitiativeCard({ id, roles }: { id: string; roles: string[] }) {
  const { t } = useTranslation();
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id } } });
  return (
    <li className="card">
      <h3>
        <Link to={`/i/${id}`}>
          {initiative.state === 'ready' ? initiative.data.name : t('nav.initiative')}
        </Link>
      </h3>
      {initiative.state === 'loading' && <Loading />}
      {initiative.state === 'error' && <ErrorMessage error={initiative.error} />}
      {initiative.state === 'ready' && (
        <span className="tag">{t(`initiative.statuses.${initiative.data.status}`)}</span>
      )}{' '}
      {roles.map((role) => (
        <span key={role} className="tag">
          {labelOf(t, 'account.memberRoles', role)}
        </span>
      ))}
    </li>
  );
}

/** The signed-in home: the workspaces one administers and the initiatives one takes part in. */
export default function Home() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const { admin_workspaces: workspaces, memberships } = session.me;
  const rolesByInitiative = new Map<string, string[]>();
  for (const membership of memberships) {
    rolesByInitiative.set(membership.initiative_id, [
      ...(rolesByInitiative.get(membership.initiative_id) ?? []),
      membership.role,
    ]);
  }
  return (
    <section>
      <h1>{t('home.title')}</h1>
      {workspaces.length > 0 && (
        <>
          <h2>{t('home.workspaces')}</h2>
          <ul className="cards">
            {workspaces.map((id) => (
              <WorkspaceCard key={id} id={id} />
            ))}
          </ul>
        </>
      )}
      <h2>{t('home.initiatives')}</h2>
      {rolesByInitiative.size ? (
        <ul className="cards">
          {[...rolesByInitiative].map(([id, roles]) => (
            <InitiativeCard key={id} id={id} roles={roles} />
          ))}
        </ul>
      ) : (
        <Empty>{workspaces.length ? t('home.noInitiativesAdmin') : t('home.noInitiatives')}</Empty>
      )}
    </section>
  );
}
