import { Injectable } from '@nestjs/common';
import { ConsentStatement, recordConsent } from '@peervisit/directory';
import { StakeholderConsent } from '@peervisit/directory/entities';
import { CurrentUser, forbidden, isUuid, notFound } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { ReviewPermission } from '../access/review-permissions';
import { ErasedFromReport } from './personal-data-erasure.entity';
import { PublishedVersions, STAKEHOLDER_REVIEWS } from './published-versions';

/** The reviews whose evidence quotes them: $1 is the stakeholder. */
const REVIEWS_QUOTING = 'SELECT e.review_id FROM evidence e WHERE e.quoted_stakeholder_id = $1';

export interface ConsentWithdrawalResult {
  consent: StakeholderConsent;
  publishedReports: ErasedFromReport[];
}

/**
 * Stakeholders' consent records, as the review team and the secretariat keep them: who may record
 * (those who may register stakeholders: the secretariat, or the expert leader, a peer or the host
 * coordinator of a review the stakeholder belongs to), the history, and withdrawal, which renders the
 * unpublished report versions again and tells the expert leaders which published versions named or
 * quoted the person (as erasure does).
 */
@Injectable()
export class StakeholderConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly versions: PublishedVersions,
  ) {}

  async record(user: CurrentUser, stakeholderId: string, reviewId: string | null, statement: Omit<ConsentStatement, 'given'>) {
    await this.requireAccess(user, stakeholderId, reviewId, 'stakeholder.register');
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM stakeholder WHERE id = $1 FOR UPDATE', [stakeholderId]);
      const consent = await recordConsent(manager, stakeholderId, user.personId, { ...statement, given: true });
      await this.audited(manager, user, stakeholderId, reviewId, consent);
      return consent;
    });
  }

  async withdraw(
    user: CurrentUser,
    stakeholderId: string,
    reviewId: string | null,
    statement: Omit<ConsentStatement, 'given'>,
  ): Promise<ConsentWithdrawalResult> {
    await this.requireAccess(user, stakeholderId, reviewId, 'stakeholder.register');
    const { result, notices } = await this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query(
        'SELECT consent_to_be_named AS "NAMED", consent_to_be_quoted AS "QUOTED", consent_to_be_contacted AS "CONTACTED" FROM stakeholder WHERE id = $1 FOR UPDATE',
        [stakeholderId],
      );
      const consent = await recordConsent(manager, stakeholderId, user.personId, { ...statement, given: false });
      await this.audited(manager, user, stakeholderId, reviewId, consent);
      // Only a consent that was given can have put them in a report: named in their city's reviews and those that met them,
      // quoted word for word in reviews whose evidence quotes them.
      const reviews = { NAMED: STAKEHOLDER_REVIEWS, QUOTED: REVIEWS_QUOTING, CONTACTED: null }[consent.kind];
      if (!before[consent.kind] || !reviews) return { result: { consent, publishedReports: [] }, notices: [] };
      const publishedReports = await this.versions.find(manager, `r.review_id IN (${reviews})`, [stakeholderId]);
      await this.versions.renderAgain(manager, reviews, [stakeholderId]);
      const notices = await this.versions.tellLeaders(manager, consent.id, publishedReports, 'consent-withdrawn');
      return { result: { consent, publishedReports }, notices };
    });
    await this.versions.send(notices);
    return result;
  }

  /** Every record of the stakeholder, oldest first. */
  async history(user: CurrentUser, stakeholderId: string, reviewId: string | null): Promise<StakeholderConsent[]> {
    await this.requireAccess(user, stakeholderId, reviewId, 'stakeholder.read');
    return this.dataSource
      .getRepository(StakeholderConsent)
      .find({ where: { stakeholderId }, order: { recordedAt: 'ASC', sequence: 'ASC' } });
  }

  /**
   * The secretariat for any stakeholder; otherwise a member with `permission` in the review given, the
   * stakeholder being the host city's or met in that review's sessions.
   */
  private async requireAccess(user: CurrentUser, stakeholderId: string, reviewId: string | null, permission: ReviewPermission) {
    if (!isUuid(stakeholderId) || (reviewId !== null && !isUuid(reviewId))) throw notFound('The stakeholder');
    if (reviewId) await this.access.require(user, reviewId, permission);
    else if (!user.isAdmin) throw forbidden('Say which review the stakeholder belongs to (reviewId): the review team keeps consent there.');
    const [found] = await this.dataSource.query(
      reviewId
        ? `SELECT 1 FROM stakeholder s JOIN review r ON r.id = $2 WHERE s.id = $1
             AND (s.city_id = r.host_city_id OR s.id IN (SELECT ss.stakeholder_id FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id WHERE vs.review_id = r.id))`
        : 'SELECT 1 FROM stakeholder s WHERE s.id = $1',
      reviewId ? [stakeholderId, reviewId] : [stakeholderId],
    );
    if (!found) throw notFound(reviewId ? 'The stakeholder, in this review' : 'The stakeholder');
  }

  /** In each review the consent concerns (the one given, their city's, those that met them), by id only. */
  private async audited(
    manager: EntityManager,
    user: CurrentUser,
    stakeholderId: string,
    reviewId: string | null,
    consent: StakeholderConsent,
  ) {
    const rows: { review_id: string }[] = await manager.query(`${STAKEHOLDER_REVIEWS} UNION SELECT $2::uuid WHERE $2::uuid IS NOT NULL`, [
      stakeholderId,
      reviewId,
    ]);
    for (const { review_id } of rows) {
      await this.audit.record(manager, {
        reviewId: review_id,
        actorId: user.personId,
        action: consent.given ? 'stakeholder.consent' : 'stakeholder.consent-withdraw',
        entityType: 'Stakeholder',
        entityId: stakeholderId,
        after: { consentId: consent.id, kind: consent.kind, given: consent.given, method: consent.method },
      });
    }
  }
}
