import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';

export function Breadcrumbs({ trail }: { trail: readonly { to: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('nav.home')}>
      <ol>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>
              <bdi>{step.label}</bdi>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The trail of every page below a workspace's actors: the actor pages, the tie form and the map. */
export function ActorsBreadcrumbs({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      trail={[
        { to: `/w/${workspaceId}`, label: t('nav.workspace') },
        { to: `/w/${workspaceId}/actors`, label: t('nav.actors') },
      ]}
    />
  );
}
