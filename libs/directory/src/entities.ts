// `@peervisit/directory/entities`: the directory's entities and enums, without loading a Nest module
// (test/contract/entity-imports.spec.ts).
import { AuthToken } from './auth/auth-token.entity';
import { RefreshToken } from './auth/refresh-token.entity';
import { City } from './city/city.entity';
import { Organisation } from './organisation/organisation.entity';
import { AdminRightsChange } from './person/admin-rights-change.entity';
import { PersonMerge } from './person/person-merge.entity';
import { Person } from './person/person.entity';
import { StakeholderConsent } from './stakeholder/stakeholder-consent.entity';
import { Stakeholder } from './stakeholder/stakeholder.entity';

export * from './auth/auth-token.entity';
export * from './auth/refresh-token.entity';
export * from './city/city.entity';
export * from './organisation/organisation.entity';
export * from './person/admin-rights-change.entity';
export * from './person/person-merge.entity';
export * from './person/person.entity';
export * from './stakeholder/stakeholder-consent.entity';
export * from './stakeholder/stakeholder.entity';

export const DIRECTORY_ENTITIES = [
  City,
  Organisation,
  Person,
  Stakeholder,
  StakeholderConsent,
  AuthToken,
  RefreshToken,
  AdminRightsChange,
  PersonMerge,
];
