import { Injectable } from '@nestjs/common';
import { SessionService } from '@peervisit/directory';
import { badInput, conflict, CurrentUser, forbidden, isUuid, notFound, OutboxService } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ErasedFromReport, ErasureSubject, PersonalDataErasure } from './personal-data-erasure.entity';
import { erasedEmail, personPseudonym, pseudonymiseStakeholder, stakeholderPseudonym, withholdName } from './pseudonyms';

/** The email that tells an expert leader a published version named someone who has been erased. */
export const ERASED_FROM_REPORT_TEMPLATE = 'erased-from-published-report';

/**
 * The right to erasure, for the secretariat: a person or a stakeholder is replaced by a stable
 * pseudonym everywhere (the directory, the texts of their reviews, audit snapshots, the outbox), their
 * contact details and sign-in go, and the substance of the evidence stays. Unpublished report versions
 * of those reviews are rendered again; the expert leader of each review whose published versions named
 * them is told, so they can issue a corrected version. The erasure record says who, when and why, by
 * id only.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
  ) {}

  async erasePerson(viewer: CurrentUser, personId: string, reason: string): Promise<PersonalDataErasure> {
    const why = this.check(viewer, reason);
    if (!isUuid(personId)) throw notFound('The person');
    const { done, ended } = await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query('SELECT id, email, full_name, is_admin FROM person WHERE id = $1 FOR UPDATE', [personId]);
      if (!person) throw notFound('The person');
      if (person.is_admin) throw conflict('Remove their administrator rights first: an administrator cannot be erased.');
      await this.refuseTwice(manager, ErasureSubject.PERSON, personId);
      const reviews = 'SELECT DISTINCT review_id FROM team_member WHERE person_id = $1';
      // Reports name the review team (the expert leader and peers).
      const published = await this.publishedReports(
        manager,
        `r.review_id IN (SELECT review_id FROM team_member WHERE person_id = $1 AND role IN ('EXPERT_LEADER', 'PEER'))`,
        [personId],
      );
      await withholdName(manager, person.full_name, reviews, [personId]);
      const pseudonym = personPseudonym(personId);
      const email = erasedEmail(personId);
      await manager.query(
        `UPDATE person SET full_name = $2, email = $3, password_hash = NULL, calendar_token_hash = NULL, organisation_id = NULL,
                optional_reminders_off = true, updated_at = now() WHERE id = $1`,
        [personId, pseudonym, email],
      );
      const ended = await this.sessions.endAll(manager, personId, 'erased');
      await manager.query('DELETE FROM auth_token WHERE person_id = $1 OR lower(email) = lower($2)', [personId, person.email]);
      // What was sent to them is about them: its content goes, and nothing more is sent.
      await manager.query(
        `UPDATE outbox_message SET recipient_email = $2, data = '{}'::jsonb, version = version + 1,
                status = CASE WHEN status IN ('SCHEDULED', 'SENDING', 'FAILED') THEN 'CANCELLED'::outbox_status ELSE status END
          WHERE recipient_id = $1 OR lower(recipient_email) = lower($3)`,
        [personId, email, person.email],
      );
      await this.renderAgain(manager, reviews, [personId]);
      return { done: await this.record(manager, viewer, ErasureSubject.PERSON, personId, pseudonym, why, published), ended };
    });
    await this.sessions.forget(ended);
    return this.sendNotices(done);
  }

  async eraseStakeholder(viewer: CurrentUser, stakeholderId: string, reason: string): Promise<PersonalDataErasure> {
    const why = this.check(viewer, reason);
    if (!isUuid(stakeholderId)) throw notFound('The stakeholder');
    const done = await this.dataSource.transaction(async (manager) => {
      const [stakeholder] = await manager.query('SELECT id, consent_to_be_named FROM stakeholder WHERE id = $1 FOR UPDATE', [
        stakeholderId,
      ]);
      if (!stakeholder) throw notFound('The stakeholder');
      await this.refuseTwice(manager, ErasureSubject.STAKEHOLDER, stakeholderId);
      const reviews = `SELECT vs.review_id FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id WHERE ss.stakeholder_id = $1`;
      // A report names a stakeholder only with their consent; without it they were withheld already.
      const published = stakeholder.consent_to_be_named
        ? await this.publishedReports(manager, `r.review_id IN (${reviews})`, [stakeholderId])
        : [];
      await pseudonymiseStakeholder(manager, stakeholderId, new Date());
      await this.renderAgain(manager, reviews, [stakeholderId]);
      return this.record(manager, viewer, ErasureSubject.STAKEHOLDER, stakeholderId, stakeholderPseudonym(stakeholderId), why, published);
    });
    return this.sendNotices(done);
  }

  /** Every erasure, newest first, for the secretariat. */
  async erasures(viewer: CurrentUser): Promise<PersonalDataErasure[]> {
    if (!viewer.isAdmin) throw forbidden('Only the secretariat may see erasures.');
    return this.dataSource.getRepository(PersonalDataErasure).find({ order: { erasedAt: 'DESC' } });
  }

  private check(viewer: CurrentUser, reason: string): string {
    if (!viewer.isAdmin) throw forbidden('Only the secretariat may erase personal data.');
    const why = reason?.trim();
    if (!why)
      throw badInput('Say why the data is erased (for example, the request it answers).', [{ path: 'reason', message: 'required' }]);
    return why;
  }

  private async refuseTwice(manager: EntityManager, kind: ErasureSubject, id: string) {
    const [done] = await manager.query('SELECT erased_at FROM personal_data_erasure WHERE subject_kind = $1 AND subject_id = $2', [
      kind,
      id,
    ]);
    if (done) throw conflict(`This ${kind === ErasureSubject.PERSON ? 'person' : 'stakeholder'} was erased already.`);
  }

  private publishedReports(manager: EntityManager, where: string, params: unknown[]): Promise<ErasedFromReport[]> {
    return manager.query(
      `SELECT r.id AS "reportId", r.review_id AS "reviewId", v.title AS "reviewTitle", r.version, r.language
         FROM report r JOIN review v ON v.id = r.review_id WHERE r.published AND ${where} ORDER BY v.title, r.version`,
      params,
    );
  }

  /**
   * Unpublished versions that are ready are queued again; the report sweeper hands them to a worker
   * (the render reads the names as they are now).
   */
  private async renderAgain(manager: EntityManager, reviews: string, params: unknown[]) {
    await manager.query(
      `UPDATE report SET status = 'QUEUED' WHERE review_id IN (${reviews}) AND NOT published AND status IN ('READY', 'FAILED')`,
      params,
    );
  }

  private async record(
    manager: EntityManager,
    viewer: CurrentUser,
    subjectKind: ErasureSubject,
    subjectId: string,
    pseudonym: string,
    reason: string,
    publishedReports: ErasedFromReport[],
  ): Promise<{ erasure: PersonalDataErasure; notices: string[] }> {
    const notices: string[] = [];
    const erasure = await manager.save(
      manager.create(PersonalDataErasure, { subjectKind, subjectId, pseudonym, reason, erasedById: viewer.personId, publishedReports }),
    );
    const byReview = new Map<string, ErasedFromReport[]>();
    for (const report of publishedReports) byReview.set(report.reviewId, [...(byReview.get(report.reviewId) ?? []), report]);
    for (const [reviewId, versions] of byReview) {
      const leaders: { id: string; email: string }[] = await manager.query(
        `SELECT p.id, p.email FROM team_member t JOIN person p ON p.id = t.person_id
          WHERE t.review_id = $1 AND t.role = 'EXPERT_LEADER' AND t.removed_at IS NULL AND p.id <> $2`,
        [reviewId, subjectId],
      );
      for (const leader of leaders) {
        const dedupeKey = `notice:${ERASED_FROM_REPORT_TEMPLATE}:${erasure.id}:${leader.id}`;
        notices.push(dedupeKey);
        await this.outbox.schedule(manager, {
          dedupeKey,
          template: ERASED_FROM_REPORT_TEMPLATE,
          recipientId: leader.id,
          recipientEmail: leader.email,
          reviewId,
          data: { versions: versions.map((v) => ({ version: v.version, language: v.language })) },
          dueAt: new Date(),
        });
      }
    }
    return { erasure, notices };
  }

  /** After commit: the leaders' notices go out now rather than at the outbox sweeper's next pass. */
  private async sendNotices(done: { erasure: PersonalDataErasure; notices: string[] }): Promise<PersonalDataErasure> {
    if (done.notices.length) await this.outbox.enqueueScheduled({ dedupeKeys: done.notices });
    return done.erasure;
  }
}
