import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExternalRecommendation, PlanRecommendationSource, PlanSources } from '@peervisit/review';
import { DataSource } from 'typeorm';
import { IndexRecommendation } from '../assessment/index-analysis.entity';
import { IndexAssessment, IndexAssessmentStatus } from '../assessment/index-assessment.entity';
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
  ) {}

  onModuleInit() {
    this.sources.register(this);
  }

  async forCity(cityId: string, language?: string): Promise<ExternalRecommendation[]> {
    const assessment = await this.dataSource.getRepository(IndexAssessment).findOne({
      where: { cityId, status: IndexAssessmentStatus.PUBLISHED },
      order: { publishedAt: 'DESC', id: 'ASC' },
    });
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
