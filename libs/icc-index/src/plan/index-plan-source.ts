import { Injectable, OnModuleInit } from '@nestjs/common';
import { CurrentUser } from '@peervisit/platform';
import { ExternalRecommendation, PlanRecommendationSource, PlanSources } from '@peervisit/review';
import { DataSource } from 'typeorm';
import { IndexRecommendation } from '../assessment/index-analysis.entity';
import { IndexAssessment, IndexAssessmentStatus } from '../assessment/index-assessment.entity';
import { IndexAssessmentService } from '../assessment/index-assessment.service';
import { localize } from '../definition/index-document';
import { IndexDefinition } from '../definition/index-definition.entity';

/**
 * The Index's recommendations in the city's development plan: those of the city's latest published
 * assessment (an earlier Index's are answered by the next). Only what is Index-specific is here; the
 * plan's rules are the review lib's (libs/review/src/plan).
 */
@Injectable()
export class IndexPlanSource implements PlanRecommendationSource, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: PlanSources,
    private readonly assessments: IndexAssessmentService,
  ) {}

  onModuleInit() {
    this.sources.register(this);
  }

  async forCity(cityId: string, language?: string): Promise<ExternalRecommendation[]> {
    const assessment = await this.latest(cityId);
    if (!assessment) return [];
    const recommendations = await this.dataSource
      .getRepository(IndexRecommendation)
      .find({ where: { assessmentId: assessment.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.views(assessment, recommendations, language);
  }

  async byId(id: string, language?: string): Promise<ExternalRecommendation | null> {
    const recommendation = await this.dataSource.getRepository(IndexRecommendation).findOneBy({ id });
    if (!recommendation) return null;
    const assessment = await this.dataSource.getRepository(IndexAssessment).findOneByOrFail({ id: recommendation.assessmentId });
    // Only a published Index's recommendations join a plan.
    if (assessment.status !== IndexAssessmentStatus.PUBLISHED) return null;
    return (await this.views(assessment, [recommendation], language))[0];
  }

  /**
   * The city's own plan, as the latest published Index's readers and editors: whoever reads its
   * results reads the plan; the secretariat, the Index coordinator and the city's staff edit it.
   */
  async cityPlanAccess(user: CurrentUser, cityId: string): Promise<{ read: boolean; edit: boolean }> {
    const assessment = await this.latest(cityId);
    if (!assessment) return { read: false, edit: false };
    const roles = await this.assessments.rolesOf(user, assessment);
    return { read: this.assessments.mayReadResults(roles, assessment), edit: roles.admin || roles.coordinator || roles.city };
  }

  /** The city's staff and the latest Index's coordinator. */
  async cityPlanPeople(cityId: string): Promise<{ id: string; fullName: string }[]> {
    const assessment = await this.latest(cityId);
    return this.dataSource.query(
      `SELECT p.id, p.full_name AS "fullName" FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
        WHERE o.city_id = $1 OR p.id = $2 ORDER BY p.full_name, p.id`,
      [cityId, assessment?.coordinatorId ?? null],
    );
  }

  private latest(cityId: string): Promise<IndexAssessment | null> {
    return this.dataSource.getRepository(IndexAssessment).findOne({
      where: { cityId, status: IndexAssessmentStatus.PUBLISHED },
      order: { publishedAt: 'DESC', id: 'ASC' },
    });
  }

  private async views(
    assessment: IndexAssessment,
    recommendations: IndexRecommendation[],
    language?: string,
  ): Promise<ExternalRecommendation[]> {
    const definition = await this.dataSource.getRepository(IndexDefinition).findOneByOrFail({ id: assessment.definitionId });
    const source = `Intercultural Cities Index (${definition.code} version ${definition.version}), published ${assessment.publishedAt!.toISOString().slice(0, 10)}`;
    return recommendations.map((r) => {
      const indicator = r.indicatorCode ? definition.content.indicators.find((i) => i.code === r.indicatorCode) : undefined;
      return {
        id: r.id,
        cityId: assessment.cityId,
        source,
        about: indicator ? localize(indicator.name, language) : null,
        text: r.text,
      };
    });
  }
}
