import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiRequestError, execute } from './api/client';
import { ME } from './api/operations';
import { PAGES, type PageId, mayOpen, visiblePages } from './access';
import { ErrorBox } from './components/error-box';
import { CapacityPage } from './pages/capacity';
import { CompliancePage } from './pages/compliance';
import { FinancePage } from './pages/finance';
import { PortfolioPage } from './pages/portfolio';
import { RecommendPage } from './pages/recommend';
import { storedToken, storeToken } from './session';
import { type Viewer, ViewerContext } from './use-api';

function usePath(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    if (to !== window.location.pathname) window.history.pushState(null, '', to);
    setPath(to);
  }, []);
  return [path, navigate];
}

const PAGE_COMPONENTS: Record<PageId, () => React.JSX.Element> = {
  capacity: CapacityPage,
  recommend: RecommendPage,
  portfolio: PortfolioPage,
  compliance: CompliancePage,
  finance: FinancePage,
};

export function App() {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [checking, setChecking] = useState(() => storedToken() !== null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [path, navigate] = usePath();

  const expire = useCallback((reason: ApiRequestError) => {
    storeToken(null);
    setViewer(null);
    setError(reason);
  }, []);

  const signIn = useCallback(async (token: string) => {
    setChecking(true);
    setError(null);
    try {
      const { me } = await execute(ME, {}, token);
      if (!me) throw new ApiRequestError([{ code: 'UNAUTHENTICATED', message: 'the gateway does not recognise this key or token', path: 'me' }]);
      storeToken(token);
      setViewer({ id: me.id, roles: me.roles, token, expire });
    } catch (e) {
      storeToken(null);
      setViewer(null);
      setError(e instanceof ApiRequestError ? e : new ApiRequestError([{ code: 'CLIENT_ERROR', message: (e as Error).message, path: null }]));
    } finally {
      setChecking(false);
    }
  }, [expire]);

  useEffect(() => {
    const token = storedToken();
    if (token) void signIn(token);
  }, [signIn]);

  const signOut = () => {
    storeToken(null);
    setViewer(null);
  };

  const pages = visiblePages(viewer?.roles ?? []);
  const requested = PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  // `/` and unknown paths open the first page the caller may use.
  const redirectTo = viewer && !requested ? (pages[0]?.path ?? null) : null;
  useEffect(() => {
    if (redirectTo) navigate(redirectTo);
  }, [redirectTo, navigate]);

  if (!viewer) return <SignIn checking={checking} error={error} onSignIn={signIn} />;

  const current = requested && mayOpen(requested.id, viewer.roles) ? requested : null;
  const Page = current ? PAGE_COMPONENTS[current.id] : null;

  return (
    <ViewerContext.Provider value={viewer}>
      <header className="top">
        <span className="brand">Compute Planner</span>
        <nav aria-label="Pages">
          {pages.map((p) => (
            <a
              key={p.id}
              href={p.path}
              aria-current={current?.id === p.id ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {p.title}
            </a>
          ))}
        </nav>
        <span className="who" data-testid="viewer">
          {viewer.id} · {viewer.roles.join(', ') || 'no roles'}
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {Page ? (
          <Page key={current!.id} />
        ) : requested ? (
          <div className="error" role="alert">
            <p>
              <strong>FORBIDDEN</strong> {requested.title} needs one of the roles its page allows; you are signed in as {viewer.roles.join(', ') || 'no role'}.
            </p>
          </div>
        ) : null}
      </main>
    </ViewerContext.Provider>
  );
}

function SignIn({ checking, error, onSignIn }: { checking: boolean; error: ApiRequestError | null; onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  return (
    <main className="sign-in">
      <h1>Compute Planner</h1>
      <p>Capacity, placement, compliance and spend at a glance. Paste an API key or token to sign in; it is kept for this browser tab only.</p>
      <form onSubmit={submit} aria-label="Sign in">
        <label>
          API key or token
          <input name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="submit" disabled={checking || !token.trim()}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      <ErrorBox error={error} />
    </main>
  );
}
