import { Injectable } from '@nestjs/common';

/**
 * A recommendation from outside the review that joins the city's development plan: the Intercultural
 * Cities Index's. The lib that owns it registers a source here (review may not import it); the plan's
 * rules (actions, progress, history, reminders) stay the plan's own.
 */
export interface ExternalRecommendation {
  id: string;
  /** The city whose plans it joins: only a review of that city takes actions on it. */
  cityId: string;
  /** What it comes from, e.g. "Intercultural Cities Index (ICC-INDEX version 1), published 2026-03-01". */
  source: string;
  /** What it is about within its source, e.g. an indicator; null for the whole. */
  about: string | null;
  text: string;
}

export interface PlanRecommendationSource {
  /** The recommendations the city's plans take from this source (e.g. its latest published Index's). */
  forCity(cityId: string, language?: string): Promise<ExternalRecommendation[]>;
  /** One recommendation by id, or null when the source has none with it. */
  byId(id: string, language?: string): Promise<ExternalRecommendation | null>;
}

/** The registered sources (registered by their libs at start-up). */
@Injectable()
export class PlanSources {
  private readonly sources: PlanRecommendationSource[] = [];

  register(source: PlanRecommendationSource): void {
    this.sources.push(source);
  }

  async forCity(cityId: string, language?: string): Promise<ExternalRecommendation[]> {
    return (await Promise.all(this.sources.map((s) => s.forCity(cityId, language)))).flat();
  }

  async byId(id: string, language?: string): Promise<ExternalRecommendation | null> {
    for (const source of this.sources) {
      const found = await source.byId(id, language);
      if (found) return found;
    }
    return null;
  }
}
