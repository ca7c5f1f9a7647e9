import { Injectable } from '@nestjs/common';
import { GoodPracticeService, titleFrom } from '@peervisit/catalogue';
import { Benchmark, FieldOfAction, GoodPractice, KeyFactor } from '@peervisit/catalogue/entities';
import { City } from '@peervisit/directory/entities';
import { AppError, badInput, CurrentUser, ErrorCode, GraphqlContext, invalidTransition, isUuid, notFound } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { WITHHELD_NAME } from '../anonymisation/name-anonymiser';
import { Evidence } from '../evidence/evidence.entity';
import { Recommendation } from '../recommendation/recommendation.entity';
import { Review } from '../review/review.entity';
import { TYPICAL_FIELDS_OF_ACTION } from './key-factor-fields';

export const MAX_SUGGESTIONS = 20;

export interface GoodPracticeSuggestionResult {
  goodPractice: GoodPractice;
  score: number;
  why: string[];
}

/**
 * The review side of the good-practice catalogue: the team turns a piece of evidence or a
 * recommendation into a draft good practice (linked back to it), and recommendations get suggested
 * published practices. The catalogue knows nothing of reviews; the links are plain ids there.
 */
@Injectable()
export class GoodPracticeLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly practices: GoodPracticeService,
    private readonly anonymisation: AnonymisationService,
  ) {}

  /** A DRAFT from a piece of evidence (expert leader, peers): host city and country, title and purpose from the statement. */
  async promoteEvidence(user: CurrentUser, evidenceId: string, mainFieldOfAction: string): Promise<GoodPractice> {
    const evidence = isUuid(evidenceId) ? await this.dataSource.getRepository(Evidence).findOneBy({ id: evidenceId.toLowerCase() }) : null;
    if (!evidence) throw notFound(`Evidence ${evidenceId}`);
    await this.access.require(user, evidence.reviewId, 'goodPractice.promote');
    if (evidence.retractedAt) throw invalidTransition('This evidence was retracted; it cannot become a good practice.');
    await this.refuseSecondPromotion('sourceEvidenceId', evidence.id, 'this evidence');
    return this.draft(user, evidence.reviewId, evidence.statement, mainFieldOfAction, {
      reviewId: evidence.reviewId,
      evidenceId: evidence.id,
    });
  }

  /** A DRAFT from a recommendation (expert leader, peers): host city and country, title and purpose from its text. */
  async promoteRecommendation(user: CurrentUser, recommendationId: string, mainFieldOfAction: string): Promise<GoodPractice> {
    const recommendation = await this.recommendationOrFail(recommendationId);
    await this.access.require(user, recommendation.reviewId, 'goodPractice.promote');
    if (recommendation.withdrawnAt) throw invalidTransition('This recommendation was withdrawn; it cannot become a good practice.');
    await this.refuseSecondPromotion('sourceRecommendationId', recommendation.id, 'this recommendation');
    return this.draft(user, recommendation.reviewId, recommendation.text, mainFieldOfAction, {
      reviewId: recommendation.reviewId,
      recommendationId: recommendation.id,
    });
  }

  /**
   * Published good practices close to a recommendation, best first: text similarity (ts_rank over
   * the catalogue's full-text vector with the recommendation's significant words OR-ed), plus a boost
   * when the practice is in a field of action typical of the recommendation's key factors
   * (TYPICAL_FIELDS_OF_ACTION; none for a benchmark it does not list). Read like the recommendation.
   */
  async suggest(
    user: CurrentUser,
    recommendationId: string,
    first: number,
    ctx?: Pick<GraphqlContext, 'loaders'>,
  ): Promise<GoodPracticeSuggestionResult[]> {
    const recommendation = await this.recommendationOrFail(recommendationId);
    await this.access.requireFindingsRead(user, recommendation.reviewId, ctx);
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
      throw badInput(`Ask for between 1 and ${MAX_SUGGESTIONS} suggestions.`, [{ path: 'first', message: `must be 1-${MAX_SUGGESTIONS}` }]);
    }
    const keyFactors = recommendation.keyFactorIds.length
      ? await this.dataSource
          .getRepository(KeyFactor)
          .createQueryBuilder('k')
          .innerJoin(Benchmark, 'b', 'b.id = k.benchmarkId')
          .select(['k.id AS id', 'k.number AS number', 'k.code AS code', 'k.heading AS heading', 'b.code AS benchmark'])
          .where('k.id IN (:...ids)', { ids: recommendation.keyFactorIds })
          .orderBy('k.number')
          .getRawMany<{ id: string; number: number; code: string; heading: string; benchmark: string }>()
      : [];
    // Field code → the key factors it is typical of.
    const typical = new Map<string, string[]>();
    for (const k of keyFactors) {
      for (const code of TYPICAL_FIELDS_OF_ACTION[k.benchmark]?.[k.number] ?? [])
        typical.set(code, [...(typical.get(code) ?? []), `${k.code} ${k.heading}`]);
    }
    const fields = await this.dataSource.getRepository(FieldOfAction).find();
    const topCode = (f: FieldOfAction) => (f.parentId ? (fields.find((p) => p.id === f.parentId)?.code ?? f.code) : f.code);
    const boosted = fields.filter((f) => typical.has(topCode(f)));
    // Ranked on the words without anyone's name: the same suggestions for every reader, and "why" never
    // quotes a name the host city must not read.
    const words = (await this.anonymisation.anonymiserOf(recommendation.reviewId, ctx))
      .anonymise(recommendation.text)
      .split(WITHHELD_NAME)
      .join(' ');
    const ranked = await this.practices.rankPublished(
      words,
      boosted.map((f) => f.id),
      first,
    );
    return ranked.map(({ practice, score, sharedWords, sharedFieldIds }) => {
      const why: string[] = [];
      if (sharedWords.length)
        why.push(
          `shares the words ${sharedWords
            .slice(0, 8)
            .map((w) => `"${w}"`)
            .join(', ')}`,
        );
      for (const field of fields.filter((f) => sharedFieldIds.includes(f.id))) {
        why.push(`same field of action: ${field.code}. ${field.title} (typical of key factor ${typical.get(topCode(field))!.join(', ')})`);
      }
      return { goodPractice: practice, score, why };
    });
  }

  private async draft(
    user: CurrentUser,
    reviewId: string,
    teamText: string,
    mainFieldOfAction: string,
    source: { reviewId: string; evidenceId?: string; recommendationId?: string },
  ) {
    // The catalogue is read by everyone once published: the draft starts from the anonymised text.
    const text = (await this.anonymisation.anonymiserOf(reviewId)).anonymise(teamText);
    const review = await this.dataSource.getRepository(Review).findOneByOrFail({ id: reviewId });
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const document = {
      // Written in the review's working language, so it is searched with that language's stemming.
      language: review.workingLanguage as 'en' | 'fr' | 'de',
      contact: { city: city.name, country: city.country },
      action: { title: titleFrom(text), mainFieldOfAction: mainFieldOfAction ?? '' },
      description: { purpose: text.trim() },
    };
    return this.practices.create(user, document, {
      action: 'promote',
      source,
      cityId: city.id,
      summary: 'The good practice was not created',
    });
  }

  private async refuseSecondPromotion(column: 'sourceEvidenceId' | 'sourceRecommendationId', id: string, what: string) {
    const existing = await this.dataSource
      .getRepository(GoodPractice)
      .findOne({ where: column === 'sourceEvidenceId' ? { sourceEvidenceId: id } : { sourceRecommendationId: id }, select: { id: true } });
    if (existing) {
      throw new AppError(ErrorCode.CONFLICT, `A good practice was already drafted from ${what} (${existing.id}); edit that one instead.`, {
        goodPracticeId: existing.id,
      });
    }
  }

  private async recommendationOrFail(recommendationId: string): Promise<Recommendation> {
    const recommendation = isUuid(recommendationId)
      ? await this.dataSource.getRepository(Recommendation).findOneBy({ id: recommendationId.toLowerCase() })
      : null;
    if (!recommendation) throw notFound(`Recommendation ${recommendationId}`);
    return recommendation;
  }
}
