import { useTranslation } from 'react-i18next';
import { ChangePassword } from '../components/change-password.js';
import { useSession } from '../session.js';

/**
 * Shown instead of every screen while the account signs in with the one-time password printed on the
 * server's console at first start: whoever saw that console must not keep the administrator's password.
 */
export default function PasswordChangeRequired() {
  const { t } = useTranslation();
  const { refresh, signOut } = useSession();
  return (
    <section className="narrow" aria-labelledby="password-change-title">
      <h1 id="password-change-title">{t('passwordChange.title')}</h1>
      <p>{t('passwordChange.intro')}</p>
      <ChangePassword onChanged={refresh} />
      <p>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </p>
    </section>
  );
}
