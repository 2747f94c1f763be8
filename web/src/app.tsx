import { lazy, Suspense, useEffect, useRef, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './components/language-picker.js';
import { ErrorMessage, Loading } from './components/states.js';
import { Link, matchPath, navigate, usePath } from './router.js';
import { useSession } from './session.js';

/** Every screen is its own chunk, so a participant on a phone never downloads the map or the tables. */
const SignIn = lazy(() => import('./screens/sign-in.js'));
const Setup = lazy(() => import('./screens/setup.js'));
const Account = lazy(() => import('./screens/account.js'));
const Home = lazy(() => import('./screens/home.js'));
const WorkspaceHome = lazy(() => import('./screens/workspace-home.js'));
const Actors = lazy(() => import('./screens/actors.js'));
const ActorPage = lazy(() => import('./screens/actor-page.js'));
const ActorForm = lazy(() => import('./screens/actor-form.js'));
const TieForm = lazy(() => import('./screens/tie-form.js'));
const NetworkMap = lazy(() => import('./screens/network-map.js'));
const ConflictContext = lazy(() => import('./screens/conflict-context.js'));
const TrackOne = lazy(() => import('./screens/track-one.js'));
const Resources = lazy(() => import('./screens/resources.js'));
const PeaceIndicators = lazy(() => import('./screens/peace-indicators.js'));
const InitiativeHome = lazy(() => import('./screens/initiative-home.js'));
const InitiativePrivacy = lazy(() => import('./screens/initiative-privacy.js'));
const Meetings = lazy(() => import('./screens/meetings.js'));
const MeetingPage = lazy(() => import('./screens/meeting-page.js'));
const Dialogue = lazy(() => import('./screens/dialogue.js'));
const DialogueResults = lazy(() => import('./screens/dialogue-results.js'));
const DialogueInvite = lazy(() => import('./screens/dialogue-invite.js'));
const DialogueSheet = lazy(() => import('./screens/dialogue-sheet.js'));
const TranslateScreen = lazy(() => import('./dialogue-translation/translate-screen.js'));
const Join = lazy(() => import('./screens/join.js'));
const Evidence = lazy(() => import('./screens/evidence.js'));
const Surveys = lazy(() => import('./screens/surveys.js'));
const SurveyPage = lazy(() => import('./screens/survey-page.js'));
const SurveyAnswer = lazy(() => import('./screens/survey-answer.js'));
const SurveyJoin = lazy(() => import('./screens/survey-join.js'));
const SurveySheet = lazy(() => import('./screens/survey-sheet.js'));
const ResearchExport = lazy(() => import('./screens/research-export.js'));
const WorkspaceSettings = lazy(() => import('./screens/workspace-settings.js'));
const InitiativeSettings = lazy(() => import('./screens/initiative-settings.js'));
const NotFound = lazy(() => import('./screens/not-found.js'));
const People = lazy(() => import('./screens/people.js'));
const Invitation = lazy(() => import('./screens/invitation.js'));
const PasswordChangeRequired = lazy(() => import('./screens/password-change-required.js'));

type Params = Record<string, string>;
interface Route {
  pattern: string;
  screen: LazyExoticComponent<ComponentType<{ params: Params }>>;
  /** Open to visitors who are signed out. */
  public?: boolean;
}

const routes: Route[] = [
  { pattern: '/setup', screen: Setup, public: true },
  { pattern: '/account', screen: Account },
  { pattern: '/w/:workspaceId', screen: WorkspaceHome },
  { pattern: '/w/:workspaceId/actors', screen: Actors },
  { pattern: '/w/:workspaceId/actors/new', screen: ActorForm },
  { pattern: '/w/:workspaceId/actors/:actorId', screen: ActorPage },
  { pattern: '/w/:workspaceId/actors/:actorId/edit', screen: ActorForm },
  { pattern: '/w/:workspaceId/ties/new', screen: TieForm },
  { pattern: '/w/:workspaceId/map', screen: NetworkMap },
  { pattern: '/w/:workspaceId/settings', screen: WorkspaceSettings },
  { pattern: '/c/:conflictId/context', screen: ConflictContext },
  { pattern: '/c/:conflictId/track-one', screen: TrackOne },
  { pattern: '/i/:initiativeId/resources', screen: Resources },
  { pattern: '/i/:initiativeId/indicators', screen: PeaceIndicators },
  { pattern: '/i/:initiativeId', screen: InitiativeHome },
  { pattern: '/i/:initiativeId/privacy', screen: InitiativePrivacy },
  { pattern: '/i/:initiativeId/meetings', screen: Meetings },
  { pattern: '/i/:initiativeId/evidence', screen: Evidence },
  { pattern: '/i/:initiativeId/surveys', screen: Surveys },
  { pattern: '/i/:initiativeId/surveys/:surveyId', screen: SurveyPage },
  { pattern: '/i/:initiativeId/surveys/:surveyId/sheet', screen: SurveySheet },
  { pattern: '/i/:initiativeId/research', screen: ResearchExport },
  { pattern: '/i/:initiativeId/settings', screen: InitiativeSettings },
  { pattern: '/i/:initiativeId/people', screen: People },
  /** An invitation link: a new person sets a password, an existing account signs in and accepts. */
  { pattern: '/invitation/:code', screen: Invitation, public: true },
  /** A survey link: the token is the respondent's credential, no account needed. */
  { pattern: '/answer/:surveyId/:waveId/:token', screen: SurveyAnswer, public: true },
  /** A survey's open join link: a new (or returning) respondent, no account needed. */
  { pattern: '/survey-join/:code', screen: SurveyJoin, public: true },
  { pattern: '/i/:initiativeId/meetings/:meetingId', screen: MeetingPage },
  { pattern: '/i/:initiativeId/dialogues/:dialogueId', screen: Dialogue },
  { pattern: '/i/:initiativeId/dialogues/:dialogueId/results', screen: DialogueResults },
  { pattern: '/i/:initiativeId/dialogues/:dialogueId/invite', screen: DialogueInvite },
  { pattern: '/i/:initiativeId/dialogues/:dialogueId/sheet', screen: DialogueSheet },
  { pattern: '/i/:initiativeId/dialogues/:dialogueId/translate', screen: TranslateScreen },
  /** A dialogue's join link: no account needed, the participant token is kept on the device. */
  { pattern: '/join/:code', screen: Join, public: true },
];

function resolve(path: string): { route: Route | null; params: Params } {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return { route: null, params: {} };
}

/** Moves focus to the new screen's heading so keyboard and screen-reader users know the page changed. */
function useFocusOnNavigate(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }, 50);
    return () => window.clearTimeout(timer);
  }, [path]);
}

