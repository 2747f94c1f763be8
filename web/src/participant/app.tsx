import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../components/language-picker.js';
import { Loading } from '../components/states.js';
import { matchPath, usePath } from '../router.js';
import { screenRoutes } from './screens.js';

interface Route {
  pattern: string;
  screen: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
}

const routes: Route[] = screenRoutes.map((route) => ({ pattern: route.pattern, screen: lazy(route.load) }));

/** The light page's shell: the same header, skip link and main as the convener's app, three routes. */
export function ParticipantApp() {
  const { t } = useTranslation();
  const path = usePath();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  let content = null;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) {
      const Screen = route.screen;
      content = <Screen key={path} params={params} />;
      break;
    }
  }
  const unknown = content === null;
  useEffect(() => {
    // Not a participant's link (a mistyped or cut one): the full app knows every other page.
    if (unknown) window.location.replace(`/${window.location.search}${window.location.hash}`);
  }, [unknown, path]);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="app-header">
        <a href="/" className="brand">
          {t('app.name')}
        </a>
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{content ?? <Loading />}</Suspense>
      </main>
    </>
  );
}
