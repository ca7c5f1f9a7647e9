import { Field, ObjectType } from '@nestjs/graphql';
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
