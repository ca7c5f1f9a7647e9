import { Injectable } from '@nestjs/common';
import { SessionService } from '@peervisit/directory';
import { badInput, conflict, CurrentUser, forbidden, isUuid, notFound } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ErasedFromReport, ErasureSubject, PersonalDataErasure } from './personal-data-erasure.entity';
import { PublishedVersions, STAKEHOLDER_REVIEWS } from './published-versions';
import { erasedEmail, personPseudonym, pseudonymiseStakeholder, stakeholderPseudonym, withholdName } from './pseudonyms';

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
    private readonly versions: PublishedVersions,
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
      const published = await this.versions.find(
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
      await this.versions.renderAgain(manager, reviews, [personId]);
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
      const reviews = STAKEHOLDER_REVIEWS;
      // A report names a stakeholder only with their consent; without it they were withheld already.
      const published = stakeholder.consent_to_be_named
        ? await this.versions.find(manager, `r.review_id IN (${reviews})`, [stakeholderId])
        : [];
      await pseudonymiseStakeholder(manager, stakeholderId, new Date());
      await this.versions.renderAgain(manager, reviews, [stakeholderId]);
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

  private async record(
    manager: EntityManager,
    viewer: CurrentUser,
    subjectKind: ErasureSubject,
    subjectId: string,
    pseudonym: string,
    reason: string,
    publishedReports: ErasedFromReport[],
  ): Promise<{ erasure: PersonalDataErasure; notices: string[] }> {
    const erasure = await manager.save(
      manager.create(PersonalDataErasure, { subjectKind, subjectId, pseudonym, reason, erasedById: viewer.personId, publishedReports }),
    );
    return { erasure, notices: await this.versions.tellLeaders(manager, erasure.id, publishedReports, 'erased', subjectId) };
  }

  /** After commit: the leaders' notices go out now rather than at the outbox sweeper's next pass. */
  private async sendNotices(done: { erasure: PersonalDataErasure; notices: string[] }): Promise<PersonalDataErasure> {
    await this.versions.send(done.notices);
    return done.erasure;
  }
}
