import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '@peervisit/platform';
import { CRITERIA_KEYS, CriterionKey } from './good-practice-document';
import { GoodPracticeStatus } from './good-practice.entity';

/** The six criteria of the ICC template, as a GraphQL enum (values are the document's keys). */
export const GoodPracticeCriterionKey = Object.fromEntries(CRITERIA_KEYS.map((k) => [k, k])) as { [K in CriterionKey]: K };
registerEnumType(GoodPracticeCriterionKey, {
  name: 'GoodPracticeCriterionKey',
  description: 'The six criteria of a good practice in the ICC template.',
});

// Required fields are nullable here on purpose: the service lists every missing one at once
// (BAD_USER_INPUT with extensions.problems) instead of GraphQL refusing at the first.

@InputType()
export class GoodPracticeContactInput {
  @Field(() => String, { nullable: true })
  city?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. NO.' })
  country?: string | null;
  @Field(() => String, { nullable: true })
  department?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  completedOn?: string | null;
  @Field(() => String, { nullable: true })
  contactPerson?: string | null;
}

@InputType()
export class GoodPracticeActionInput {
  @Field(() => String, { nullable: true })
  title?: string | null;
  @Field(() => String, { nullable: true, description: 'ICC field-of-action code, e.g. "1" or "3a".' })
  mainFieldOfAction?: string | null;
  @Field(() => [String], { nullable: true, description: 'ICC field-of-action codes.' })
  furtherFieldsOfAction?: string[] | null;
  @Field(() => String, { nullable: true })
  mainPurpose?: string | null;
  @Field(() => String, { nullable: true, description: 'As you would write it, e.g. "2016-" or "From September 2014 to May 2015".' })
  implementationPeriod?: string | null;
}

@InputType()
export class KeyReferenceDocumentInput {
  @Field(() => String, { nullable: true })
  title?: string | null;
  @Field(() => String, { nullable: true })
  url?: string | null;
}

@InputType()
export class GoodPracticeDescriptionInput {
  @Field(() => String, { nullable: true })
  purpose?: string | null;
  @Field(() => String, { nullable: true, description: 'Stimulus/Rationale.' })
  stimulus?: string | null;
  @Field(() => String, { nullable: true })
  process?: string | null;
  @Field(() => String, { nullable: true })
  impact?: string | null;
  @Field(() => [KeyReferenceDocumentInput], { nullable: true })
  keyReferenceDocuments?: KeyReferenceDocumentInput[] | null;
}

@InputType()
export class GoodPracticeCriterionInput {
  @Field(() => GoodPracticeCriterionKey)
  key: CriterionKey;
  @Field()
  met: boolean;
  @Field(() => String, { nullable: true })
  justification?: string | null;
}

@InputType({ description: 'A good practice in the ICC template; an update replaces every field with these.' })
export class GoodPracticeInput {
  @Field(() => String, { nullable: true, description: 'The language it is written in: en, fr or de (the author’s language when omitted).' })
  language?: string | null;
  @Field(() => GoodPracticeContactInput, { nullable: true })
  contact?: GoodPracticeContactInput | null;
  @Field(() => GoodPracticeActionInput, { nullable: true })
  action?: GoodPracticeActionInput | null;
  @Field(() => GoodPracticeDescriptionInput, { nullable: true })
  description?: GoodPracticeDescriptionInput | null;
  @Field(() => [GoodPracticeCriterionInput], { nullable: true, description: 'The criteria you assessed (each at most once).' })
  criteria?: GoodPracticeCriterionInput[] | null;
}

@ArgsType()
export class GoodPracticesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'ICC field-of-action code; a field also matches its sub-fields ("3" matches "3a").' })
  fieldOfAction?: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  country?: string;
  @Field(() => String, { nullable: true, description: 'City name (any case).' })
  city?: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Practices whose implementation period includes this year (an open-ended one runs to today).',
  })
  year?: number;
  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the title, main purpose and description (web-search syntax: "quoted phrase", or, -word).',
  })
  search?: string;
  @Field(() => GoodPracticeStatus, {
    nullable: true,
    description:
      'Default PUBLISHED (public: no sign-in needed). DRAFT or SUBMITTED: every one for admins, your own for everyone else signed in (UNAUTHENTICATED signed out).',
  })
  status?: GoodPracticeStatus;
  @Field(() => [GoodPracticeCriterionKey], {
    nullable: true,
    description: 'Criteria of the ICC template that must all be met (as the author assessed them).',
  })
  criteria?: CriterionKey[];
}

@InputType({ description: 'A translation of a good practice: the texts given are set, an empty one removes that text’s translation.' })
export class GoodPracticeTranslationInput {
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) mainPurpose?: string;
  @Field({ nullable: true }) purpose?: string;
  @Field({ nullable: true }) stimulus?: string;
  @Field({ nullable: true }) process?: string;
  @Field({ nullable: true }) impact?: string;
}
