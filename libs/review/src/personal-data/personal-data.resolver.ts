import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentUser, Me } from '@peervisit/platform';
import { ErasureService } from './erasure.service';
import { PersonalDataErasure } from './personal-data-erasure.entity';

/** Erasure of personal data, for the secretariat (the archives of the right of access are REST: PersonalDataController). */
@Resolver(() => PersonalDataErasure)
export class PersonalDataResolver {
  constructor(private readonly erasure: ErasureService) {}

  @AdminOnly()
  @Mutation(() => PersonalDataErasure, {
    description:
      'Erases a person (not an administrator): a pseudonym replaces their name everywhere, their email and sign-in go, their name is withheld in the texts of their reviews. Cannot be undone.',
  })
  erasePerson(@Me() user: CurrentUser, @Args('personId', { type: () => ID }) personId: string, @Args('reason') reason: string) {
    return this.erasure.erasePerson(user, personId, reason);
  }

  @AdminOnly()
  @Mutation(() => PersonalDataErasure, {
    description:
      "Erases a stakeholder: a pseudonym replaces their name in the directory and it is withheld in the texts of the city's reviews. Cannot be undone.",
  })
  eraseStakeholder(
    @Me() user: CurrentUser,
    @Args('stakeholderId', { type: () => ID }) stakeholderId: string,
    @Args('reason') reason: string,
  ) {
    return this.erasure.eraseStakeholder(user, stakeholderId, reason);
  }

  @AdminOnly()
  @Query(() => [PersonalDataErasure], { description: 'Every erasure, newest first: who erased whom (by id), when, why.' })
  personalDataErasures(@Me() user: CurrentUser) {
    return this.erasure.erasures(user);
  }
}
