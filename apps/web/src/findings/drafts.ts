import { keyFactorDrafts } from '../drafts/key-factor-drafts';

/** Unsaved conclusion drafts, kept in localStorage until the server accepts the save (drafts/key-factor-drafts.ts). */
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

const drafts = keyFactorDrafts<ConclusionDraft>('conclusion-draft');

export const readDraft = drafts.read;
export const writeDraft = drafts.write;
export const dropDraft = drafts.drop;
/** The key factors of a review that have a draft waiting, for the list of key factors. */
export const draftedKeyFactors = drafts.drafted;

export const TEXT_FIELDS = ['summary', 'strengths', 'areasToDevelop'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Both sides' text, one after the other, for a "keep both" merge. */
export function bothTexts(mine: string, theirs: string): string {
  if (!mine.trim()) return theirs;
  if (!theirs.trim() || theirs.trim() === mine.trim()) return mine;
  return `${mine.trim()}\n\n${theirs.trim()}`;
}
