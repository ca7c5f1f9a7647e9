import { stringifyDocument } from '@urql/core';
import type { RefreshSessionMutation as RefreshResult } from '../graphql/generated/graphql';
import { RefreshSessionMutation } from '../graphql/operations';
import { accessTokenExpired, canRefresh, readSession, Session, writeSession } from './session';

/** What a refresh came to: a new session, no way to refresh (sign in again), or no network (try later). */
export type RefreshOutcome = { kind: 'refreshed'; session: Session } | { kind: 'signed-out' } | { kind: 'offline' } | { kind: 'failed' };

let inFlight: Promise<RefreshOutcome> | null = null;

/**
 * Trades the refresh token for a new session. One refresh at a time in this tab (a shared promise)
 * and across tabs (a Web Lock): the server rotates refresh tokens and treats a reused one as stolen,
 * so two tabs refreshing with the same token would sign the person out everywhere. Inside the lock
 * the session is read again: another tab may have refreshed it already.
 */
export function refreshSession(staleAccessToken?: string): Promise<RefreshOutcome> {
  inFlight ??= withLock(() => refreshOnce(staleAccessToken)).finally(() => (inFlight = null));
  return inFlight;
}

async function withLock<T>(run: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('peervisit-refresh', run);
  return run();
}

async function refreshOnce(staleAccessToken?: string): Promise<RefreshOutcome> {
  const session = readSession();
  if (!session) return { kind: 'signed-out' };
  // Someone refreshed while we waited for the lock.
  if (session.accessToken !== staleAccessToken && !accessTokenExpired(session)) return { kind: 'refreshed', session };
  if (!canRefresh(session)) return { kind: 'signed-out' };
  let body: { data?: RefreshResult | null; errors?: { extensions?: { code?: string } }[] };
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Sent with fetch, outside urql: it runs inside the client's own request path (authenticatedFetch).
      body: JSON.stringify({ query: stringifyDocument(RefreshSessionMutation), variables: { refreshToken: session.refreshToken } }),
    });
    body = await response.json();
  } catch {
    return { kind: 'offline' };
  }
  const payload = body.data?.refreshSession;
  if (payload) {
    const next: Session = payload;
    writeSession(next);
    return { kind: 'refreshed', session: next };
  }
  // The refresh token was refused (expired, revoked, reused): sign in again. Another error keeps the
  // session (and the notebook's outbox) for a later try.
  if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    writeSession(null);
    return { kind: 'signed-out' };
  }
  return { kind: 'failed' };
}

/** An access token to send now: the stored one, refreshed first when it has expired. */
export async function currentAccessToken(): Promise<string | null> {
  const session = readSession();
  if (!session) return null;
  if (!accessTokenExpired(session)) return session.accessToken;
  const outcome = await refreshSession(session.accessToken);
  return outcome.kind === 'refreshed' ? outcome.session.accessToken : null;
}
