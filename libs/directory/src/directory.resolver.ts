import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentUser, forbidden, GraphqlContext, Me, oneInOrder } from '@peervisit/platform';
import { City } from './city/city.entity';
import { CityService } from './city/city.service';
import { CityInput, OrganisationInput, PeopleArgs, PersonInput, SearchArgs, StakeholderInput } from './directory.inputs';
import { Organisation } from './organisation/organisation.entity';
import { OrganisationService } from './organisation/organisation.service';
import { Person } from './person/person.entity';
import { PersonMerge } from './person/person-merge.entity';
import { PersonMergeService, PersonTeamRoleRow } from './person/person-merge.service';
import { PersonService } from './person/person.service';
import { Stakeholder } from './stakeholder/stakeholder.entity';
import { StakeholderService } from './stakeholder/stakeholder.service';
import { CityConnection, OrganisationConnection, PersonConnection, PersonTeamRole, StakeholderConnection } from './directory.types';

/** Loads one entity per id through the request's DataLoader. */
function loadOne<T extends { id: string }>(
  ctx: GraphqlContext,
  rows: { byIds(ids: readonly string[]): Promise<T[]> },
  entity: new () => T,
  id: string | null | undefined,
) {
  if (!id) return null;
  return ctx.loaders
    .get<string, T | null>(`${entity.name}ById`, async (ids) => oneInOrder(ids, await rows.byIds(ids), (r) => r.id))
    .load(id);
}

@Resolver(() => City)
export class CityResolver {
  constructor(private readonly cityService: CityService) {}

  @Query(() => CityConnection)
  cities(@Args() args: SearchArgs) {
    return this.cityService.search(args);
  }

  @Query(() => City)
  city(@Args('id', { type: () => ID }) id: string) {
    return this.cityService.get(id);
  }

  @AdminOnly()
  @Mutation(() => City)
  createCity(@Args('input') input: CityInput) {
    return this.cityService.save(input);
  }

  @AdminOnly()
  @Mutation(() => City)
  updateCity(@Args('id', { type: () => ID }) id: string, @Args('input') input: CityInput) {
    return this.cityService.save(input, id);
  }
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(
    private readonly organisationService: OrganisationService,
    private readonly cityService: CityService,
  ) {}

  @Query(() => OrganisationConnection)
  organisations(@Args() args: SearchArgs) {
    return this.organisationService.search(args);
  }

  @AdminOnly()
  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: OrganisationInput) {
    return this.organisationService.save(input);
  }

  @AdminOnly()
  @Mutation(() => Organisation)
  updateOrganisation(@Args('id', { type: () => ID }) id: string, @Args('input') input: OrganisationInput) {
    return this.organisationService.save(input, id);
  }

  @ResolveField(() => City, { nullable: true })
  city(organisation: Organisation, _args: unknown, ctx: GraphqlContext) {
    return loadOne(ctx, this.cityService, City, organisation.cityId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly personService: PersonService,
    private readonly organisationService: OrganisationService,
    private readonly merges: PersonMergeService,
  ) {}

  @AdminOnly()
  @Query(() => PersonConnection, { description: 'Everyone with an account (secretariat only).' })
  people(@Args() args: PeopleArgs) {
    return this.personService.search(args);
  }

  @AdminOnly()
  @Mutation(() => Person)
  createPerson(@Me() admin: CurrentUser, @Args('input') input: PersonInput) {
    return this.personService.save(input, undefined, admin);
  }

  @AdminOnly()
  @Mutation(() => Person)
  updatePerson(@Me() admin: CurrentUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: PersonInput) {
    return this.personService.save(input, id, admin);
  }

  @AdminOnly()
  @Mutation(() => PersonMerge, {
    description:
      "Merges a duplicate account into the person kept (secretariat): team memberships, evidence, assignments and everything else the duplicate did become the kept person's, and the duplicate account is deleted. Refused (CONFLICT) when both are on one review in different roles.",
  })
  mergePeople(
    @Me() user: CurrentUser,
    @Args('keepId', { type: () => ID, description: 'The person kept.' }) keepId: string,
    @Args('mergeId', { type: () => ID, description: 'The duplicate, merged into the person kept and deleted.' }) mergeId: string,
  ) {
    return this.merges.merge(user, keepId, mergeId);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(person: Person, _args: unknown, ctx: GraphqlContext) {
    return loadOne(ctx, this.organisationService, Organisation, person.organisationId);
  }

  @ResolveField(() => [PersonTeamRole], {
    description:
      'The review teams the person is on now, newest review first (the secretariat, or the person themselves; FORBIDDEN otherwise).',
  })
  async teamRoles(person: Person, _args: unknown, ctx: GraphqlContext): Promise<PersonTeamRole[]> {
    const user = ctx.req.user;
    if (!user || (!user.isAdmin && user.personId !== person.id))
      throw forbidden("Only the network secretariat can see other people's teams.");
    return ctx.loaders
      .get<string, PersonTeamRoleRow[]>('PersonTeamRoles', async (ids) => {
        const rows = await this.merges.teamRoles(ids);
        return ids.map((id) => rows.filter((r) => r.personId === id));
      })
      .load(person.id);
  }
}

@Resolver(() => PersonMerge)
export class PersonMergeResolver {
  constructor(private readonly personService: PersonService) {}

  @ResolveField(() => Person, { description: 'The person kept, as they are after the merge.' })
  keptPerson(merge: PersonMerge, _args: unknown, ctx: GraphqlContext) {
    return loadOne(ctx, this.personService, Person, merge.keptPersonId);
  }
}

@Resolver(() => Stakeholder)
export class StakeholderResolver {
  constructor(
    private readonly stakeholderService: StakeholderService,
    private readonly organisationService: OrganisationService,
    private readonly cityService: CityService,
  ) {}

  @AdminOnly()
  @Query(() => StakeholderConnection, {
    description: 'Stakeholders across all cities (secretariat only; review teams see theirs on the review).',
  })
  stakeholders(@Args() args: SearchArgs) {
    return this.stakeholderService.search(args);
  }

  @AdminOnly()
  @Mutation(() => Stakeholder)
  createStakeholder(@Me() user: CurrentUser, @Args('input') input: StakeholderInput) {
    return this.stakeholderService.save(input, undefined, user.personId);
  }

  @AdminOnly()
  @Mutation(() => Stakeholder)
  updateStakeholder(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: StakeholderInput) {
    return this.stakeholderService.save(input, id, user.personId);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(stakeholder: Stakeholder, _args: unknown, ctx: GraphqlContext) {
    return loadOne(ctx, this.organisationService, Organisation, stakeholder.organisationId);
  }

  @ResolveField(() => City)
  city(stakeholder: Stakeholder, _args: unknown, ctx: GraphqlContext) {
    return loadOne(ctx, this.cityService, City, stakeholder.cityId);
  }
}
