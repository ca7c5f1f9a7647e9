import { Injectable } from '@nestjs/common';
import { CurrentUser, forbidden, GraphqlContext, LoaderRegistry, notFound } from '@peervisit/platform';
import { DataSource, In, IsNull } from 'typeorm';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { REVIEW_PERMISSIONS, ReviewPermission, ROLE_LABEL } from './review-permissions';

/**
 * The one place that answers "may this person do this in this review". Every service method that
 * reads or writes review data calls require() (resolvers and controllers check nothing; see
 * docs/architecture.md); roles are loaded once per request through a DataLoader.
 */
@Injectable()
export class ReviewAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async rolesOf(personId: string, reviewId: string): Promise<ReviewRole[]> {
    const members = await this.dataSource.getRepository(TeamMember).findBy({ personId, reviewId, removedAt: IsNull() });
    return members.map((m) => m.role);
  }

  private rolesLoader(loaders: LoaderRegistry | undefined, personId: string) {
    if (!loaders) return { load: (reviewId: string) => this.rolesOf(personId, reviewId) };
    return loaders.get<string, ReviewRole[]>(`ReviewRoles:${personId}`, async (reviewIds) => {
      const members = await this.dataSource
        .getRepository(TeamMember)
        .findBy({ personId, reviewId: In([...reviewIds]), removedAt: IsNull() });
      return reviewIds.map((id) => members.filter((m) => m.reviewId === id).map((m) => m.role));
    });
  }

  /** The caller's roles in the review (empty for admins who are not on the team). */
  myRoles(user: CurrentUser, reviewId: string, ctx?: Pick<GraphqlContext, 'loaders'>): Promise<ReviewRole[]> {
    return this.rolesLoader(ctx?.loaders, user.personId).load(reviewId);
  }

  async can(user: CurrentUser, reviewId: string, permission: ReviewPermission, ctx?: Pick<GraphqlContext, 'loaders'>): Promise<boolean> {
    if (user.isAdmin) return true;
    const roles = await this.myRoles(user, reviewId, ctx);
    return roles.some((r) => (REVIEW_PERMISSIONS[permission] as ReviewRole[]).includes(r));
  }

  /** Throws FORBIDDEN, saying which roles it needs, unless the caller may. Returns the caller's roles. */
  async require(
    user: CurrentUser,
    reviewId: string,
    permission: ReviewPermission,
    ctx?: Pick<GraphqlContext, 'loaders'>,
  ): Promise<ReviewRole[]> {
    return this.check(user, await this.myRoles(user, reviewId, ctx), permission);
  }

  /** require() for roles the caller already read (a hot path reading them with its other facts). */
  check(user: CurrentUser, roles: ReviewRole[], permission: ReviewPermission): ReviewRole[] {
    if (user.isAdmin) return roles;
    const allowed = REVIEW_PERMISSIONS[permission] as ReviewRole[];
    if (roles.some((r) => allowed.includes(r))) return roles;
    if (!roles.length) {
      // Members of other reviews learn nothing, not even whether this one exists.
      throw forbidden('You are not a member of this review.');
    }
    throw forbidden(
      `Only the ${allowed.map((r) => ROLE_LABEL[r]).join(' or ')} can do this; you are the ${roles.map((r) => ROLE_LABEL[r]).join(' and ')}.`,
    );
  }

  /**
   * Reading conclusions and recommendations: the review team always; the host city and observers
   * from the feedback session on (before that they are the team's work in progress).
   */
  async requireFindingsRead(user: CurrentUser, reviewId: string, ctx?: Pick<GraphqlContext, 'loaders'>): Promise<ReviewRole[]> {
    const roles = await this.require(user, reviewId, 'findings.read', ctx);
    if (user.isAdmin || roles.some((r) => r === ReviewRole.EXPERT_LEADER || r === ReviewRole.PEER)) return roles;
    const review = await this.reviewOrFail(reviewId);
    assertAllowed(review, 'readFindingsAsHost');
    return roles;
  }

  async reviewOrFail(reviewId: string): Promise<Review> {
    const review = await this.dataSource.getRepository(Review).findOneBy({ id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    return review;
  }
}