export function App() {
  const { t } = useTranslation();
  const { session, signOut, refresh } = useSession();
  const path = usePath();
  useFocusOnNavigate(path);
  const { route, params } = resolve(path);
  const signedIn = session.status === 'signed-in';

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  let content;
  if (session.status === 'checking') content = <Loading />;
  // A public page (a join link, a survey answer link) needs no session: it opens offline from the worker.
  else if (session.status === 'unreachable' && !route?.public)
    content = <ErrorMessage error={session.error} onRetry={() => void refresh()} />;
  // The one-time password printed on first start binds until replaced (the server refuses the rest).
  else if (signedIn && session.me.must_change_password) content = <PasswordChangeRequired />;
  else if (path === '/' || path === '') content = signedIn ? <Home /> : <SignIn params={{}} />;
  else if (!route) content = <NotFound />;
  else if (!signedIn && !route.public) content = <SignIn params={{ next: path }} />;
  else {
    const Screen = route.screen;
    content = <Screen key={path} params={params} />;
  }

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
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.navigation')}>
          {signedIn && (
            <>
              <Link to="/">{t('nav.home')}</Link>
              <Link to="/account">{t('nav.account')}</Link>
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t('nav.signOut')}
              </button>
            </>
          )}
        </nav>
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </main>
    </>
  );
}

export function goHome(): void {
  navigate('/');
}
