import { ResolveField, Resolver } from '@nestjs/graphql';
import { Stakeholder } from '@peervisit/directory/entities';
import { GraphqlContext } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { AnonymisationService } from './anonymisation.service';
import { StakeholderInReview, stakeholderAsShown, withdrewNaming } from './stakeholder-name';

/**
 * A stakeholder's name and position in every API field, by the rule of stakeholder-name.ts: the
 * reader is the request's user, the review the one the stakeholder was read in (the secretariat
 * alone keeps the name where there is none).
 */
@Resolver(() => Stakeholder)
export class StakeholderNameResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly anonymisation: AnonymisationService,
  ) {}

  // The fields' descriptions are the entity's.
  @ResolveField(() => String, { nullable: true })
  async name(stakeholder: StakeholderInReview<Stakeholder>, _args: unknown, ctx: GraphqlContext): Promise<string | null> {
    return (await this.shown(stakeholder, ctx)).name;
  }

  @ResolveField(() => String, { nullable: true })
  async position(stakeholder: StakeholderInReview<Stakeholder>, _args: unknown, ctx: GraphqlContext): Promise<string | null> {
    return (await this.shown(stakeholder, ctx)).position;
  }

  private async shown(stakeholder: StakeholderInReview<Stakeholder>, ctx: GraphqlContext) {
    // The team and the secretariat read every name: asked first, from the roles the request has
    // already loaded, so that their reads (a whole review) cost no statement for consents.
    const user = ctx.req.user;
    const readerOnTeam =
      !!user &&
      (user.isAdmin || (!!stakeholder.readInReviewId && (await this.anonymisation.readsRawText(user, stakeholder.readInReviewId, ctx))));
    if (readerOnTeam) return stakeholder;
    const withdrawn = await ctx.loaders
      .get<string, boolean>('Stakeholder.withdrewNaming', async (ids) => {
        const found = await withdrewNaming(this.dataSource, ids);
        return ids.map((id) => found.has(id));
      })
      .load(stakeholder.id);
    return stakeholderAsShown(stakeholder, { withdrawn, readerOnTeam });
  }
}
