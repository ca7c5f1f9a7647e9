import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { City } from './city/city.entity';
import { Organisation } from './organisation/organisation.entity';
import { Person } from './person/person.entity';
import { Stakeholder } from './stakeholder/stakeholder.entity';

@ObjectType()
export class CityConnection extends ConnectionType(City) {}
@ObjectType()
export class OrganisationConnection extends ConnectionType(Organisation) {}
@ObjectType()
export class PersonConnection extends ConnectionType(Person) {}
@ObjectType()
export class StakeholderConnection extends ConnectionType(Stakeholder) {}

@ObjectType({ description: "A person's current place on a review team." })
export class PersonTeamRole {
  @Field(() => ID) reviewId: string;
  @Field() reviewTitle: string;
  @Field({ description: "The review's status (a ReviewStatus value)." }) reviewStatus: string;
  @Field({ description: 'The role in the team (a ReviewRole value).' }) role: string;
}
