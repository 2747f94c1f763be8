import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { DangerZone } from '../components/danger-zone.js';
import { Loaded } from '../components/states.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';

/** A workspace's settings: for now its danger zone (emergency erasure, administrators only). */
export default function WorkspaceSettings({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const { workspaceId } = params;
  const workspace = useResource('/api/workspaces/{id}', { params: { path: { id: workspaceId } } });
  const { session } = useSession();
  const isAdmin = session.status === 'signed-in' && session.me.admin_workspaces.includes(workspaceId);
  const name = workspace.state === 'ready' ? workspace.data.name : '…';
  return (
    <section>
      <Breadcrumbs trail={[{ to: `/w/${workspaceId}`, label: name }]} />
      <Loaded resource={workspace}>
        {(data) => (
          <>
            <h1>{t('danger.workspaceTitle', { name: data.name })}</h1>
            <DangerZone target="workspace" id={data.id} name={data.name} isAdmin={isAdmin} />
          </>
        )}
      </Loaded>
    </section>
  );
}
