import type { PersonFieldsFragment } from '../graphql/generated/graphql';

/**
 * The signed-in session, kept in localStorage so that a reload, a closed tab or a day offline keeps
 * the person signed in: the access token is short-lived; the refresh token gets a new one (and is
 * rotated) when it expires or the API answers UNAUTHENTICATED.
 */
export interface Session {
  accessToken: string;
  /** ISO instant. */
  expiresAt: string;
  refreshToken?: string | null;
  refreshExpiresAt?: string | null;
  person: PersonFieldsFragment;
}

const KEY = 'peervisit.session';
const listeners = new Set<(session: Session | null) => void>();

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab signed in, out, or refreshed: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) for (const listener of listeners) listener(readSession());
  });
}

/** Early enough that a request sent now does not arrive with an expired token. */
const MARGIN_MS = 15_000;
export const accessTokenExpired = (session: Session, now = Date.now()) => new Date(session.expiresAt).getTime() - MARGIN_MS <= now;
export const canRefresh = (session: Session, now = Date.now()) =>
  !!session.refreshToken && (!session.refreshExpiresAt || new Date(session.refreshExpiresAt).getTime() > now);
