import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AuthToken } from '@peervisit/directory/entities';
import { ReviewRole, TeamMember } from './team-member.entity';

@ObjectType({ description: 'An invitation to join the team that was not accepted, withdrawn or expired yet.' })
export class TeamInvitation {
  @Field(() => ID) id: string;
  @Field({ description: 'Where the invitation was sent.' }) email: string;
  @Field(() => ReviewRole) role: ReviewRole;
  @Field({ description: 'When it was first sent.' }) createdAt: Date;
  @Field({ description: 'When its link stops working (resending gives a new link and lifetime).' }) expiresAt: Date;
  invitedById: string | null;
}

/** The invitation token as the API shows it. */
export const invitationOf = (row: AuthToken): TeamInvitation => ({
  id: row.id,
  email: row.email,
  role: row.payload.role as ReviewRole,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  invitedById: row.createdById,
});

@ObjectType()
export class AddTeamMemberResult {
  @Field(() => TeamMember, {
    nullable: true,
    deprecationReason: 'Always null: everyone joins by accepting the invitation (see invitation).',
  })
  member: TeamMember | null;
  @Field(() => String, { nullable: true, description: 'Where the invitation went.' }) invitedEmail: string | null;
  @Field(() => TeamInvitation, { description: 'The invitation sent; the person joins the team when they accept it.' })
  invitation: TeamInvitation;
}
