import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ReviewRole } from '../team/team-member.entity';
import { Review, ReviewStatus } from './review.entity';

@ObjectType()
export class ReviewConnection extends ConnectionType(Review) {}
@ObjectType()
export class AuditEntryConnection extends ConnectionType(AuditEntry) {}

@ObjectType({ description: "An instant, and the same instant on the host city's clock." })
export class ZonedDateTime {
  @Field() instant: Date;
  @Field({ description: 'ISO 8601 local time with offset in the host city, e.g. 2027-03-10T09:00:00+01:00.' }) local: string;
}

@ObjectType()
export class ReviewTimeline {
  @Field({ description: "The host city's IANA time zone." }) timeZone: string;
  @Field(() => ZonedDateTime, { nullable: true }) selfAssessmentDue: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) visitStart: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) visitEnd: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) conclusionsDue: ZonedDateTime | null;
  @Field(() => ZonedDateTime, { nullable: true }) reportDue: ZonedDateTime | null;
  @Field(() => [ZonedDateTime]) followUpCheckpoints: ZonedDateTime[];
}

@ObjectType()
export class ReviewProgress {
  @Field(() => Int) keyFactorsInScope: number;
  @Field(() => Int, { description: 'Entries with every guide question answered and a rating.' }) entriesComplete: number;
  @Field(() => [String], { description: 'Key factor codes whose entry is not complete yet, with what is missing.' }) incomplete: string[];
  @Field() selfAssessmentSubmitted: boolean;
}

@ObjectType({ description: 'A status the review can move to next, who may move it, and what it still needs.' })
export class ReviewNextStep {
  @Field(() => ReviewStatus) to: ReviewStatus;
  @Field(() => [ReviewRole]) roles: ReviewRole[];
  @Field(() => [String]) missing: string[];
}
