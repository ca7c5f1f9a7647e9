import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, GraphqlContext, oneInOrder } from '@peervisit/platform';
import { City } from './city/city.entity';
import { CityService } from './city/city.service';
import { CityInput, OrganisationInput, PersonInput, SearchArgs, StakeholderInput } from './directory.inputs';
import { Organisation } from './organisation/organisation.entity';
import { OrganisationService } from './organisation/organisation.service';
import { Person } from './person/person.entity';
import { PersonService } from './person/person.service';
import { Stakeholder } from './stakeholder/stakeholder.entity';
import { StakeholderService } from './stakeholder/stakeholder.service';
import { CityConnection, OrganisationConnection, PersonConnection, StakeholderConnection } from './directory.types';

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
  city(@Parent() organisation: Organisation, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.cityService, City, organisation.cityId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly personService: PersonService,
    private readonly organisationService: OrganisationService,
  ) {}

  @AdminOnly()
  @Query(() => PersonConnection, { description: 'Everyone with an account (secretariat only).' })
  people(@Args() args: SearchArgs) {
    return this.personService.search(args);
  }

  @AdminOnly()
  @Mutation(() => Person)
  createPerson(@Args('input') input: PersonInput) {
    return this.personService.save(input);
  }

  @AdminOnly()
  @Mutation(() => Person)
  updatePerson(@Args('id', { type: () => ID }) id: string, @Args('input') input: PersonInput) {
    return this.personService.save(input, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() person: Person, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.organisationService, Organisation, person.organisationId);
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
  createStakeholder(@Args('input') input: StakeholderInput) {
    return this.stakeholderService.save(input);
  }

  @AdminOnly()
  @Mutation(() => Stakeholder)
  updateStakeholder(@Args('id', { type: () => ID }) id: string, @Args('input') input: StakeholderInput) {
    return this.stakeholderService.save(input, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() stakeholder: Stakeholder, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.organisationService, Organisation, stakeholder.organisationId);
  }

  @ResolveField(() => City)
  city(@Parent() stakeholder: Stakeholder, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.cityService, City, stakeholder.cityId);
  }
}
