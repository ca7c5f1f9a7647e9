import { Injectable } from '@nestjs/common';
import { City } from '@peervisit/directory/entities';
import { allows, statusesAllowing } from '@peervisit/review';
import { FollowUpStatus, HostResponse, Recommendation, Review, ReviewKind } from '@peervisit/review/entities';
import { DataSource, In } from 'typeorm';
import { followUpCheckpointDates } from '../reminders/reminder-planner';
import { defaultRules, ReminderRuleKind } from '../reminders/reminder-rules';

/** Recommendations whose follow-up is over. */
const DONE = [FollowUpStatus.IMPLEMENTED, FollowUpStatus.ABANDONED];

export interface OverdueFollowUpRow {
  recommendation: Recommendation;
  /** The checkpoint that passed without a progress report. */
  checkpoint: Date;
  /** The latest progress report, if any (before that checkpoint's window). */
  lastReportedAt: Date | null;
}

export interface CityFollowUpRow {
  city: City;
  openRecommendations: number;
  overdueFollowUps: number;
  overdue: OverdueFollowUpRow[];
  nextCheckpoint: Date | null;
}

/**
 * When a recommendation's follow-up is overdue: its review has follow-up checkpoints (the dates the
 * reminders go out on), the latest one that has passed is `checkpoint`, and no progress report was
 * made since the checkpoint before it (or at all, for the first one). A report made late clears it.
 * Answers the checkpoint that was missed, or null.
 */
export function missedCheckpoint(checkpoints: Date[], lastReportedAt: Date | null, now: Date): Date | null {
  const passed = checkpoints.filter((c) => c.getTime() <= now.getTime()).sort((a, b) => a.getTime() - b.getTime());
  if (!passed.length) return null;
  const last = passed[passed.length - 1];
  const before = passed.length > 1 ? passed[passed.length - 2] : null;
  if (!lastReportedAt) return last;
  return before && lastReportedAt.getTime() <= before.getTime() ? last : null;
}

/**
 * The network view of the follow-up, per host city (the secretariat's): its open recommendations,
 * and those whose follow-up checkpoint passed without a progress report. Checkpoints are the
 * reminders' own (the timeline's dates, else the FOLLOW_UP_CHECKPOINT rule after the report's
 * publication; none when the review turned those reminders off), read through followUpCheckpointDates,
 * so "overdue" means "the checkpoint reminder went out and no progress report came back".
 */
@Injectable()
export class NetworkFollowUpService {
  constructor(private readonly dataSource: DataSource) {}

  async perCity(now = new Date()): Promise<CityFollowUpRow[]> {
    // Recommendations the city has (findings shared), not withdrawn, not implemented or abandoned.
    const open = await this.dataSource
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.review', 'v')
      .where('v.status IN (:...shared)', { shared: statusesAllowing('readFindingsAsHost') })
      .andWhere('r.withdrawnAt IS NULL')
      .andWhere('r.followUpStatus NOT IN (:...done)', { done: DONE })
      .getMany();
    if (!open.length) return [];
    const reviews = [...new Map(open.map((r) => [r.reviewId, r.review as Review])).values()];
    const followed = reviews.filter((r) => allows(r.status, 'remindFollowUp'));
    const checkpoints = await this.checkpointsOf(followed);
    const lastReports: { recommendation_id: string; at: Date }[] = await this.dataSource.query(
      'SELECT recommendation_id, max(reported_at) AS at FROM follow_up_update WHERE recommendation_id = ANY($1) GROUP BY recommendation_id',
      [open.map((r) => r.id)],
    );
    const lastReportOf = new Map(lastReports.map((row) => [row.recommendation_id, new Date(row.at)]));
    const cities = await this.dataSource.getRepository(City).findBy({ id: In([...new Set(reviews.map((r) => r.hostCityId))]) });

    return cities
      .map((city) => {
        const mine = open.filter((r) => r.review!.hostCityId === city.id);
        const overdue = mine.flatMap((recommendation) => {
          // A recommendation the city rejected is not followed up.
          if (recommendation.hostResponse === HostResponse.REJECTED) return [];
          const lastReportedAt = lastReportOf.get(recommendation.id) ?? null;
          const checkpoint = missedCheckpoint(checkpoints.get(recommendation.reviewId) ?? [], lastReportedAt, now);
          return checkpoint ? [{ recommendation, checkpoint, lastReportedAt }] : [];
        });
        const upcoming = [...new Set(mine.map((r) => r.reviewId))]
          .flatMap((id) => checkpoints.get(id) ?? [])
          .filter((c) => c.getTime() > now.getTime())
          .sort((a, b) => a.getTime() - b.getTime());
        return {
          city,
          openRecommendations: mine.length,
          overdueFollowUps: overdue.length,
          overdue: overdue.sort((a, b) => a.checkpoint.getTime() - b.checkpoint.getTime()),
          nextCheckpoint: upcoming[0] ?? null,
        };
      })
      .sort(
        (a, b) =>
          b.overdue.length - a.overdue.length || b.openRecommendations - a.openRecommendations || a.city.name.localeCompare(b.city.name),
      );
  }

  /** Each review's follow-up checkpoints, as its reminders use them. */
  private async checkpointsOf(reviews: Review[]): Promise<Map<string, Date[]>> {
    if (!reviews.length) return new Map();
    const ids = reviews.map((r) => r.id);
    const overrides: { review_id: string; enabled: boolean; offsets: number[] }[] = await this.dataSource.query(
      'SELECT review_id, enabled, offsets FROM reminder_rule WHERE kind = $1 AND review_id = ANY($2)',
      [ReminderRuleKind.FOLLOW_UP_CHECKPOINT, ids],
    );
    // The report table belongs to the reporting lib; only its first publication matters here.
    const published: { review_id: string; at: Date }[] = await this.dataSource.query(
      'SELECT review_id, min(published_at) AS at FROM report WHERE published AND review_id = ANY($1) GROUP BY review_id',
      [ids],
    );
    const defaultRule = (kind: ReviewKind) => defaultRules(kind).find((r) => r.kind === ReminderRuleKind.FOLLOW_UP_CHECKPOINT)!;
    return new Map(
      reviews.map((review) => {
        const rule = overrides.find((o) => o.review_id === review.id) ?? defaultRule(review.kind);
        // Checkpoint reminders turned off for the review: no checkpoint is asked for, so none is missed.
        if (!rule.enabled) return [review.id, []];
        const at = published.find((p) => p.review_id === review.id)?.at;
        return [review.id, followUpCheckpointDates(review.followUpCheckpoints ?? [], at ? new Date(at) : null, rule.offsets.map(Number))];
      }),
    );
  }
}
