import { Args, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentUser, Me, userOf, GraphqlContext } from '@peervisit/platform';
import { IndexDefinition } from '../definition/index-definition.entity';
import { IndexAnswer } from './index-answer.entity';
import { IndexRecommendation, IndexScoreCorrection } from './index-analysis.entity';
import { IndexAssessment } from './index-assessment.entity';
import { IndexAnswerInput, IndexAssignmentInput, StartIndexAssessmentInput } from './index-assessment.inputs';
import { IndexAssessmentService } from './index-assessment.service';
import { ComparisonView, IndexAnswerView, IndexResultsView } from './index-assessment.types';
import { IndexResultsService } from './index-results.service';

const language = { name: 'language', nullable: true, description: 'ISO 639-1 code; English where a translation is missing.' } as const;

@Resolver(() => IndexAssessment)
export class IndexAssessmentResolver {
  constructor(
    private readonly assessments: IndexAssessmentService,
    private readonly reads: IndexResultsService,
  ) {}

  @Query(() => IndexAssessment, { description: 'One Index assessment: its people at any time, the city once published.' })
  iccIndexAssessment(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.assessments.get(user, id);
  }

  @Query(() => [IndexAssessment], { description: 'The Index assessments the caller may read, newest first (at most 200).' })
  iccIndexAssessments(@Me() user: CurrentUser, @Args('cityId', { type: () => ID, nullable: true }) cityId?: string) {
    return this.assessments.list(user, cityId ?? undefined);
  }

  @Query(() => ComparisonView, {
    description: 'A published assessment against the network (at least 5 comparable cities) and the city’s earlier ones.',
  })
  iccIndexComparison(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args(language) lang?: string,
  ) {
    return this.reads.comparison(user, assessmentId, lang ?? undefined);
  }

  @AdminOnly()
  @Mutation(() => IndexAssessment, {
    description: 'Secretariat: starts an Index assessment of a city on a published definition, with a due date.',
  })
  startIccIndexAssessment(@Me() user: CurrentUser, @Args('input') input: StartIndexAssessmentInput) {
    return this.assessments.start(user, input);
  }

  @AdminOnly()
  @Mutation(() => IndexAssessment, { description: 'Secretariat: names the experts who analyse the assessment.' })
  setIccIndexExperts(
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('expertIds', { type: () => [ID] }) expertIds: string[],
  ) {
    return this.assessments.setExperts(assessmentId, expertIds);
  }

  @Mutation(() => [IndexAnswer], {
    description: "Secretariat or the city's coordinator: asks a department and/or contributor to answer questions.",
  })
  assignIccIndexQuestions(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('input') input: IndexAssignmentInput,
  ) {
    return this.assessments.assign(user, assessmentId, input);
  }

  @Mutation(() => IndexAnswer, { description: 'Saves one answer. Pass expectedVersion to be told when someone saved in between.' })
  saveIccIndexAnswer(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('questionCode') questionCode: string,
    @Args('input') input: IndexAnswerInput,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    return this.assessments.saveAnswer(user, assessmentId, questionCode, input, expectedVersion ?? undefined);
  }

  @Mutation(() => IndexAssessment, { description: 'Submits the questionnaire for analysis; refused with what is missing.' })
  submitIccIndexAssessment(@Me() user: CurrentUser, @Args('assessmentId', { type: () => ID }) assessmentId: string) {
    return this.assessments.submit(user, assessmentId);
  }

  @Mutation(() => IndexAssessment, { description: "Experts: comments on one indicator's results." })
  async commentIccIndexIndicator(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('indicatorCode') indicatorCode: string,
    @Args('comment') comment: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    return this.assessments.commentAndReturn(user, assessmentId, indicatorCode, comment, expectedVersion ?? undefined);
  }

  @Mutation(() => IndexScoreCorrection, {
    description: "Experts: corrects an indicator's score, with the reason; the computed score stays visible.",
  })
  correctIccIndexScore(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('indicatorCode') indicatorCode: string,
    @Args('score', { type: () => Float }) score: number,
    @Args('reason') reason: string,
  ) {
    return this.assessments.correctScore(user, assessmentId, indicatorCode, score, reason);
  }

  @Mutation(() => IndexRecommendation, {
    description: 'Experts: a recommendation, for one indicator or (without indicatorCode) the whole Index.',
  })
  addIccIndexRecommendation(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('text') text: string,
    @Args('indicatorCode', { nullable: true }) indicatorCode?: string,
  ) {
    return this.assessments.recommend(user, assessmentId, indicatorCode ?? null, text);
  }

  @AdminOnly()
  @Mutation(() => IndexAssessment, { description: 'Secretariat: publishes the analysed results to the city.' })
  publishIccIndexAssessment(@Args('assessmentId', { type: () => ID }) assessmentId: string) {
    return this.assessments.publish(assessmentId);
  }

  @ResolveField(() => String)
  cityName(assessment: IndexAssessment) {
    return this.reads.cityName(assessment);
  }

  @ResolveField(() => IndexDefinition)
  definition(assessment: IndexAssessment) {
    return this.assessments.definitionOf(assessment);
  }

  @ResolveField(() => [IndexAnswerView], { description: 'Every question in the Index order, with its assignment and answer.' })
  questions(@Me() user: CurrentUser, @Parent() assessment: IndexAssessment, @Args(language) lang?: string) {
    return this.reads.questions(user, assessment, lang ?? undefined);
  }

  @ResolveField(() => [String], {
    description: 'What keeps the questionnaire from being submitted (the same list submission refuses with).',
  })
  missing(assessment: IndexAssessment, _args: unknown, ctx: GraphqlContext) {
    return this.assessments.missing(userOf(ctx), assessment.id);
  }

  @ResolveField(() => IndexResultsView, { nullable: true, description: 'Scores and analysis; null while the reader may not see them yet.' })
  results(@Me() user: CurrentUser, @Parent() assessment: IndexAssessment, @Args(language) lang?: string) {
    return this.reads.results(user, assessment, lang ?? undefined);
  }
}
