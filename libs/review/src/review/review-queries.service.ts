import { Injectable } from '@nestjs/common';
import { CurrentUser, GraphqlContext, notFound, PageArgs } from '@peervisit/platform';
import { ReviewAccessService } from '../access/review-access.service';
import { ReviewPermission } from '../access/review-permissions';
import { AuditLog } from '../audit/audit-log.service';
import { ContextNote } from '../self-assessment/context-note.entity';
import { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { TeamService } from '../team/team.service';
import { loadPerReview, ReviewLoaders } from './review-loaders';
import { Review } from './review.entity';

/** Reads of a review and its parts for the GraphQL API, each with its access check (resolvers check nothing). */
@Injectable()
export class ReviewQueries {
  constructor(
    private readonly access: ReviewAccessService,
    private readonly loaders: ReviewLoaders,
    private readonly audit: AuditLog,
    private readonly team: TeamService,
    private readonly selfAssessment: SelfAssessmentService,
  ) {}

  async get(user: CurrentUser, id: string, ctx: GraphqlContext): Promise<Review> {
    await this.access.require(user, id, 'review.read', ctx);
    // Through the request's loader: the programme and the coverage of the same query read it too.
    const review = await this.loaders.of(ctx).review.load(id);
    if (!review) throw notFound(`Review ${id}`);
    return review;
  }

  /** The caller's roles in the review (what the client shows and hides; no check: they are the caller's own). */
  myRoles(user: CurrentUser, reviewId: string, ctx: GraphqlContext): Promise<ReviewRole[]> {
    return this.access.myRoles(user, reviewId, ctx);
  }

  async auditTrail(user: CurrentUser, reviewId: string, page: PageArgs, ctx: GraphqlContext) {
    await this.access.require(user, reviewId, 'audit.read', ctx);
    return this.audit.trail(reviewId, page);
  }

  /** Current team members. */
  teamMembers(user: CurrentUser, review: Review, ctx: GraphqlContext): Promise<TeamMember[]> {
    return this.part(user, review, 'team.read', ctx, 'Review.team', (ids) => this.team.active(ids));
  }

  contextNotes(user: CurrentUser, review: Review, ctx: GraphqlContext): Promise<ContextNote[]> {
    return this.part(user, review, 'selfAssessment.read', ctx, 'Review.contextNotes', (ids) => this.selfAssessment.contextNotes(ids));
  }

  /** Rows of one part of a review, if the caller may read it; batched over the reviews of one query. */
  private async part<T extends { reviewId: string }>(
    user: CurrentUser,
    review: Review,
    permission: ReviewPermission,
    ctx: GraphqlContext,
    loader: string,
    rowsOf: (reviewIds: readonly string[]) => Promise<T[]>,
  ): Promise<T[]> {
    await this.access.require(user, review.id, permission, ctx);
    return loadPerReview(ctx, loader, rowsOf, review.id);
  }
}
