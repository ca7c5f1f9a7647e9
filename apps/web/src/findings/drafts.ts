/**
 * Unsaved conclusion drafts, kept in localStorage on every keystroke (synchronously, so a reload or a
 * closed tab a moment later still has it) until the server accepts the save. Keyed by person, review
 * and key factor: a shared computer never shows one person's draft to the next.
 */
export interface ConclusionDraft {
  rating: number | null;
  summary: string;
  strengths: string;
  areasToDevelop: string;
  evidenceIds: string[];
  /** The server version the draft started from (0: no conclusion yet). */
  baseVersion: number;
  /** When it was last typed in (ms), to say how old it is. */
  editedAt: number;
}

const key = (personId: string, reviewId: string, keyFactorId: string) =>
  `peervisit.conclusion-draft.${personId}.${reviewId}.${keyFactorId}`;

export function readDraft(personId: string, reviewId: string, keyFactorId: string): ConclusionDraft | null {
  try {
    const raw = localStorage.getItem(key(personId, reviewId, keyFactorId));
    return raw ? (JSON.parse(raw) as ConclusionDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(personId: string, reviewId: string, keyFactorId: string, draft: ConclusionDraft): void {
  localStorage.setItem(key(personId, reviewId, keyFactorId), JSON.stringify(draft));
}

export function dropDraft(personId: string, reviewId: string, keyFactorId: string): void {
  localStorage.removeItem(key(personId, reviewId, keyFactorId));
}

/** The key factors of a review that have a draft waiting, for the list of key factors. */
export function draftedKeyFactors(personId: string, reviewId: string): Set<string> {
  const prefix = key(personId, reviewId, '');
  const ids = new Set<string>();
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith(prefix)) ids.add(k.slice(prefix.length));
  }
  return ids;
}

export const TEXT_FIELDS = ['summary', 'strengths', 'areasToDevelop'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Both sides' text, one after the other, for a "keep both" merge. */
export function bothTexts(mine: string, theirs: string): string {
  if (!mine.trim()) return theirs;
  if (!theirs.trim() || theirs.trim() === mine.trim()) return mine;
  return `${mine.trim()}\n\n${theirs.trim()}`;
}
