import { Injectable } from '@nestjs/common';
import { City, Person } from '@peervisit/directory/entities';
import { assertNoProblems, badInput, conflict, CurrentUser, forbidden, invalidTransition, notFound, Problem } from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { IndexDefinition, IndexDefinitionStatus } from '../definition/index-definition.entity';
import { IndexDefinitionService } from '../definition/index-definition.service';
import { AnswerValue, IndexScores, scoreIndex } from '../scoring/index-scoring';
import { IndexIndicatorComment, IndexRecommendation, IndexScoreCorrection } from './index-analysis.entity';
import { IndexAnswer } from './index-answer.entity';
import { IndexAssessment, IndexAssessmentStatus } from './index-assessment.entity';
import { completeness, questionsOf, valueProblems } from './index-assessment.rules';
import { IndexChanges } from './index-changes';
import { IndexAnswerInput, IndexAssignmentInput, StartIndexAssessmentInput } from './index-assessment.inputs';

/** What a person is in one assessment; admin passes every check. */
export interface IndexRoles {
  admin: boolean;
  coordinator: boolean;
  expert: boolean;
  /** Asked to answer at least one question. */
  contributor: boolean;
  /** Works for the assessed city (their organisation's city). */
  city: boolean;
}

/**
 * An Index assessment of a city: started by the secretariat, answered by the city's departments,
 * submitted complete, analysed by the experts, published. Every method checks who may do it here
 * (the resolvers check nothing), as the review's services do.
 */
