import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useAuth } from '../auth/auth-context';
import { db } from './notebook-db';
import { useLive, useOnline } from './live';
import { SyncResult, syncOutbox } from './sync';

interface SyncState {
  online: boolean;
  waiting: number;
  syncing: boolean;
  /** The last sync could not authenticate: the items wait until the person signs in again. */
  needsSignIn: boolean;
  syncNow(): void;
}

const SyncContext = createContext<SyncState | null>(null);
/** While items wait and the network is up but the API is not reachable, try again this often. */
const RETRY_MS = 15_000;

/** Sends the outbox whenever there is something to send and a chance to send it. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { person } = useAuth();
  const online = useOnline();
  const personId = person?.id;
  const waiting = useLive(
    () =>
      personId
        ? db.items
            .where('state')
            .equals('waiting')
            .filter((i) => i.loggedById === personId)
            .count()
        : Promise.resolve(0),
    [personId],
    0,
  );
  const [syncing, setSyncing] = useState(false);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const running = useRef<Promise<SyncResult> | null>(null);
  const again = useRef(false);

  const syncNow = useCallback(() => {
    if (!personId || !navigator.onLine) return;
    if (running.current) {
      again.current = true;
      return;
    }
    setSyncing(true);
    running.current = syncOutbox(client, personId)
      .then((result) => {
        setNeedsSignIn(result.kind === 'unauthenticated');
        return result;
      })
      .catch((error) => {
        console.error('sync failed', error);
        return { kind: 'offline' } as SyncResult;
      })
      .finally(() => {
        running.current = null;
        setSyncing(false);
        if (again.current) {
          again.current = false;
          syncNow();
        }
      });
  }, [client, personId]);

  // Back online, signed in (again), or something new to send: send.
  useEffect(() => {
    if (online && waiting > 0) syncNow();
  }, [online, waiting, personId, syncNow]);
  useEffect(() => {
    if (!online || waiting === 0) return;
    const timer = setInterval(syncNow, RETRY_MS);
    return () => clearInterval(timer);
  }, [online, waiting, syncNow]);

  const value = useMemo(() => ({ online, waiting, syncing, needsSignIn, syncNow }), [online, waiting, syncing, needsSignIn, syncNow]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncState {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync outside SyncProvider');
  return sync;
}
