/**
 * Unsaved work on one key factor of a review, kept in localStorage on every keystroke (synchronously,
 * so a reload or a closed tab a moment later still has it) until the server accepts the save. Keyed by
 * person, review and key factor: a shared computer never shows one person's draft to the next.
 */
export interface KeyFactorDrafts<T> {
  read(personId: string, reviewId: string, keyFactorId: string): T | null;
  /** Throws when the storage is full or blocked. */
  write(personId: string, reviewId: string, keyFactorId: string, draft: T): void;
  drop(personId: string, reviewId: string, keyFactorId: string): void;
  /** The key factors of a review with a draft waiting on this device, for the list of key factors. */
  drafted(personId: string, reviewId: string): Set<string>;
}

/** The drafts of one kind (`conclusion-draft`, `entry-draft`): stored as `peervisit.<kind>.<person>.<review>.<key factor>`. */
export function keyFactorDrafts<T>(kind: string): KeyFactorDrafts<T> {
  const key = (personId: string, reviewId: string, keyFactorId: string) => `peervisit.${kind}.${personId}.${reviewId}.${keyFactorId}`;
  return {
    read(personId, reviewId, keyFactorId) {
      try {
        const raw = localStorage.getItem(key(personId, reviewId, keyFactorId));
        return raw ? (JSON.parse(raw) as T) : null;
      } catch {
        return null;
      }
    },
    write(personId, reviewId, keyFactorId, draft) {
      localStorage.setItem(key(personId, reviewId, keyFactorId), JSON.stringify(draft));
    },
    drop(personId, reviewId, keyFactorId) {
      localStorage.removeItem(key(personId, reviewId, keyFactorId));
    },
    drafted(personId, reviewId) {
      const prefix = key(personId, reviewId, '');
      const ids = new Set<string>();
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k?.startsWith(prefix)) ids.add(k.slice(prefix.length));
      }
      return ids;
    },
  };
}
