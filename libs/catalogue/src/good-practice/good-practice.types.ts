import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { CriterionKey } from './good-practice-document';
import { GoodPractice } from './good-practice.entity';
import { GoodPracticeCriterionKey } from './good-practice.inputs';

@ObjectType()
export class GoodPracticeConnection extends ConnectionType(GoodPractice) {}

@ObjectType({ description: 'One of the six criteria of the ICC template, as the author assessed it (met is null when not assessed).' })
export class GoodPracticeCriterion {
  @Field(() => GoodPracticeCriterionKey)
  key: CriterionKey;
  @Field({ description: 'As the template names it, e.g. "Goal-oriented".' })
  label: string;
  @Field(() => Boolean, { nullable: true })
  met: boolean | null;
  @Field()
  justification: string;
}

@ObjectType({ description: 'A city with published good practices.' })
export class GoodPracticeCityCount {
  @Field({ description: 'As written in (one of) its practices.' })
  city: string;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. NO.' })
  country: string | null;
  @Field(() => Int, { description: 'How many published practices it has.' })
  count: number;
}

@ObjectType({ description: 'A country with published good practices.' })
export class GoodPracticeCountryCount {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. NO.' })
  country: string;
  @Field(() => Int, { description: 'How many published practices it has.' })
  count: number;
}

@ObjectType({ description: 'What the published catalogue can be filtered by (for the filters of a listing).' })
export class GoodPracticeFacets {
  @Field(() => [GoodPracticeCityCount], { description: 'By name.' })
  cities: GoodPracticeCityCount[];
  @Field(() => [GoodPracticeCountryCount], { description: 'By code.' })
  countries: GoodPracticeCountryCount[];
  @Field(() => Int, { nullable: true, description: 'The first year an implementation period names (null when none does).' })
  firstYear: number | null;
  @Field(() => Int, { nullable: true, description: 'The last year covered (an ongoing practice runs to this year).' })
  lastYear: number | null;
}

@ObjectType({
  description:
    "A good practice's texts in one language: its translation where it has one, else its English translation, else the texts as written.",
})
export class GoodPracticeTexts {
  @Field({ description: 'The language of these texts as given (the one asked for, English, or the one the practice is written in).' })
  language: string;
  @Field({ description: 'True when these are the texts as written, not a translation.' })
  original: boolean;
  @Field() title: string;
  @Field(() => String, { nullable: true }) mainPurpose: string | null;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => String, { nullable: true }) stimulus: string | null;
  @Field(() => String, { nullable: true }) process: string | null;
  @Field(() => String, { nullable: true }) impact: string | null;
}
