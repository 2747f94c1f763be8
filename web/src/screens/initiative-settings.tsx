import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DangerZone } from '../components/danger-zone.js';
import { Loaded } from '../components/states.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';

/** An initiative's settings: for now its danger zone (emergency erasure, the workspace's administrators). */
export default function InitiativeSettings({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { initiativeId } = params;
  const initiative = useResource('/api/initiatives/{id}', { params: { path: { id: initiativeId } } });
  const { session } = useSession();
  return (
    <section>
      <Loaded resource={initiative}>
        {(data) => (
          <>
            <Breadcrumbs
              trail={[
                { to: `/w/${data.workspace_id}`, label: t('nav.workspace') },
                { to: `/i/${data.id}`, label: data.name },
              ]}
            />
            <h1>{t('danger.initiativeTitle', { name: data.name })}</h1>
            <DangerZone
              target="initiative"
              id={data.id}
              name={data.name}
              isAdmin={
                session.status === 'signed-in' && session.me.admin_workspaces.includes(data.workspace_id)
              }
            />
          </>
        )}
      </Loaded>
    </section>
  );
}
