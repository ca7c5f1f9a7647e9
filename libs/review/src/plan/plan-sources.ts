import { Injectable } from '@nestjs/common';
import { CurrentUser } from '@peervisit/platform';

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
  /**
   * Who may read and edit the city's own plan of this source's recommendations (the plan without a
   * review, e.g. before the city's first expert visit): the source's own access rules.
   */
  cityPlanAccess(user: CurrentUser, cityId: string): Promise<{ read: boolean; edit: boolean }>;
  /** Who may be responsible for an action of the city's own plan (the city's staff). */
  cityPlanPeople(cityId: string): Promise<{ id: string; fullName: string }[]>;
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

  /** What the user may do with the city's own plan: what any source allows. */
  async cityPlanAccess(user: CurrentUser, cityId: string): Promise<{ read: boolean; edit: boolean }> {
    const all = await Promise.all(this.sources.map((s) => s.cityPlanAccess(user, cityId)));
    return { read: all.some((a) => a.read || a.edit), edit: all.some((a) => a.edit) };
  }

  async cityPlanPeople(cityId: string): Promise<{ id: string; fullName: string }[]> {
    const people = (await Promise.all(this.sources.map((s) => s.cityPlanPeople(cityId)))).flat();
    return [...new Map(people.map((p) => [p.id, p])).values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
  }
}
