import { Field, ObjectType } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { VisitSession } from './visit-session.entity';

@ObjectType()
export class ProgrammeDay {
  @Field({ description: 'The day in the host city, YYYY-MM-DD.' }) date: string;
  @Field(() => [VisitSession]) sessions: VisitSession[];
}

@ObjectType()
export class VisitProgramme {
  @Field() timeZone: string;
  @Field(() => [ProgrammeDay], { description: 'Sessions by day, in time order (cancelled ones left out).' }) days: ProgrammeDay[];
  @Field(() => [KeyFactor], { description: 'Key factors in scope that no session covers yet.' }) uncoveredKeyFactors: KeyFactor[];
}
