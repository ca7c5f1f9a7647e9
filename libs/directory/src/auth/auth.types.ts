import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@peervisit/platform/entities';
import { Person } from '../person/person.entity';

@ObjectType()
export class SignInPayload {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>". Short-lived: refresh it with refreshSession.' })
  accessToken: string;
  @Field({ description: 'When the access token stops working.' })
  expiresAt: Date;
  @Field({
    description: 'Exchange for a new access token (refreshSession); single-use: each refresh returns the next one. Keep it secret.',
  })
  refreshToken: string;
  @Field({ description: 'Until when the refresh token may be used; each refresh moves it forward (REFRESH_TOKEN_TTL_DAYS).' })
  refreshExpiresAt: Date;
  @Field(() => Person)
  person: Person;
}

@ObjectType()
export class AcceptInvitationPayload extends SignInPayload {
  @Field(() => JSONScalar, { description: 'What the invitation was for (e.g. the review and role).' })
  payload: Record<string, unknown>;
}

@ObjectType('AuthSession', { description: 'A signed-in device or browser of yours.' })
export class AuthSessionView {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field({ description: 'Sign-in or the last refresh.' }) lastUsedAt: Date;
  @Field(() => String, { nullable: true, description: 'The browser or app that signed in (its User-Agent).' }) userAgent: string | null;
  @Field({ description: 'The session of the token this request came with.' }) current: boolean;
}
