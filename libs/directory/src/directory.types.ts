import { ObjectType } from '@nestjs/graphql';
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
