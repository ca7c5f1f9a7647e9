import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenService } from './auth/auth-token.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionService } from './auth/session.service';
import { SignInThrottle } from './auth/sign-in-throttle';
import { CityService } from './city/city.service';
import { CityResolver, OrganisationResolver, PersonMergeResolver, PersonResolver, StakeholderResolver } from './directory.resolver';
import { OrganisationService } from './organisation/organisation.service';
import { PersonMergeService } from './person/person-merge.service';
import { AdministratorsResolver } from './person/administrators.resolver';
import { AdministratorsService } from './person/administrators.service';
import { PersonService } from './person/person.service';
import { StakeholderService } from './stakeholder/stakeholder.service';
import { DIRECTORY_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: [
    CityService,
    OrganisationService,
    PersonService,
    PersonMergeService,
    AdministratorsService,
    StakeholderService,
    AuthTokenService,
    AuthService,
    SessionService,
    SignInThrottle,
    AuthResolver,
    CityResolver,
    OrganisationResolver,
    PersonResolver,
    PersonMergeResolver,
    StakeholderResolver,
    AdministratorsResolver,
  ],
  exports: [CityService, OrganisationService, PersonService, PersonMergeService, StakeholderService, AuthService, SessionService],
})
export class DirectoryModule {}
