import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { stringifyDocument } from '@urql/core';
import type { PersonFieldsFragment } from '../graphql/generated/graphql';
import { SignOutMutation } from '../graphql/operations';
import { onSessionChange, readSession, Session, writeSession } from './session';

interface Auth {
  session: Session | null;
  person: PersonFieldsFragment | null;
  /** Stores what signIn, resetPassword or acceptInvitation returned. */
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  updatePerson(person: PersonFieldsFragment): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  useEffect(() => onSessionChange(setSession), []);
  const signedIn = useCallback((next: Session) => writeSession(next), []);
  const signOut = useCallback(async () => {
    const current = readSession();
    writeSession(null);
    if (!current) return;
    // Ends the session on the server (its refresh token stops working); signed out here either way.
    await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${current.accessToken}` },
      body: JSON.stringify({ query: stringifyDocument(SignOutMutation), variables: { refreshToken: current.refreshToken ?? null } }),
    }).catch(() => undefined);
  }, []);
  const updatePerson = useCallback((person: PersonFieldsFragment) => {
    const current = readSession();
    if (current) writeSession({ ...current, person });
  }, []);
  const value = useMemo(
    () => ({ session, person: session?.person ?? null, signedIn, signOut, updatePerson }),
    [session, signedIn, signOut, updatePerson],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
