import { Args, Field, ID, InputType, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConsentKind, ConsentMethod, Person, StakeholderConsent } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ErasedFromReport } from './personal-data-erasure.entity';
import { StakeholderConsentService } from './stakeholder-consent.service';

@InputType({ description: 'What was agreed (or withdrawn), and how it was obtained.' })
export class ConsentInput {
  @Field(() => ConsentKind) kind: ConsentKind;
  @Field(() => ConsentMethod) method: ConsentMethod;
  @Field({ nullable: true, description: 'Optional: where the signed form is kept, what exactly was agreed.' }) note?: string;
}

@ObjectType()
export class ConsentWithdrawal {
  @Field(() => StakeholderConsent) consent: StakeholderConsent;
  @Field(() => [ErasedFromReport], { description: 'Published versions that may name or quote them; their expert leaders were told.' })
  publishedReports: ErasedFromReport[];
}

const REVIEW_ARG = {
  type: () => ID,
  nullable: true,
  description: 'The review the stakeholder belongs to (required unless the caller is the secretariat).',
};

@Resolver(() => StakeholderConsent)
export class StakeholderConsentResolver {
  constructor(
    private readonly consents: StakeholderConsentService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => StakeholderConsent, { description: 'Records that a stakeholder agreed (to be named, quoted or contacted again).' })
  recordStakeholderConsent(
    @Me() user: CurrentUser,
    @Args('stakeholderId', { type: () => ID }) stakeholderId: string,
    @Args('reviewId', REVIEW_ARG) reviewId: string | null,
    @Args('input') input: ConsentInput,
  ) {
    return this.consents.record(user, stakeholderId, reviewId ?? null, input);
  }

  @Mutation(() => ConsentWithdrawal, {
    description:
      'Records that a stakeholder withdrew (or refused) a consent. Later report versions and the host city’s views follow it; the expert leaders are told which published versions to correct.',
  })
  withdrawStakeholderConsent(
    @Me() user: CurrentUser,
    @Args('stakeholderId', { type: () => ID }) stakeholderId: string,
    @Args('reviewId', REVIEW_ARG) reviewId: string | null,
    @Args('input') input: ConsentInput,
  ) {
    return this.consents.withdraw(user, stakeholderId, reviewId ?? null, input);
  }

  @Query(() => [StakeholderConsent], { description: 'Every consent record of a stakeholder, oldest first.' })
  stakeholderConsentHistory(
    @Me() user: CurrentUser,
    @Args('stakeholderId', { type: () => ID }) stakeholderId: string,
    @Args('reviewId', REVIEW_ARG) reviewId: string | null,
  ) {
    return this.consents.history(user, stakeholderId, reviewId ?? null);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who recorded it, as they are now (a pseudonym once erased).' })
  recordedBy(consent: StakeholderConsent, _args: unknown, ctx: GraphqlContext) {
    if (!consent.recordedById) return null;
    return ctx.loaders
      .get<string, Person | null>('StakeholderConsent.recordedBy', async (ids) => {
        const people = await this.dataSource.getRepository(Person).findBy({ id: In([...ids]) });
        return ids.map((id) => people.find((p) => p.id === id) ?? null);
      })
      .load(consent.recordedById);
  }
}
