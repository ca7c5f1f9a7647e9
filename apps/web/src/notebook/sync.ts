import type { Client } from 'urql';
import { LogEvidenceBatchMutation } from '../graphql/operations';
import type { EvidenceInput } from '../graphql/generated/graphql';
import { db, fromServer, NotebookItem } from './notebook-db';

/** Items per logEvidenceBatch (the API takes up to 500; smaller batches show progress sooner). */
const BATCH = 100;

export type SyncResult =
  { kind: 'done'; sent: number; refused: number } | { kind: 'offline' } | { kind: 'unauthenticated' } | { kind: 'busy' };

export const toInput = (item: NotebookItem): EvidenceInput => ({
  id: item.id,
  statement: item.statement,
  quote: item.quote,
  quotedStakeholderId: item.quotedStakeholderId ?? null,
  paraphrase: item.paraphrase ?? null,
  stance: item.stance,
  source: item.source,
  sessionId: item.sessionId,
  stakeholderCategory: item.stakeholderCategory,
  keyFactorIds: item.keyFactorIds,
  observedAt: item.observedAt,
});

/**
 * Sends my waiting items with logEvidenceBatch, review by review. The server answers per item:
 * CREATED or ALREADY_THERE (a retry of one it has, e.g. after a tab closed mid-send) → synced;
 * INVALID or CONFLICT → refused, with the reason, until fixed and sent again. Anything else (no
 * network, no valid session) leaves the items waiting: nothing is dropped. One sync at a time across
 * tabs (a Web Lock); the client-generated ids make a second sender harmless anyway.
 */
export async function syncOutbox(client: Client, personId: string): Promise<SyncResult> {
  const run = async (): Promise<SyncResult> => {
    const waiting = (await db.items.where('state').equals('waiting').toArray())
      .filter((i) => i.loggedById === personId)
      .sort((a, b) => a.createdAt - b.createdAt);
    let sent = 0;
    let refused = 0;
    const byReview = new Map<string, NotebookItem[]>();
    for (const item of waiting) byReview.set(item.reviewId, [...(byReview.get(item.reviewId) ?? []), item]);
    for (const [reviewId, items] of byReview) {
      for (let at = 0; at < items.length; at += BATCH) {
        const chunk = items.slice(at, at + BATCH);
        const { data, error } = await client
          .mutation(LogEvidenceBatchMutation, { reviewId, items: chunk.map(toInput) }, { requestPolicy: 'network-only' })
          .toPromise();
        if (!data) {
          if (error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return { kind: 'unauthenticated' };
          if (error?.graphQLErrors.length) {
            // The whole batch was refused (e.g. no longer on the team): every item keeps the reason.
            const message = error.graphQLErrors[0].message;
            await db.items.bulkPut(chunk.map((item) => ({ ...item, state: 'refused' as const, refusal: { message, problems: [] } })));
            refused += chunk.length;
            continue;
          }
          return { kind: 'offline' };
        }
        await db.transaction('rw', db.items, async () => {
          for (const result of data.logEvidenceBatch) {
            const item = chunk.find((i) => i.id === result.id);
            if (!item) continue;
            // Edited locally while the batch was on its way: keep the newer local text waiting.
            const current = await db.items.get(item.id);
            if (current && current.statement !== item.statement) continue;
            if (result.evidence && (result.outcome === 'CREATED' || result.outcome === 'ALREADY_THERE')) {
              await db.items.put(fromServer(result.evidence, item));
              sent++;
            } else {
              await db.items.put({
                ...item,
                state: 'refused',
                refusal: { message: result.message ?? result.outcome, problems: result.problems },
              });
              refused++;
            }
          }
        });
      }
    }
    return { kind: 'done', sent, refused };
  };
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('peervisit-sync', run);
  return run();
}
