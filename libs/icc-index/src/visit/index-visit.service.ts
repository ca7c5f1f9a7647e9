import { Injectable } from '@nestjs/common';
import { Person } from '@peervisit/directory/entities';
import { assertNoProblems, conflict, CurrentUser, GraphqlContext, invalidTransition, notFound, Problem } from '@peervisit/platform';
import { assertAllowed, AuditLog, refusalOf, ReviewAccessService } from '@peervisit/review';
import { Review, ReviewRole } from '@peervisit/review/entities';
import { DataSource, In } from 'typeorm';
import { IndexAssessment, IndexAssessmentStatus } from '../assessment/index-assessment.entity';
import { localize } from '../definition/index-document';
import { IndexDefinition } from '../definition/index-definition.entity';
import { IndexVisitConfirmation, IndexVisitVerdict } from './index-visit-confirmation.entity';
import { VisitIndexView } from './index-visit.types';

type Ctx = Pick<GraphqlContext, 'loaders'>;

export const VISIT_NOTE_MAX = 2000;

/**
 * The expert visit and the Index: a review of a city sees the city's latest published Index, and its
 * team records per indicator whether the visit confirms the result. Who may is the review's
 * permission table (findings.draft); when is its status table (draftConclusions): the same as the
 * team's conclusions.
 */
@Injectable()
export class IndexVisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
  ) {}

  /** The city's latest published Index beside the review, or null when it has none; read like the findings. */
  async forReview(user: CurrentUser, reviewId: string, language?: string, ctx?: Ctx): Promise<VisitIndexView | null> {
    const roles = await this.access.requireFindingsRead(user, reviewId, ctx);
    const review = await this.access.reviewOrFail(reviewId);
    const assessment = await this.latestPublished(review.hostCityId);
    if (!assessment) return null;
    const definition = await this.dataSource.getRepository(IndexDefinition).findOneByOrFail({ id: assessment.definitionId });
    const confirmations = await this.dataSource.getRepository(IndexVisitConfirmation).findBy({ reviewId, assessmentId: assessment.id });
    const people = confirmations.length
      ? await this.dataSource.getRepository(Person).findBy({ id: In([...new Set(confirmations.map((c) => c.recordedById))]) })
      : [];
    const scores = assessment.publishedScores;
    const mayDraft = user.isAdmin || roles.some((r) => r === ReviewRole.EXPERT_LEADER || r === ReviewRole.PEER);
    const refusal = refusalOf(review, 'draftConclusions');
    return {
      assessmentId: assessment.id,
      publishedAt: assessment.publishedAt!,
      definitionCode: definition.code,
      definitionVersion: definition.version,
      overall: scores?.overall ?? null,
      canConfirm: mayDraft && !refusal,
      confirmRefusal: mayDraft ? refusal : null,
      indicators: definition.content.indicators.map((indicator) => {
        const score = scores?.indicators.find((s) => s.code === indicator.code);
        const confirmation = confirmations.find((c) => c.indicatorCode === indicator.code);
        return {
          code: indicator.code,
          number: indicator.number,
          name: localize(indicator.name, language),
          score: score?.final ?? null,
          computedScore: score?.computed ?? null,
          confirmation: confirmation
            ? {
                verdict: confirmation.verdict,
                note: confirmation.note,
                version: confirmation.version,
                recordedById: confirmation.recordedById,
                recordedByName: people.find((p) => p.id === confirmation.recordedById)?.fullName ?? '',
                recordedAt: confirmation.recordedAt,
              }
            : null,
        };
      }),
    };
  }

  /**
   * Records (or changes) whether the visit confirms one indicator's Index result. A verdict other than
   * CONFIRMED says why in the note. With expectedVersion, a change based on an old version is refused.
   */
  async confirm(
    user: CurrentUser,
    reviewId: string,
    input: { indicatorCode: string; verdict: IndexVisitVerdict; note?: string | null; expectedVersion?: number | null },
    language?: string,
  ): Promise<VisitIndexView> {
    await this.access.require(user, reviewId, 'findings.draft');
    await this.dataSource.transaction(async (manager) => {
      // Share-locked so the review's status cannot change under this transaction.
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_read' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'draftConclusions');
      const assessment = await this.latestPublished(review.hostCityId);
      if (!assessment) throw invalidTransition('The city has no published Index yet: there is no result for the visit to confirm.');
      const definition = await manager.findOneByOrFail(IndexDefinition, { id: assessment.definitionId });
      const note = input.note?.trim() ?? '';
      const problems: Problem[] = [];
      if (!definition.content.indicators.some((i) => i.code === input.indicatorCode))
        problems.push({
          path: 'indicatorCode',
          message: `no indicator has the code ${input.indicatorCode} (${definition.content.indicators.map((i) => i.code).join(', ')})`,
        });
      if (!Object.values(IndexVisitVerdict).includes(input.verdict))
        problems.push({ path: 'verdict', message: `must be one of ${Object.values(IndexVisitVerdict).join(', ')}` });
      if (input.verdict !== IndexVisitVerdict.CONFIRMED && !note)
        problems.push({ path: 'note', message: 'say what the visit saw that differs from the Index result' });
      if (note.length > VISIT_NOTE_MAX) problems.push({ path: 'note', message: `must be at most ${VISIT_NOTE_MAX} characters` });
      assertNoProblems(problems, `The visit's confirmation of ${input.indicatorCode} was not recorded`);

      await manager
        .createQueryBuilder()
        .insert()
        .into(IndexVisitConfirmation)
        .values({
          reviewId,
          assessmentId: assessment.id,
          indicatorCode: input.indicatorCode,
          verdict: input.verdict,
          note,
          recordedById: user.personId,
          version: 0,
        })
        .orIgnore()
        .execute();
      const row = await manager.findOneOrFail(IndexVisitConfirmation, {
        where: { reviewId, assessmentId: assessment.id, indicatorCode: input.indicatorCode },
        lock: { mode: 'pessimistic_write' },
      });
      // A row just inserted has version 0; its first recorded state is version 1.
      const current = Math.max(row.version, 1);
      if (input.expectedVersion != null && row.version !== 0 && input.expectedVersion !== current)
        throw conflict(
          `Someone recorded the visit's word on ${input.indicatorCode} after you opened it (your version ${input.expectedVersion}, now ${current}). Reload it, then record it again.`,
        );
      const before = row.version ? { verdict: row.verdict, note: row.note } : null;
      Object.assign(row, { verdict: input.verdict, note, recordedById: user.personId, version: row.version + 1 });
      const saved = await manager.save(row);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'iccIndex.confirmResult',
        entityType: 'IndexVisitConfirmation',
        entityId: saved.id,
        before,
        after: { assessmentId: assessment.id, indicatorCode: saved.indicatorCode, verdict: saved.verdict, note: saved.note },
      });
    });
    return (await this.forReview(user, reviewId, language))!;
  }

  private latestPublished(cityId: string): Promise<IndexAssessment | null> {
    return this.dataSource.getRepository(IndexAssessment).findOne({
      where: { cityId, status: IndexAssessmentStatus.PUBLISHED },
      order: { publishedAt: 'DESC', id: 'ASC' },
    });
  }
}
