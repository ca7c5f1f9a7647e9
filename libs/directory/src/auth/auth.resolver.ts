import { Args, Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, JSONScalar, Me, Public } from '@peervisit/platform';
import { Person } from '../person/person.entity';
import { AuthService } from './auth.service';

@ObjectType()
export class SignInPayload {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>".' })
  accessToken: string;
  @Field()
  expiresAt: Date;
  @Field(() => Person)
  person: Person;
}

@ObjectType()
export class AcceptInvitationPayload extends SignInPayload {
  @Field(() => JSONScalar, { description: 'What the invitation was for (e.g. the review and role).' })
  payload: Record<string, unknown>;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => SignInPayload, { description: 'Signs in with email and password; returns a short-lived access token.' })
  signIn(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GraphqlContext) {
    // express' req.ip honours the app's 'trust proxy' setting (loopback proxies only, see create-api.ts).
    const req = ctx.req as GraphqlContext['req'] & { ip?: string };
    return this.auth.signIn(email, password, req.ip ?? req.socket?.remoteAddress);
  }

  @Query(() => Person, { description: 'The signed-in person.' })
  me(@Me() user: CurrentUser) {
    return this.auth.me(user.personId);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Emails a reset link if the address has an account. Answers true either way.' })
  async requestPasswordReset(@Args('email') email: string) {
    await this.auth.requestPasswordReset(email);
    return true;
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'Sets a new password with the emailed token, and signs in.' })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string) {
    return this.auth.resetPassword(token, newPassword);
  }

  @Public()
  @Mutation(() => AcceptInvitationPayload, {
    description: 'Accepts an emailed invitation. Without an account, give your name and a new password; with one, give its password.',
  })
  acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Args('fullName', { nullable: true }) fullName?: string,
  ) {
    return this.auth.acceptInvitation(token, password, fullName ?? undefined);
  }
}
