import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Me, Public } from '@peervisit/platform';
import { Person } from '../person/person.entity';
import { AuthService, ClientInfo } from './auth.service';
import { SessionService } from './session.service';
import { AcceptInvitationPayload, AuthSessionView, SignInPayload } from './auth.types';

/** The client's address (Fastify's request.ip honours trustProxy: loopback proxies only, see createHttpAdapter) and browser. */
function clientOf(ctx: GraphqlContext): ClientInfo {
  const req = ctx.req as GraphqlContext['req'] & { ip?: string };
  const userAgent = req.headers?.['user-agent'];
  return { ip: req.ip ?? req.socket?.remoteAddress, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Mutation(() => SignInPayload, {
    description: 'Signs in with email and password; returns a short-lived access token and a refresh token.',
  })
  signIn(@Args('email') email: string, @Args('password') password: string, @Context() ctx: GraphqlContext) {
    return this.auth.signIn(email, password, clientOf(ctx));
  }

  @Public()
  @Mutation(() => SignInPayload, {
    description:
      'Exchanges a refresh token for a new access token and the next refresh token (the one given is used up). A refresh token used twice ends its session on every device.',
  })
  refreshSession(@Args('refreshToken') refreshToken: string) {
    return this.sessions.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session of this access token (and the one of refreshToken, if given and yours).' })
  signOut(@Me() user: CurrentUser, @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null) {
    return this.sessions.signOut(user, refreshToken);
  }

  @Query(() => [AuthSessionView], { description: 'Your sessions that can still be used, the most recently used first.' })
  mySessions(@Me() user: CurrentUser) {
    return this.sessions.list(user);
  }

  @Mutation(() => Boolean, { description: 'Ends one of your sessions (e.g. a lost phone): its tokens stop working at once.' })
  endSession(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.sessions.end(user, id);
  }

  @Query(() => Person, { description: 'The signed-in person.' })
  me(@Me() user: CurrentUser) {
    return this.auth.me(user.personId);
  }

  @Mutation(() => Person, {
    description: 'Changes my language (emails, invites and API messages in it) and time zone (times shown beside the host city’s).',
  })
  updateMySettings(
    @Me() user: CurrentUser,
    @Args('locale', { nullable: true, description: 'BCP 47 tag of a shipped language (en, fr, de), e.g. fr or de-AT.' }) locale?: string,
    @Args('timeZone', { nullable: true, description: 'IANA time zone, e.g. Europe/Lisbon.' }) timeZone?: string,
  ) {
    return this.auth.updateMySettings(user.personId, { locale, timeZone });
  }

  @Mutation(() => SignInPayload, {
    description: 'Changes your password. Every session of yours ends (this one too); the answer is a new one.',
  })
  changeMyPassword(
    @Me() user: CurrentUser,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.auth.changePassword(user, currentPassword, newPassword, clientOf(ctx));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Emails a reset link if the address has an account. Answers true either way.' })
  async requestPasswordReset(@Args('email') email: string) {
    await this.auth.requestPasswordReset(email);
    return true;
  }

  @Public()
  @Mutation(() => SignInPayload, {
    description: 'Sets a new password with the emailed token, ends every other session and reset link, and signs in.',
  })
  resetPassword(@Args('token') token: string, @Args('newPassword') newPassword: string, @Context() ctx: GraphqlContext) {
    return this.auth.resetPassword(token, newPassword, clientOf(ctx));
  }

  @Public()
  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Accepts an emailed invitation and signs in. Without an account, give your name and a new password (and optionally your time zone and language); with one, give its password.',
  })
  acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context() ctx: GraphqlContext,
    @Args('fullName', { nullable: true }) fullName?: string,
    @Args('timeZone', { nullable: true, description: 'IANA time zone for a new account, e.g. Europe/Oslo.' }) timeZone?: string,
    @Args('locale', { nullable: true, description: 'BCP 47 tag of a shipped language (en, fr, de) for the account, e.g. en or fr-CH.' })
    locale?: string,
  ) {
    return this.auth.acceptInvitation(
      token,
      password,
      { fullName: fullName ?? undefined, timeZone: timeZone ?? undefined, locale: locale ?? undefined },
      clientOf(ctx),
    );
  }
}
