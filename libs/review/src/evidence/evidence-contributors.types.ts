import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How many items one person logged on one key factor (retracted ones left out).' })
export class KeyFactorContributor {
  @Field(() => ID) keyFactorId: string;
  @Field(() => ID) personId: string;
  @Field(() => Int) items: number;
}
