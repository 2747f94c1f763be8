import { useTranslation } from 'react-i18next';
import { itemsOf, type Initiative, type Workspace } from '../api/records.js';
import { Empty, Loaded } from '../components/states.js';
import { Link } from '../router.js';
import { useResource } from '../use-resource.js';

/** The signed-in home: the workspaces one administers and the initiatives one takes part in. */
export default function Home() {
  const { t } = useTranslation();
  const workspaces = useResource<unknown>('/api/workspaces');
  const initiatives = useResource<unknown>('/api/initiatives');
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <h2>{t('home.workspaces')}</h2>
      <Loaded resource={workspaces}>
        {(payload) => {
          const list = itemsOf<Workspace>(payload);
          if (!list.length) return <Empty>{t('home.noWorkspaces')}</Empty>;
          return (
            <ul className="cards">
              {list.map((workspace) => (
                <li key={workspace.id} className="card">
                  <h3>
                    <Link to={`/w/${workspace.id}`}>{workspace.name}</Link>
                  </h3>
                  {workspace.is_demo && <span className="tag">{t('home.demo')}</span>}
                  {workspace.description && <p>{workspace.description}</p>}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
      <h2>{t('home.initiatives')}</h2>
      <Loaded resource={initiatives}>
        {(payload) => {
          const list = itemsOf<Initiative>(payload);
          if (!list.length) return <Empty>{t('home.noInitiatives')}</Empty>;
          return (
            <ul className="cards">
              {list.map((initiative) => (
                <li key={initiative.id} className="card">
                  <h3>
                    <Link to={`/i/${initiative.id}`}>{initiative.name}</Link>
                  </h3>
                  <span className="tag">{t(`initiative.statuses.${initiative.status}`)}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
