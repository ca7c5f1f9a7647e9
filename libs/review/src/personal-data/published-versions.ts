import { Injectable } from '@nestjs/common';
import { OutboxService } from '@peervisit/platform';
import { EntityManager } from 'typeorm';
import { ErasedFromReport } from './personal-data-erasure.entity';

/** The email that tells an expert leader a published version named someone erased, or who withdrew consent. */
export const ERASED_FROM_REPORT_TEMPLATE = 'erased-from-published-report';

/**
 * The reviews whose texts and reports may name a stakeholder: those of their city (the anonymiser
 * knows the host city's stakeholders) and those that met them. $1 is the stakeholder.
 */
export const STAKEHOLDER_REVIEWS = `SELECT r.id AS review_id FROM review r JOIN stakeholder s ON s.city_id = r.host_city_id WHERE s.id = $1
  UNION SELECT vs.review_id FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id WHERE ss.stakeholder_id = $1`;

/** Why the leader is told (the email says which). */
export type NoticeReason = 'erased' | 'consent-withdrawn';

/**
 * What erasure and consent withdrawal do alike to the reports of the reviews a person took part in:
 * find the published versions that may name them, render the unpublished ones again (with the names as
 * they are now), and tell each review's expert leader which published versions to correct.
 */
@Injectable()
export class PublishedVersions {
  constructor(private readonly outbox: OutboxService) {}

  /** Published versions of the reviews `where` picks (a condition on report `r`). */
  find(manager: EntityManager, where: string, params: unknown[]): Promise<ErasedFromReport[]> {
    return manager.query(
      `SELECT r.id AS "reportId", r.review_id AS "reviewId", v.title AS "reviewTitle", r.version, r.language
         FROM report r JOIN review v ON v.id = r.review_id WHERE r.published AND ${where} ORDER BY v.title, r.version`,
      params,
    );
  }

  /**
   * Unpublished versions that are ready are queued again; the report sweeper hands them to a worker
   * (the render reads the names and consents as they are now).
   */
  async renderAgain(manager: EntityManager, reviews: string, params: unknown[]): Promise<void> {
    await manager.query(
      `UPDATE report SET status = 'QUEUED' WHERE review_id IN (${reviews}) AND NOT published AND status IN ('READY', 'FAILED')`,
      params,
    );
  }

  /**
   * Schedules, in the caller's transaction, one email to each current expert leader of each review
   * with published versions (never to `exceptPersonId`, the person erased). Answers the dedupe keys,
   * for send() after commit. `noticeId` (the erasure's or the consent record's id) keeps them once.
   */
  async tellLeaders(
    manager: EntityManager,
    noticeId: string,
    published: ErasedFromReport[],
    reason: NoticeReason,
    exceptPersonId: string | null = null,
  ): Promise<string[]> {
    const keys: string[] = [];
    const byReview = new Map<string, ErasedFromReport[]>();
    for (const report of published) byReview.set(report.reviewId, [...(byReview.get(report.reviewId) ?? []), report]);
    for (const [reviewId, versions] of byReview) {
      const leaders: { id: string; email: string }[] = await manager.query(
        `SELECT p.id, p.email FROM team_member t JOIN person p ON p.id = t.person_id
          WHERE t.review_id = $1 AND t.role = 'EXPERT_LEADER' AND t.removed_at IS NULL AND p.id IS DISTINCT FROM $2::uuid`,
        [reviewId, exceptPersonId],
      );
      for (const leader of leaders) {
        const dedupeKey = `notice:${ERASED_FROM_REPORT_TEMPLATE}:${noticeId}:${leader.id}`;
        keys.push(dedupeKey);
        await this.outbox.schedule(manager, {
          dedupeKey,
          template: ERASED_FROM_REPORT_TEMPLATE,
          recipientId: leader.id,
          recipientEmail: leader.email,
          reviewId,
          data: { reason, versions: versions.map((v) => ({ version: v.version, language: v.language })) },
          dueAt: new Date(),
        });
      }
    }
    return keys;
  }

  /** After commit: the leaders' notices go out now rather than at the outbox sweeper's next pass. */
  async send(keys: string[]): Promise<void> {
    if (keys.length) await this.outbox.enqueueScheduled({ dedupeKeys: keys });
  }
}
