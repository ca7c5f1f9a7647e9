import { Extensions, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IDS_CHECKED_BY_SERVICE } from '@peervisit/platform';
import { PlanActionStatus, PlanActionTerm } from './plan-action.entity';

/**
 * An action of the development plan. Adding needs description, owner, responsibleId, startsOn, dueOn
 * and term; changing merges only the fields given. Every change is kept (PlanActionChange), with the
 * note and document given here.
 */
@InputType({
  description:
    'An action of the development plan: adding needs every field but status, progress and weight; changing merges the fields given.',
})
export class PlanActionInput {
  @Field(() => String, { nullable: true, description: 'What will be done (at most 2000 characters).' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'The department or organisation that owns it.' }) owner?: string | null;
  // Checked by PlanService with the input's other problems (every problem at once).
  @Field(() => ID, { nullable: true, description: 'The person responsible: a host coordinator or contributor of the review.' })
  @Extensions({ [IDS_CHECKED_BY_SERVICE]: true })
  responsibleId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startsOn.' }) dueOn?: string | null;
  @Field(() => PlanActionTerm, { nullable: true }) term?: PlanActionTerm | null;
  @Field(() => PlanActionStatus, { nullable: true, description: 'PLANNED when added; DROPPED needs dropReason.' })
  status?: PlanActionStatus | null;
  @Field(() => String, { nullable: true, description: 'Why the action is dropped (with status DROPPED only).' }) dropReason?: string | null;
  @Field(() => Int, { nullable: true, description: '0 to 100; a done action is at 100.' }) progress?: number | null;
  @Field(() => Int, { nullable: true, description: "Weight in the recommendation's progress, 1 to 100 (default 1)." }) weight?:
    number | null;
  @Field(() => String, { nullable: true, description: 'What the change is about, kept in the history.' }) note?: string | null;
  // Checked by PlanService with the input's other problems (every problem at once).
  @Field(() => ID, {
    nullable: true,
    description: 'A document of the review the change rests on (upload it first: POST /reviews/{reviewId}/documents).',
  })
  @Extensions({ [IDS_CHECKED_BY_SERVICE]: true })
  documentId?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version the change is based on; an older one is refused (CONFLICT).' })
  expectedVersion?: number | null;
}
