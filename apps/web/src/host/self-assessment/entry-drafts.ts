/**
 * Unsaved self-assessment entries, kept in localStorage on every keystroke (synchronously, so a reload
 * or a closed tab a moment later still has it) until the server accepts the save, as the leader's
 * conclusion drafts are (findings/drafts.ts). Keyed by person, review and key factor: a shared
 * computer in a city hall never shows one person's draft to the next.
 */
export interface EntryDraft {
  /** Answers by guide question id ('' is no answer). */
  answers: Record<string, string>;
  rating: number | null;
  narrative: string;
  /** The server version the draft started from (0: no entry yet). */
  baseVersion: number;
  /** When it was last typed in (ms). */
  editedAt: number;
}

const key = (personId: string, reviewId: string, keyFactorId: string) => `peervisit.entry-draft.${personId}.${reviewId}.${keyFactorId}`;

export function readEntryDraft(personId: string, reviewId: string, keyFactorId: string): EntryDraft | null {
  try {
    const raw = localStorage.getItem(key(personId, reviewId, keyFactorId));
    return raw ? (JSON.parse(raw) as EntryDraft) : null;
  } catch {
    return null;
  }
}

export function writeEntryDraft(personId: string, reviewId: string, keyFactorId: string, draft: EntryDraft): void {
  try {
    localStorage.setItem(key(personId, reviewId, keyFactorId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the autosave still sends it.
  }
}

export function dropEntryDraft(personId: string, reviewId: string, keyFactorId: string): void {
  localStorage.removeItem(key(personId, reviewId, keyFactorId));
}

/** The key factors with a draft waiting on this device, for the list of key factors. */
export function draftedEntries(personId: string, reviewId: string): Set<string> {
  const prefix = key(personId, reviewId, '');
  const ids = new Set<string>();
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k?.startsWith(prefix)) ids.add(k.slice(prefix.length));
  }
  return ids;
}

interface ServerEntry {
  answers: { guideQuestionId: string; answer: string }[];
  rating?: number | null;
  narrative: string;
  version: number;
}

/** The form's values for what the server has (or an empty entry). */
export function draftFromServer(entry: ServerEntry | null | undefined): EntryDraft {
  return {
    answers: Object.fromEntries((entry?.answers ?? []).map((a) => [a.guideQuestionId, a.answer])),
    rating: entry?.rating ?? null,
    narrative: entry?.narrative ?? '',
    baseVersion: entry?.version ?? 0,
    editedAt: Date.now(),
  };
}

/** The fields of an entry a person can differ on: each guide question's answer, the rating, the narrative. */
export type EntryField = { kind: 'answer'; guideQuestionId: string } | { kind: 'rating' } | { kind: 'narrative' };

export const answerOf = (draft: EntryDraft, guideQuestionId: string) => (draft.answers[guideQuestionId] ?? '').trim();

/** Same content (whitespace at the ends aside), whatever the versions. */
export function sameEntry(a: EntryDraft, b: EntryDraft, guideQuestionIds: string[]): boolean {
  return differingFields(a, b, guideQuestionIds).length === 0;
}

export function differingFields(a: EntryDraft, b: EntryDraft, guideQuestionIds: string[]): EntryField[] {
  const fields: EntryField[] = [];
  for (const id of guideQuestionIds) if (answerOf(a, id) !== answerOf(b, id)) fields.push({ kind: 'answer', guideQuestionId: id });
  if (a.rating !== b.rating) fields.push({ kind: 'rating' });
  if (a.narrative.trim() !== b.narrative.trim()) fields.push({ kind: 'narrative' });
  return fields;
}
