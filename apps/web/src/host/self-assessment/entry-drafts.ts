import { keyFactorDrafts } from '../../drafts/key-factor-drafts';

/**
 * Unsaved self-assessment entries, kept in localStorage until the server accepts the save, as the
 * leader's conclusion drafts are (drafts/key-factor-drafts.ts): a shared computer in a city hall never
 * shows one person's draft to the next.
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

const drafts = keyFactorDrafts<EntryDraft>('entry-draft');

export const readEntryDraft = drafts.read;

export function writeEntryDraft(personId: string, reviewId: string, keyFactorId: string, draft: EntryDraft): void {
  try {
    drafts.write(personId, reviewId, keyFactorId, draft);
  } catch {
    // Storage full or blocked: the autosave still sends it.
  }
}

export const dropEntryDraft = drafts.drop;
/** The key factors with a draft waiting on this device, for the list of key factors. */
export const draftedEntries = drafts.drafted;

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
