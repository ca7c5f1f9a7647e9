import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, ConnectionType, GraphqlContext, oneInOrder } from '@peervisit/platform';
import { City } from './city/city.entity';
import { CityInput, OrganisationInput, PersonInput, SearchArgs, StakeholderInput } from './directory.inputs';
import { DirectoryService } from './directory.service';
import { Organisation } from './organisation/organisation.entity';
import { Person } from './person/person.entity';
import { Stakeholder } from './stakeholder/stakeholder.entity';

@ObjectType() export class CityConnection extends ConnectionType(City) {}
@ObjectType() export class OrganisationConnection extends ConnectionType(Organisation) {}
@ObjectType() export class PersonConnection extends ConnectionType(Person) {}
@ObjectType() export class StakeholderConnection extends ConnectionType(Stakeholder) {}

/** Loads one entity per id through the request's DataLoader. */
function loadOne<T extends { id: string }>(ctx: GraphqlContext, directory: DirectoryService, entity: new () => T, id: string | null | undefined) {
  if (!id) return null;
  return ctx.loaders.get<string, T | null>(`${entity.name}ById`, async (ids) => oneInOrder(ids, await directory.byIds(entity, ids), (r) => r.id)).load(id);
}

@Resolver(() => City)
export class CityResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => CityConnection)
  cities(@Args() args: SearchArgs) {
    return this.directory.cities(args);
  }

  @Query(() => City)
  city(@Args('id', { type: () => ID }) id: string) {
    return this.directory.get(City, id, 'City');
  }

  @AdminOnly()
  @Mutation(() => City)
  createCity(@Args('input') input: CityInput) {
    return this.directory.saveCity(input);
  }

  @AdminOnly()
  @Mutation(() => City)
  updateCity(@Args('id', { type: () => ID }) id: string, @Args('input') input: CityInput) {
    return this.directory.saveCity(input, id);
  }
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => OrganisationConnection)
  organisations(@Args() args: SearchArgs) {
    return this.directory.organisations(args);
  }

  @AdminOnly()
  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: OrganisationInput) {
    return this.directory.saveOrganisation(input);
  }

  @AdminOnly()
  @Mutation(() => Organisation)
  updateOrganisation(@Args('id', { type: () => ID }) id: string, @Args('input') input: OrganisationInput) {
    return this.directory.saveOrganisation(input, id);
  }

  @ResolveField(() => City, { nullable: true })
  city(@Parent() organisation: Organisation, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.directory, City, organisation.cityId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly directory: DirectoryService) {}

  @AdminOnly()
  @Query(() => PersonConnection, { description: 'Everyone with an account (secretariat only).' })
  people(@Args() args: SearchArgs) {
    return this.directory.people(args);
  }

  @AdminOnly()
  @Mutation(() => Person)
  createPerson(@Args('input') input: PersonInput) {
    return this.directory.savePerson(input);
  }

  @AdminOnly()
  @Mutation(() => Person)
  updatePerson(@Args('id', { type: () => ID }) id: string, @Args('input') input: PersonInput) {
    return this.directory.savePerson(input, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() person: Person, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.directory, Organisation, person.organisationId);
  }
}

@Resolver(() => Stakeholder)
export class StakeholderResolver {
  constructor(private readonly directory: DirectoryService) {}

  @AdminOnly()
  @Query(() => StakeholderConnection, { description: 'Stakeholders across all cities (secretariat only; review teams see theirs on the review).' })
  stakeholders(@Args() args: SearchArgs) {
    return this.directory.stakeholders(args);
  }

  @AdminOnly()
  @Mutation(() => Stakeholder)
  createStakeholder(@Args('input') input: StakeholderInput) {
    return this.directory.saveStakeholder(input);
  }

  @AdminOnly()
  @Mutation(() => Stakeholder)
  updateStakeholder(@Args('id', { type: () => ID }) id: string, @Args('input') input: StakeholderInput) {
    return this.directory.saveStakeholder(input, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(@Parent() stakeholder: Stakeholder, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.directory, Organisation, stakeholder.organisationId);
  }

  @ResolveField(() => City)
  city(@Parent() stakeholder: Stakeholder, @Context() ctx: GraphqlContext) {
    return loadOne(ctx, this.directory, City, stakeholder.cityId);
  }
}