@Injectable()
export class IndexAssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: IndexDefinitionService,
    private readonly changes: IndexChanges,
  ) {}

  // ── Access ──────────────────────────────────────────────────────────────────────────────────

  async rolesOf(user: CurrentUser, assessment: IndexAssessment, manager: EntityManager = this.dataSource.manager): Promise<IndexRoles> {
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM icc_index_answer WHERE assessment_id = $1 AND assignee_id = $2) AS contributor,
              EXISTS (SELECT 1 FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = $2 AND o.city_id = $3) AS city`,
      [assessment.id, user.personId, assessment.cityId],
    )) as { contributor: boolean; city: boolean }[];
    return {
      admin: user.isAdmin,
      coordinator: assessment.coordinatorId === user.personId,
      expert: assessment.expertIds.includes(user.personId),
      contributor: row.contributor,
      city: row.city,
    };
  }

  /** Who reads the assessment: its people at any time; the city's staff once it is published. */
  private mayRead(roles: IndexRoles, assessment: IndexAssessment): boolean {
    return (
      roles.admin ||
      roles.coordinator ||
      roles.expert ||
      roles.contributor ||
      (roles.city && assessment.status === IndexAssessmentStatus.PUBLISHED)
    );
  }

  /** Who reads scores, comments and recommendations: the secretariat and experts at once, the city once published. */
  mayReadResults(roles: IndexRoles, assessment: IndexAssessment): boolean {
    if (roles.admin || roles.expert) return true;
    return assessment.status === IndexAssessmentStatus.PUBLISHED && (roles.city || roles.coordinator || roles.contributor);
  }

  async find(
    user: CurrentUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock: false | 'write' | 'share' = false,
  ): Promise<{ assessment: IndexAssessment; roles: IndexRoles }> {
    const assessment = await manager.findOne(IndexAssessment, {
      where: { id },
      ...(lock ? { lock: { mode: lock === 'write' ? ('pessimistic_write' as const) : ('pessimistic_read' as const) } } : {}),
    });
    if (!assessment) throw notFound(`Index assessment ${id}`);
    const roles = await this.rolesOf(user, assessment, manager);
    if (!this.mayRead(roles, assessment))
      throw forbidden(
        assessment.status === IndexAssessmentStatus.PUBLISHED
          ? 'This Index assessment is not yours to read: it is read by its city, its experts and the secretariat.'
          : 'You are not part of this Index assessment; its results are shared with the city once published.',
      );
    return { assessment, roles };
  }

  async get(user: CurrentUser, id: string): Promise<IndexAssessment> {
    return (await this.find(user, id)).assessment;
  }

  /** The assessments the caller may read, newest first (admin: all; filtered by city when asked). */
  async list(user: CurrentUser, cityId?: string): Promise<IndexAssessment[]> {
    const query = this.dataSource.getRepository(IndexAssessment).createQueryBuilder('a').orderBy('a.created_at', 'DESC').addOrderBy('a.id');
    if (cityId) query.andWhere('a.city_id = :cityId', { cityId });
    if (!user.isAdmin) {
      query.andWhere(
        `(a.coordinator_person_id = :me OR :me = ANY(a.expert_person_ids)
          OR EXISTS (SELECT 1 FROM icc_index_answer x WHERE x.assessment_id = a.id AND x.assignee_id = :me)
          OR (a.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = :me AND o.city_id = a.city_id)))`,
        { me: user.personId },
      );
    }
    return query.limit(200).getMany();
  }

  async definitionOf(assessment: IndexAssessment): Promise<IndexDefinition> {
    return this.definitions.findById(assessment.definitionId);
  }

  // ── Start and assign ────────────────────────────────────────────────────────────────────────

  /** The secretariat starts an assessment (the resolver is @AdminOnly) on a published definition. */
  async start(user: CurrentUser, input: StartIndexAssessmentInput): Promise<IndexAssessment> {
    const problems: Problem[] = [];
    if (!isDate(input.dueDate)) problems.push({ path: 'dueDate', message: `"${input.dueDate}" is not a date; write it as YYYY-MM-DD` });
    if (input.analysisDueDate != null) {
      if (!isDate(input.analysisDueDate))
        problems.push({ path: 'analysisDueDate', message: `"${input.analysisDueDate}" is not a date; write it as YYYY-MM-DD` });
      else if (isDate(input.dueDate) && input.analysisDueDate <= input.dueDate)
        problems.push({ path: 'analysisDueDate', message: `must be after the questionnaire's due date (${input.dueDate})` });
    }
    const city = await this.dataSource.getRepository(City).findOneBy({ id: input.cityId });
    if (!city) problems.push({ path: 'cityId', message: 'no city has this id' });
    const people = [...new Set([...(input.coordinatorId ? [input.coordinatorId] : []), ...(input.expertIds ?? [])])];
    const found = new Set((people.length ? await this.dataSource.getRepository(Person).findBy({ id: In(people) }) : []).map((p) => p.id));
    if (input.coordinatorId && !found.has(input.coordinatorId)) problems.push({ path: 'coordinatorId', message: 'no person has this id' });
    (input.expertIds ?? []).forEach((id, i) => {
      if (!found.has(id)) problems.push({ path: `expertIds[${i}]`, message: 'no person has this id' });
    });
    let definition: IndexDefinition | undefined;
    try {
      definition = await this.definitions.find(input.definitionCode ?? 'ICC-INDEX', input.definitionVersion ?? undefined);
    } catch {
      problems.push({
        path: 'definitionCode',
        message: `no Index ${input.definitionCode ?? 'ICC-INDEX'} ${input.definitionVersion ? `version ${input.definitionVersion}` : 'is published'}`,
      });
    }
    if (definition && definition.status !== IndexDefinitionStatus.PUBLISHED)
      problems.push({
        path: 'definitionVersion',
        message: `version ${definition.version} of ${definition.code} is a draft; publish it first`,
      });
    assertNoProblems(problems, 'The Index assessment was not started');
    return this.dataSource.transaction(async (manager) => {
      // One open assessment per city: two questionnaires at once would split the departments' answers.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`icc-index-city:${input.cityId}`]);
      const open = await manager.findOne(IndexAssessment, {
        where: { cityId: input.cityId, status: In([IndexAssessmentStatus.IN_PROGRESS, IndexAssessmentStatus.ANALYSIS]) },
      });
      if (open)
        throw conflict(
          `${city!.name} already has an Index assessment under way (${open.status === IndexAssessmentStatus.ANALYSIS ? 'in analysis' : 'being answered'}); publish it before starting another.`,
        );
      const saved = await manager.save(
        manager.create(IndexAssessment, {
          cityId: input.cityId,
          definitionId: definition!.id,
          dueDate: input.dueDate,
          analysisDueDate: input.analysisDueDate ?? null,
          coordinatorId: input.coordinatorId ?? null,
          expertIds: [...new Set(input.expertIds ?? [])],
          startedById: user.personId,
        }),
      );
      await this.changes.changed(manager, saved.id);
      return saved;
    });
  }

  /** The secretariat names the experts who analyse (the resolver is @AdminOnly). */
  async setExperts(id: string, expertIds: string[]): Promise<IndexAssessment> {
    const assessment = await this.dataSource.getRepository(IndexAssessment).findOneBy({ id });
    if (!assessment) throw notFound(`Index assessment ${id}`);
    const found = new Set(
      (expertIds.length ? await this.dataSource.getRepository(Person).findBy({ id: In(expertIds) }) : []).map((p) => p.id),
    );
    assertNoProblems(
      expertIds.flatMap((pid, i) => (found.has(pid) ? [] : [{ path: `expertIds[${i}]`, message: 'no person has this id' }])),
      'The experts were not set',
    );
    if (assessment.status === IndexAssessmentStatus.PUBLISHED)
      throw invalidTransition('The Index assessment is published; its experts no longer change.');
    assessment.expertIds = [...new Set(expertIds)];
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(assessment);
      await this.changes.changed(manager, id);
      return saved;
    });
  }

  /** The secretariat or the city's coordinator asks a department (and a contributor) to answer questions. */
  async assign(user: CurrentUser, id: string, input: IndexAssignmentInput): Promise<IndexAnswer[]> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment, roles } = await this.find(user, id, manager, 'write');
      if (!roles.admin && !roles.coordinator) throw forbidden("Only the secretariat and the city's Index coordinator assign questions.");
      this.assertStatus(assessment, IndexAssessmentStatus.IN_PROGRESS, 'assigned');
      const definition = await this.definitionOf(assessment);
      const questions = questionsOf(definition.content);
      const problems: Problem[] = [];
      const codes = new Set<string>();
      (input.questionCodes ?? []).forEach((code, i) => {
        if (questions.has(code)) codes.add(code);
        else problems.push({ path: `questionCodes[${i}]`, message: `no question has the code ${code}` });
      });
      (input.indicatorCodes ?? []).forEach((code, i) => {
        const indicator = definition.content.indicators.find((x) => x.code === code);
        if (indicator) indicator.questions.forEach((q) => codes.add(q.code));
        else problems.push({ path: `indicatorCodes[${i}]`, message: `no indicator has the code ${code}` });
      });
      if (!codes.size && !problems.length) problems.push({ path: 'questionCodes', message: 'name at least one question or indicator' });
      let assigneeId = input.assigneeId ?? null;
      if (input.assigneeId && input.assigneeEmail?.trim())
        problems.push({ path: 'assigneeEmail', message: 'name the contributor by id or by email, not both' });
      else if (input.assigneeId && !(await manager.findOneBy(Person, { id: input.assigneeId })))
        problems.push({ path: 'assigneeId', message: 'no person has this id' });
      else if (input.assigneeEmail?.trim()) {
        const email = input.assigneeEmail.trim().toLowerCase();
        assigneeId = (await manager.findOneBy(Person, { email }))?.id ?? null;
        if (!assigneeId)
          problems.push({ path: 'assigneeEmail', message: `nobody in the directory has the email ${email}; the secretariat can add them` });
      }
      const department = input.department?.trim() || null;
      if (!department && !input.assigneeId && !input.assigneeEmail?.trim())
        problems.push({ path: 'department', message: 'give a department, a contributor or both' });
      assertNoProblems(problems, 'The questions were not assigned');
      await manager
        .createQueryBuilder()
        .insert()
        .into(IndexAnswer)
        .values([...codes].map((questionCode) => ({ assessmentId: id, questionCode, department, assigneeId })))
        .orUpdate(['department', 'assignee_id'], ['assessment_id', 'question_code'])
        .execute();
      await this.changes.changed(manager, id);
      return manager.find(IndexAnswer, { where: { assessmentId: id, questionCode: In([...codes]) }, order: { questionCode: 'ASC' } });
    });
  }

  // ── Answers ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Saves one answer: only the fields given change. With expectedVersion, a save based on an old
   * version is refused (CONFLICT) instead of overwriting what someone else saved.
   */
  async saveAnswer(
    user: CurrentUser,
    id: string,
    questionCode: string,
    input: IndexAnswerInput,
    expectedVersion?: number,
  ): Promise<IndexAnswer> {
    return this.dataSource.transaction(async (manager) => {
      // A share lock: answers may be saved side by side, but not while the questionnaire is being submitted.
      const { assessment, roles } = await this.find(user, id, manager, 'share');
      const definition = await this.definitionOf(assessment);
      const question = questionsOf(definition.content).get(questionCode);
      if (!question)
        throw badInput(`The answer was not saved: no question has the code ${questionCode}.`, [
          { path: 'questionCode', message: `no question has the code ${questionCode}` },
        ]);
      this.assertStatus(assessment, IndexAssessmentStatus.IN_PROGRESS, 'answered');
      assertNoProblems(valueProblems(question, input), `The answer to question ${questionCode} was not saved`);

      await manager.createQueryBuilder().insert().into(IndexAnswer).values({ assessmentId: id, questionCode }).orIgnore().execute();
      const answer = await manager.findOneOrFail(IndexAnswer, {
        where: { assessmentId: id, questionCode },
        lock: { mode: 'pessimistic_write' },
      });
      if (!roles.admin && !roles.coordinator && answer.assigneeId !== user.personId)
        throw forbidden(`Question ${questionCode} is assigned to someone else; the city's Index coordinator can assign it to you.`);
      if (expectedVersion !== undefined && expectedVersion !== null && answer.version !== expectedVersion)
        throw conflict(
          `Someone saved the answer to question ${questionCode} after you opened it (your version ${expectedVersion}, now ${answer.version}). Reload it, then save again.`,
        );
      if (input.clear) answer.value = null;
      else {
        const value = valueOf(question.type, input);
        if (value) answer.value = value;
      }
      if (input.reference !== undefined && input.reference !== null) answer.reference = input.reference.trim();
      answer.version += 1;
      answer.updatedById = user.personId;
      const saved = await manager.save(answer);
      await this.changes.changed(manager, id);
      return saved;
    });
  }

  /** Every answer row of the assessment (assigned or answered); contributors read them all, to see the whole. */
  answersOf(assessmentId: string): Promise<IndexAnswer[]> {
    return this.dataSource.getRepository(IndexAnswer).find({ where: { assessmentId }, order: { questionCode: 'ASC' } });
  }

  /** What is still missing before submission, as phrases (the same list submit refuses with). */
  async missing(user: CurrentUser, id: string): Promise<string[]> {
    const { assessment } = await this.find(user, id);
    return completeness((await this.definitionOf(assessment)).content, await this.answersOf(id));
  }

  /** The coordinator (or the secretariat) submits the complete questionnaire for analysis. */
  async submit(user: CurrentUser, id: string): Promise<IndexAssessment> {
    return this.dataSource.transaction(async (manager) => {
      const { assessment, roles } = await this.find(user, id, manager, 'write');
      if (!roles.admin && !roles.coordinator)
        throw forbidden("Only the city's Index coordinator or the secretariat submits the questionnaire.");
      this.assertStatus(assessment, IndexAssessmentStatus.IN_PROGRESS, 'submitted');
      const definition = await this.definitionOf(assessment);
      const missing = completeness(definition.content, await manager.find(IndexAnswer, { where: { assessmentId: id } }));
      if (missing.length) throw invalidTransition(`The questionnaire cannot be submitted yet. Missing: ${missing.join('; ')}.`, missing);
      assessment.status = IndexAssessmentStatus.ANALYSIS;
      assessment.submittedAt = new Date();
      const saved = await manager.save(assessment);
      await this.changes.changed(manager, id);
      return saved;
    });
  }

  // ── Analysis ────────────────────────────────────────────────────────────────────────────────

  private async forAnalysis(manager: EntityManager, user: CurrentUser, id: string, indicatorCode: string | null) {
    const { assessment, roles } = await this.find(user, id, manager, 'write');
    if (!roles.admin && !roles.expert) throw forbidden("Only the assessment's experts and the secretariat analyse the Index results.");
    this.assertStatus(assessment, IndexAssessmentStatus.ANALYSIS, 'analysed');
    const definition = await this.definitionOf(assessment);
    if (indicatorCode !== null && !definition.content.indicators.some((i) => i.code === indicatorCode))
      throw badInput(`No indicator has the code ${indicatorCode}.`, [
        { path: 'indicatorCode', message: `no indicator has the code ${indicatorCode}` },
      ]);
    return { assessment, definition };
  }

  async comment(
    user: CurrentUser,
    id: string,
    indicatorCode: string,
    comment: string,
    expectedVersion?: number,
  ): Promise<IndexIndicatorComment> {
    return this.dataSource.transaction(async (manager) => {
      await this.forAnalysis(manager, user, id, indicatorCode);
      await manager
        .createQueryBuilder()
        .insert()
        .into(IndexIndicatorComment)
        .values({ assessmentId: id, indicatorCode, comment: '' })
        .orIgnore()
        .execute();
      const row = await manager.findOneOrFail(IndexIndicatorComment, {
        where: { assessmentId: id, indicatorCode },
        lock: { mode: 'pessimistic_write' },
      });
      if (expectedVersion !== undefined && expectedVersion !== null && row.version !== expectedVersion)
        throw conflict(
          `Someone saved the comment on ${indicatorCode} after you opened it (your version ${expectedVersion}, now ${row.version}). Reload it, then save again.`,
        );
      row.comment = comment.trim();
      row.version += 1;
      row.updatedById = user.personId;
      return manager.save(row);
    });
  }

  /** comment, answering the assessment it belongs to (what the API shows next). */
  async commentAndReturn(
    user: CurrentUser,
    id: string,
    indicatorCode: string,
    comment: string,
    expectedVersion?: number,
  ): Promise<IndexAssessment> {
    await this.comment(user, id, indicatorCode, comment, expectedVersion);
    return this.get(user, id);
  }

  /** An expert corrects an indicator's score; the reason is required, the computed score stays beside it. */
  async correctScore(user: CurrentUser, id: string, indicatorCode: string, score: number, reason: string): Promise<IndexScoreCorrection> {
    const problems: Problem[] = [];
    if (!Number.isFinite(score) || score < 0 || score > 100) problems.push({ path: 'score', message: 'a score is between 0 and 100' });
    if (reason.trim().length < 10) problems.push({ path: 'reason', message: 'say why the score is corrected (at least 10 characters)' });
    return this.dataSource.transaction(async (manager) => {
      const { assessment, definition } = await this.forAnalysis(manager, user, id, indicatorCode);
      assertNoProblems(problems, `The score of ${indicatorCode} was not corrected`);
      const computed = scoreIndex(
        definition.content,
        valuesOf(await manager.find(IndexAnswer, { where: { assessmentId: assessment.id } })),
      );
      return manager.save(
        manager.create(IndexScoreCorrection, {
          assessmentId: id,
          indicatorCode,
          score: Math.round(score * 10) / 10,
          computedScore: computed.indicators.find((i) => i.code === indicatorCode)?.computed ?? null,
          reason: reason.trim(),
          correctedById: user.personId,
        }),
      );
    });
  }

  async recommend(user: CurrentUser, id: string, indicatorCode: string | null, text: string): Promise<IndexRecommendation> {
    return this.dataSource.transaction(async (manager) => {
      await this.forAnalysis(manager, user, id, indicatorCode);
      if (!text.trim())
        throw badInput('The recommendation was not saved: write its text.', [{ path: 'text', message: 'must not be empty' }]);
      return manager.save(
        manager.create(IndexRecommendation, { assessmentId: id, indicatorCode, text: text.trim(), createdById: user.personId }),
      );
    });
  }

  /** The secretariat publishes the analysed results (the resolver is @AdminOnly); the scores are kept as published. */
  async publish(id: string): Promise<IndexAssessment> {
    return this.dataSource.transaction(async (manager) => {
      const assessment = await manager.findOne(IndexAssessment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!assessment) throw notFound(`Index assessment ${id}`);
      this.assertStatus(assessment, IndexAssessmentStatus.ANALYSIS, 'published');
      assessment.publishedScores = await this.computeScores(assessment, manager);
      assessment.status = IndexAssessmentStatus.PUBLISHED;
      assessment.publishedAt = new Date();
      const saved = await manager.save(assessment);
      await this.changes.changed(manager, id);
      return saved;
    });
  }

  // ── Scores ──────────────────────────────────────────────────────────────────────────────────

  /** Recomputes the scores from the stored answers, corrections and definition version. */
  async computeScores(assessment: IndexAssessment, manager: EntityManager = this.dataSource.manager): Promise<IndexScores> {
    const definition = await manager.findOneByOrFail(IndexDefinition, { id: assessment.definitionId });
    const answers = await manager.find(IndexAnswer, { where: { assessmentId: assessment.id } });
    return scoreIndex(definition.content, valuesOf(answers), latestCorrections(await this.correctionsOf(assessment.id, manager)));
  }

  correctionsOf(assessmentId: string, manager: EntityManager = this.dataSource.manager): Promise<IndexScoreCorrection[]> {
    return manager.find(IndexScoreCorrection, { where: { assessmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  commentsOf(assessmentId: string): Promise<IndexIndicatorComment[]> {
    return this.dataSource.getRepository(IndexIndicatorComment).findBy({ assessmentId });
  }

  recommendationsOf(assessmentId: string): Promise<IndexRecommendation[]> {
    return this.dataSource.getRepository(IndexRecommendation).find({ where: { assessmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private assertStatus(assessment: IndexAssessment, status: IndexAssessmentStatus, what: string) {
    if (assessment.status === status) return;
    throw invalidTransition(`The Index assessment ${STATUS_NOW[assessment.status]}: it cannot be ${what} now.`);
  }
}

const STATUS_NOW: Record<IndexAssessmentStatus, string> = {
  IN_PROGRESS: 'is still being answered by the city',
  ANALYSIS: 'has been submitted and is in analysis',
  PUBLISHED: 'is published',
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** An answer's value as stored, from the fields the input gives for the question's type. */
function valueOf(type: string, input: IndexAnswerInput): AnswerValue | null {
  switch (type) {
    case 'YES_NO':
    case 'SINGLE_CHOICE':
      return input.option != null ? { option: input.option } : null;
    case 'MULTIPLE_CHOICE':
      return input.options != null ? { options: [...new Set(input.options)] } : null;
    case 'NUMBER':
    case 'PERCENTAGE':
      return input.number != null ? { number: input.number } : null;
    default:
      return input.text != null ? { text: input.text.trim() } : null;
  }
}

export function valuesOf(answers: IndexAnswer[]): Map<string, AnswerValue | null> {
  return new Map(answers.map((a) => [a.questionCode, a.value]));
}

/** The latest correction per indicator: the one that counts. */
export function latestCorrections(corrections: IndexScoreCorrection[]): Map<string, number> {
  return new Map(corrections.map((c) => [c.indicatorCode, c.score]));
}
