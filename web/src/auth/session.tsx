import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, configureAuth, type Session } from '../api/client.ts';
import { SHELL_API_CACHE } from '../system/shell-cache.ts';

const STORAGE_KEY = 'ledger.session';
const MAX_TIMER_MS = 2 ** 31 - 1;

type SessionState = {
  session: Session | undefined;
  signIn(session: Session): void;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionState | undefined>(undefined);

function storedSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : undefined;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the bearer token. When the API refuses it (expired, revoked) or its expiry passes, the user
 * goes to the sign-in page, which brings them back to where they were.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(storedSession);
  const navigate = useNavigate();

  const expire = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    configureAuth(undefined, () => {});
    setSession(undefined);
    const here = window.location.pathname.replace(/^\/app/, '') + window.location.search;
    if (!here.startsWith('/login')) void navigate(`/login?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
  }, [navigate]);

  if (session) configureAuth(session.token, expire);

  useEffect(() => {
    if (!session) return;
    const delay = Math.max(0, Date.parse(session.expiresAt) - Date.now());
    // Longer delays overflow setTimeout (it would fire at once); the API's 401 still ends such a session.
    if (delay > MAX_TIMER_MS) return;
    const timer = setTimeout(expire, delay);
    return () => clearTimeout(timer);
  }, [session, expire]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      signIn(next) {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        configureAuth(next.token, expire);
        setSession(next);
      },
      async signOut() {
        await api.POST('/auth/logout').catch(() => undefined);
        // What the service worker kept for this user's screens is not the next user's.
        await globalThis.caches?.delete(SHELL_API_CACHE).catch(() => undefined);
        localStorage.removeItem(STORAGE_KEY);
        configureAuth(undefined, () => {});
        setSession(undefined);
        void navigate('/login', { replace: true });
      },
    }),
    [session, expire, navigate],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in user; only rendered inside routes that require one. */
export function useUser() {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session.user;
}
