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
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
