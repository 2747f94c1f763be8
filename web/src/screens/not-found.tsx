import { useTranslation } from 'react-i18next';
import { Link } from '../router.js';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
