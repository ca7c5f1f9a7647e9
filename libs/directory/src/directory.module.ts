import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthToken } from './auth/auth-token.entity';
import { AuthTokenService } from './auth/auth-token.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { RefreshToken } from './auth/refresh-token.entity';
import { SessionService } from './auth/session.service';
import { SignInThrottle } from './auth/sign-in-throttle';
import { City } from './city/city.entity';
import { CityResolver, OrganisationResolver, PersonResolver, StakeholderResolver } from './directory.resolver';
import { DirectoryService } from './directory.service';
import { Organisation } from './organisation/organisation.entity';
import { Person } from './person/person.entity';
import { Stakeholder } from './stakeholder/stakeholder.entity';

export const DIRECTORY_ENTITIES = [City, Organisation, Person, Stakeholder, AuthToken, RefreshToken];

@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: [DirectoryService, AuthTokenService, AuthService, SessionService, SignInThrottle, AuthResolver, CityResolver, OrganisationResolver, PersonResolver, StakeholderResolver],
  exports: [DirectoryService, AuthService, SessionService],
})
export class DirectoryModule {}
