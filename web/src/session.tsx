import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from './api/client.js';

/** The signed-in account as `GET /api/auth/me` describes it (kept loose: only what the shell reads). */
export interface Membership {
  initiative_id: string;
  workspace_id: string;
  conflict_id: string;
  role: 'convener' | 'facilitator' | 'participant' | 'researcher' | 'funder' | 'translator' | 'field_monitor';
}
export interface Me {
  account: { id: string; email: string; display_name: string | null };
  admin_workspaces: string[];
  memberships: Membership[];
  /** Signed in with the one-time password printed on first start: the app asks for a new one first. */
  must_change_password: boolean;
}

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  | { status: 'unreachable'; error: unknown };

interface SessionValue {
  session: SessionState;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** `GET /api/auth/me`, with empty lists where the server left them out. */
export function toMe(payload: unknown): Me {
  const value = (payload ?? {}) as Partial<Me>;
  return {
    account: value.account ?? { id: '', email: '', display_name: null },
    admin_workspaces: Array.isArray(value.admin_workspaces) ? value.admin_workspaces : [],
    memberships: Array.isArray(value.memberships) ? value.memberships : [],
    must_change_password: value.must_change_password === true,
  };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });

  const refresh = useCallback(async () => {
    try {
      // A visitor who is not signed in is an answer (`signed_in: false`), not a 401 in the console.
      const me = await api.get('/api/auth/me', { quietUnauthenticated: true });
      setSession(me?.signed_in === true ? { status: 'signed-in', me: toMe(me) } : { status: 'signed-out' });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        setSession({ status: 'signed-out' });
      } else {
        setSession({ status: 'unreachable', error });
      }
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', { quietUnauthenticated: true });
    } finally {
      setSession({ status: 'signed-out' });
      window.location.hash = '/';
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setSession({ status: 'signed-out' }));
  }, [refresh]);

  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
