import { Field, Float, ObjectType } from '@nestjs/graphql';
import { GoodPractice } from '@peervisit/catalogue/entities';

@ObjectType({ description: 'A published good practice suggested for a recommendation, with the reasons.' })
export class GoodPracticeSuggestion {
  @Field(() => GoodPractice)
  goodPractice: GoodPractice;

  @Field(() => Float, { description: 'Text similarity plus the field-of-action boost; higher is closer.' })
  score: number;

  @Field(() => [String], { description: 'Why it is suggested, e.g. \'shares the words "diversity", "statement"\'.' })
  why: string[];
}
