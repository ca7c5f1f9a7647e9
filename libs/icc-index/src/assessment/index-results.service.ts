import { Injectable } from '@nestjs/common';
import { CurrentUser, forbidden, invalidTransition } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { localize } from '../definition/index-document';
import { IndexDefinition } from '../definition/index-definition.entity';
import { indicatorViews } from '../definition/index-definition.types';
import { IndexScores } from '../scoring/index-scoring';
import { IndexAssessment, IndexAssessmentStatus } from './index-assessment.entity';
import { IndexAssessmentService } from './index-assessment.service';
import { ComparisonGroupView, ComparisonView, DistributionView, IndexAnswerView, IndexResultsView } from './index-assessment.types';

/** The network distribution is shown only when at least this many cities are comparable (issue 23). */
export const MINIMUM_COMPARABLE_CITIES = 5;

/** Cities whose share of foreign-born residents is within this many percentage points count as similar. */
export const FOREIGN_BORN_BAND = 5;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** What the API reads of an assessment, each with its access check: questions and answers, results, comparison. */
@Injectable()
export class IndexResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: IndexAssessmentService,
  ) {}

  cityName(assessment: IndexAssessment): Promise<string> {
    return this.dataSource
      .query('SELECT name FROM city WHERE id = $1', [assessment.cityId])
      .then((rows: { name: string }[]) => rows[0]?.name ?? '');
  }

  /** Every question in the Index's order, with its assignment and answer. */
  async questions(user: CurrentUser, assessment: IndexAssessment, language?: string): Promise<IndexAnswerView[]> {
    await this.assessments.find(user, assessment.id);
    const definition = await this.assessments.definitionOf(assessment);
    const answers = new Map((await this.assessments.answersOf(assessment.id)).map((a) => [a.questionCode, a]));
    return indicatorViews(definition.content, language).flatMap((indicator) =>
      indicator.questions.map((question) => {
        const answer = answers.get(question.code);
        const value = answer?.value ?? null;
        return {
          id: answer?.id ?? null,
          questionCode: question.code,
          indicatorCode: indicator.code,
          question,
          department: answer?.department ?? null,
          assigneeId: answer?.assigneeId ?? null,
          option: value?.option ?? null,
          options: value?.options ?? null,
          number: value?.number ?? null,
          text: value?.text ?? null,
          reference: answer?.reference ?? '',
          version: answer?.version ?? 1,
          answered: value !== null,
        };
      }),
    );
  }

  /** The scores with the experts' comments, corrections and recommendations; null while the reader may not see them yet. */
  async results(user: CurrentUser, assessment: IndexAssessment, language?: string): Promise<IndexResultsView | null> {
    const { roles } = await this.assessments.find(user, assessment.id);
    if (!this.assessments.mayReadResults(roles, assessment)) return null;
    const definition = await this.assessments.definitionOf(assessment);
    const scores = await this.assessments.computeScores(assessment);
    const corrections = await this.assessments.correctionsOf(assessment.id);
    const comments = new Map((await this.assessments.commentsOf(assessment.id)).map((c) => [c.indicatorCode, c]));
    const byCode = new Map(scores.indicators.map((s) => [s.code, s]));
    return {
      indicators: definition.content.indicators.map((indicator) => {
        const score = byCode.get(indicator.code)!;
        const comment = comments.get(indicator.code);
        return {
          code: indicator.code,
          number: indicator.number,
          name: localize(indicator.name, language),
          weight: indicator.weight,
          points: score.points,
          maxPoints: score.maxPoints,
          computedScore: score.computed,
          correctedScore: score.corrected,
          score: score.final,
          comment: comment?.comment || null,
          commentVersion: comment?.version ?? 1,
          corrections: corrections.filter((c) => c.indicatorCode === indicator.code),
        };
      }),
      composites: definition.content.composites.map((c) => ({
        code: c.code,
        name: localize(c.name, language),
        score: scores.composites.find((s) => s.code === c.code)?.score ?? null,
      })),
      overall: scores.overall,
      overallComputed: scores.overallComputed,
      recommendations: await this.assessments.recommendationsOf(assessment.id),
    };
  }

  /**
   * The city against the network, per indicator: the latest published assessment of every city on the
   * same definition version. Shown only when at least MINIMUM_COMPARABLE_CITIES cities are comparable.
   */
  async comparison(user: CurrentUser, assessmentId: string, language?: string): Promise<ComparisonView> {
    const { assessment, roles } = await this.assessments.find(user, assessmentId);
    if (!this.assessments.mayReadResults(roles, assessment))
      throw forbidden('The comparison is shown once the Index results are published.');
    if (assessment.status !== IndexAssessmentStatus.PUBLISHED)
      throw invalidTransition('The comparison is made from published results; publish this assessment first.');
    const definition = await this.dataSource.getRepository(IndexDefinition).findOneByOrFail({ id: assessment.definitionId });
    const latest: { city_id: string; population: number | null; foreign_born_share: number | null; published_scores: IndexScores }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (a.city_id) a.city_id, c.population, c.foreign_born_share, a.published_scores FROM icc_index_assessment a JOIN city c ON c.id = a.city_id
        WHERE a.definition_id = $1 AND a.status = 'PUBLISHED' ORDER BY a.city_id, a.published_at DESC, a.id`,
        [assessment.definitionId],
      );
    const history: { id: string; published_at: Date; code: string; version: number; published_scores: IndexScores }[] =
      await this.dataSource.query(
        `SELECT a.id, a.published_at, d.code, d.version, a.published_scores FROM icc_index_assessment a JOIN icc_index_definition d ON d.id = a.definition_id
        WHERE a.city_id = $1 AND a.status = 'PUBLISHED' ORDER BY a.published_at, a.id`,
        [assessment.cityId],
      );
    const own = assessment.publishedScores!;
    const version = `${definition.code} version ${definition.version}`;
    const group = (rows: typeof latest, what: string): ComparisonGroupView => {
      const available = rows.length >= MINIMUM_COMPARABLE_CITIES;
      const distribution = (code: string, name: string, scoreOf: (s: IndexScores) => number | null): DistributionView => {
        const scores = rows
          .map((row) => scoreOf(row.published_scores))
          .filter((s): s is number => s !== null)
          .sort((a, b) => a - b);
        const mid = Math.floor(scores.length / 2);
        return {
          code,
          name,
          cityScore: scoreOf(own),
          cities: scores.length,
          min: scores.length ? scores[0] : null,
          max: scores.length ? scores[scores.length - 1] : null,
          mean: scores.length ? round1(scores.reduce((t, s) => t + s, 0) / scores.length) : null,
          median: scores.length ? (scores.length % 2 ? scores[mid] : round1((scores[mid - 1] + scores[mid]) / 2)) : null,
          scores,
        };
      };
      return {
        available,
        comparableCities: rows.length,
        message: available
          ? `Compared with ${rows.length} ${what} that published an Index on ${version}.`
          : `The comparison with ${what} is shown when at least ${MINIMUM_COMPARABLE_CITIES} have published an Index on ${version}; ${rows.length} ${rows.length === 1 ? 'has' : 'have'} so far.`,
        indicators: available
          ? definition.content.indicators.map((i) =>
              distribution(i.code, localize(i.name, language), (s) => s.indicators.find((x) => x.code === i.code)?.final ?? null),
            )
          : [],
        overall: available ? distribution('OVERALL', 'Overall Index', (s) => s.overall) : null,
      };
    };
    const network = group(latest, 'cities of the network');
    // Similar size: a population from half to twice the city's (the directory's figure); none known, no group.
    const population = latest.find((row) => row.city_id === assessment.cityId)?.population ?? null;
    const similar = population
      ? latest.filter((row) => row.population !== null && row.population >= population / 2 && row.population <= population * 2)
      : [];
    const similarSize = population
      ? group(similar, 'cities of similar size')
      : {
          ...group([], 'cities of similar size'),
          message: 'The directory has no population for this city, so there is no group of cities of similar size.',
        };
    // Similar share of foreign-born residents: within FOREIGN_BORN_BAND percentage points of the city's.
    const share = latest.find((row) => row.city_id === assessment.cityId)?.foreign_born_share ?? null;
    const similarForeignBorn =
      share !== null
        ? group(
            latest.filter((row) => row.foreign_born_share !== null && Math.abs(row.foreign_born_share - share) <= FOREIGN_BORN_BAND),
            'cities with a similar share of foreign-born residents',
          )
        : {
            ...group([], 'cities with a similar share of foreign-born residents'),
            message:
              'The directory has no share of foreign-born residents for this city, so there is no group of cities with a similar share.',
          };
    return {
      ...network,
      minimumCities: MINIMUM_COMPARABLE_CITIES,
      similarSize,
      similarForeignBorn,
      history: history.map((h) => ({
        assessmentId: h.id,
        publishedAt: h.published_at,
        definitionCode: h.code,
        definitionVersion: h.version,
        overall: h.published_scores?.overall ?? null,
      })),
    };
  }
}
