import { Args, ArgsType, Field, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, ConnectionType, CurrentUser, GraphqlContext, Me, oneInOrder, PageArgs } from '@peervisit/platform';
import { AuthSessionView } from '../auth/auth.types';
import { AdminRightsChange } from './admin-rights-change.entity';
import { AdministratorsService } from './administrators.service';
import { Person } from './person.entity';

@ObjectType()
export class AdminRightsChangeConnection extends ConnectionType(AdminRightsChange) {}

@ArgsType()
class AdminRightsChangesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this person's changes." }) personId?: string;
}

/** The secretariat's administrators: who they are, the audit of their rights, and anyone's sessions. */
@Resolver(() => AdminRightsChange)
export class AdministratorsResolver {
  constructor(private readonly admins: AdministratorsService) {}

  @AdminOnly()
  @Query(() => [Person], { description: 'The administrators (the network secretariat), by name.' })
  administrators() {
    return this.admins.list();
  }

  @AdminOnly()
  @Mutation(() => Person, {
    description:
      'Makes a person an administrator, or removes the rights (which ends their sessions). Recorded with who did it; the last administrator cannot be removed.',
  })
  setAdministrator(@Me() admin: CurrentUser, @Args('personId', { type: () => ID }) personId: string, @Args('isAdmin') isAdmin: boolean) {
    return this.admins.set(admin, personId, isAdmin);
  }

  @AdminOnly()
  @Query(() => AdminRightsChangeConnection, {
    description: 'Who was made an administrator or stopped being one, and by whom; the latest first.',
  })
  adminRightsChanges(@Args() args: AdminRightsChangesArgs) {
    return this.admins.history(args.personId, args);
  }

  @AdminOnly()
  @Query(() => [AuthSessionView], {
    description: "A person's sessions that can still be used, the most recently used first (administrators).",
  })
  personSessions(@Me() admin: CurrentUser, @Args('personId', { type: () => ID }) personId: string) {
    return this.admins.sessionsOf(admin, personId);
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: "Ends anyone's session (administrators), e.g. a lost laptop: its tokens stop working at once." })
  endPersonSession(@Args('sessionId', { type: () => ID }) sessionId: string) {
    return this.admins.endSession(sessionId);
  }

  @ResolveField(() => Person)
  person(change: AdminRightsChange, _args: unknown, ctx: GraphqlContext) {
    return this.personLoader(ctx).load(change.personId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who did it; null from the command line.' })
  changedBy(change: AdminRightsChange, _args: unknown, ctx: GraphqlContext) {
    return change.changedById ? this.personLoader(ctx).load(change.changedById) : null;
  }

  private personLoader(ctx: GraphqlContext) {
    return ctx.loaders.get<string, Person | null>('AdminRightsChange.person', async (ids) =>
      oneInOrder(ids, await this.admins.peopleByIds(ids), (p) => p.id),
    );
  }
}
