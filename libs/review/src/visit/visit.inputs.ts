import { Field, ID, InputType } from '@nestjs/graphql';
import { SessionPart, VisitSessionKind } from './visit-session.entity';

@InputType()
export class SessionAssignmentInput {
  @Field(() => ID) personId: string;
  @Field(() => SessionPart) part: SessionPart;
}

@InputType({ description: 'Times as "2027-03-10T09:00" (local to the host city) or an ISO instant.' })
export class VisitSessionInput {
  @Field(() => VisitSessionKind) kind: VisitSessionKind;
  @Field() title: string;
  @Field() start: string;
  @Field() end: string;
  @Field({ nullable: true }) location?: string;
  @Field(() => [ID], { nullable: true, description: 'Key factors in focus (in the review scope).' }) keyFactorIds?: string[];
  @Field(() => [SessionAssignmentInput], { nullable: true }) assignments?: SessionAssignmentInput[];
  @Field(() => [ID], { nullable: true }) stakeholderIds?: string[];
}
