import Dexie, { Table } from 'dexie';
import type { EvidenceFieldsFragment, EvidenceSource, EvidenceStance, StakeholderCategory } from '../graphql/generated/graphql';
import type { Problem } from '../graphql/errors';

/**
 * One item of my notebook, kept in IndexedDB whether or not the server has it yet:
 * - waiting: logged here (maybe offline), not yet accepted by the server; sent by the sync;
 * - refused: the server refused it (the reason is kept) until I fix it and send it again;
 * - synced: the server has it (revision and retraction as the server last told us).
 */
export interface NotebookItem {
  id: string;
  reviewId: string;
  /** Who logged it: the outbox of one person is never sent under another's session. */
  loggedById: string;
  statement: string;
  quote: string | null;
  /** The stakeholder quoted, and the paraphrase shown outside the team when they have not agreed to be quoted. */
  quotedStakeholderId?: string | null;
  paraphrase?: string | null;
  /** As the server last said: a quote without consent that still lacks its paraphrase. */
  needsParaphrase?: boolean;
  stance: EvidenceStance;
  source: EvidenceSource;
  sessionId: string | null;
  stakeholderCategory: StakeholderCategory | null;
  keyFactorIds: string[];
  /** ISO instant it was heard. */
  observedAt: string;
  /** Local clock (ms), for ordering. */
  createdAt: number;
  state: 'waiting' | 'refused' | 'synced';
  refusal?: { message: string; problems: Problem[] } | null;
  revision?: number;
  retractedAt?: string | null;
  retractionReason?: string | null;
}

class NotebookDb extends Dexie {
  items!: Table<NotebookItem, string>;

  constructor() {
    super('peervisit-notebook');
    this.version(1).stores({ items: 'id, reviewId, state, [reviewId+loggedById], createdAt' });
  }
}

export const db = new NotebookDb();

export const fromServer = (evidence: EvidenceFieldsFragment, existing?: NotebookItem): NotebookItem => ({
  id: evidence.id,
  reviewId: evidence.reviewId,
  loggedById: evidence.loggedById,
  statement: evidence.statement,
  quote: evidence.quote ?? null,
  quotedStakeholderId: evidence.quotedStakeholderId ?? null,
  paraphrase: evidence.paraphrase ?? null,
  needsParaphrase: evidence.needsParaphrase,
  stance: evidence.stance,
  source: evidence.source,
  sessionId: evidence.sessionId ?? null,
  stakeholderCategory: evidence.stakeholderCategory ?? null,
  keyFactorIds: evidence.keyFactorIds,
  observedAt: evidence.observedAt,
  createdAt: existing?.createdAt ?? new Date(evidence.observedAt).getTime(),
  state: 'synced',
  refusal: null,
  revision: evidence.revision,
  retractedAt: evidence.retractedAt ?? null,
  retractionReason: evidence.retractionReason ?? null,
});

/**
 * Stores what the server says about items of mine. A waiting or refused local item is never
 * overwritten by a listing (the server does not have it yet, or has refused it).
 */
export async function rememberFromServer(evidence: EvidenceFieldsFragment[]): Promise<void> {
  await db.transaction('rw', db.items, async () => {
    const existing = await db.items.bulkGet(evidence.map((e) => e.id));
    const rows = evidence.flatMap((e, i) => {
      const known = existing[i];
      if (known && known.state !== 'synced') return [];
      if (known?.revision && known.revision > e.revision) return [];
      return [fromServer(e, known)];
    });
    await db.items.bulkPut(rows);
  });
}
