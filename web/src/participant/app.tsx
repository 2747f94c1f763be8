import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../components/language-picker.js';
import { Loading } from '../components/states.js';
import { matchPath, usePath } from '../router.js';

type Params = Record<string, string>;
type Screen = ComponentType<{ params: Params }>;
interface Route {
  pattern: string;
  load: () => Promise<{ default: Screen }>;
  screen: LazyExoticComponent<Screen>;
}

function route(pattern: string, load: () => Promise<{ default: Screen }>): Route {
  return { pattern, load, screen: lazy(load) };
}

/** The same screens the convener's app routes to (web/src/app.tsx), each its own chunk. */
const routes: Route[] = [
  route('/join/:code', () => import('../screens/join.js')),
  route('/survey-join/:code', () => import('../screens/survey-join.js')),
  route('/answer/:surveyId/:waveId/:token', () => import('../screens/survey-answer.js')),
];

/**
 * Starts downloading the screen of `path` while the language loads, instead of after: one round trip
 * less on a slow line (React.lazy then finds the module already there).
 */
export function preloadScreen(path: string): void {
  const found = routes.find((entry) => matchPath(entry.pattern, path));
  void found?.load().catch(() => undefined);
}

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
        <nav aria-label={t('app.navigation')} />
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{content ?? <Loading />}</Suspense>
      </main>
    </>
  );
}
