import { ArgsType, Extensions, Field, ID, InputType } from '@nestjs/graphql';
import { StakeholderCategory } from '@peervisit/directory/entities';
import { IDS_CHECKED_BY_SERVICE, PageArgs } from '@peervisit/platform';
import { EvidenceSource, EvidenceStance } from './evidence.entity';

// Its ids are checked by EvidenceService with the rest of the item (not refused for the whole request), so a batch answers per item.
const CHECKED_PER_ITEM = { [IDS_CHECKED_BY_SERVICE]: true };

@InputType({ description: 'One piece of evidence. The client generates the id (a UUID) so a retry or an offline sync never doubles it.' })
export class EvidenceInput {
  @Field(() => ID) @Extensions(CHECKED_PER_ITEM) id: string;
  @Field(() => EvidenceSource) source: EvidenceSource;
  @Field(() => ID, { nullable: true, description: 'The interview, focus group or site visit it came from.' })
  @Extensions(CHECKED_PER_ITEM)
  sessionId?: string;
  @Field(() => ID, { nullable: true, description: 'The document it came from (source DOCUMENT).' })
  @Extensions(CHECKED_PER_ITEM)
  documentId?: string;
  @Field(() => StakeholderCategory, { nullable: true }) stakeholderCategory?: StakeholderCategory;
  @Field(() => [ID]) @Extensions(CHECKED_PER_ITEM) keyFactorIds: string[];
  @Field() statement: string;
  @Field({ nullable: true }) quote?: string;
  @Field(() => ID, { nullable: true, description: 'The stakeholder the quote is from (of the host city or met in the review).' })
  @Extensions(CHECKED_PER_ITEM)
  quotedStakeholderId?: string;
  @Field({
    nullable: true,
    description: 'The paraphrase shown instead of the quote when the person quoted has not agreed to be quoted. Accepted later too.',
  })
  paraphrase?: string;
  @Field(() => EvidenceStance) stance: EvidenceStance;
  @Field({ nullable: true, description: 'When it was heard or seen (ISO instant); defaults to now.' }) observedAt?: string;
}

@InputType({ description: 'The fields to change; the others stay.' })
export class EvidencePatch {
  @Field(() => StakeholderCategory, { nullable: true }) stakeholderCategory?: StakeholderCategory;
  @Field(() => [ID], { nullable: true }) keyFactorIds?: string[];
  @Field({ nullable: true }) statement?: string;
  @Field(() => String, { nullable: true, description: 'An empty string removes the quote.' }) quote?: string;
  @Field(() => ID, { nullable: true, description: 'The stakeholder quoted; null removes the link.' })
  quotedStakeholderId?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string removes the paraphrase.' }) paraphrase?: string;
  @Field(() => EvidenceStance, { nullable: true }) stance?: EvidenceStance;
}

@ArgsType()
export class EvidenceListArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) keyFactorId?: string;
  @Field(() => ID, { nullable: true }) sessionId?: string;
  @Field(() => EvidenceSource, { nullable: true }) source?: EvidenceSource;
  @Field(() => EvidenceStance, { nullable: true }) stance?: EvidenceStance;
  @Field(() => ID, { nullable: true }) loggedById?: string;
  @Field(() => StakeholderCategory, { nullable: true, description: 'Only the items attributed to this category of stakeholder.' })
  stakeholderCategory?: StakeholderCategory;
  @Field({ nullable: true, description: 'Words to find in statements and quotes (web-search syntax: "exact phrase", -not, or).' })
  search?: string;
  @Field({ nullable: true, defaultValue: false }) includeRetracted?: boolean;
}
