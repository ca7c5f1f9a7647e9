import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NameReason, NameStatus } from '@peervisit/review';

const NAME_STATUS: Record<NameStatus, NameStatus> = { WITHHELD: 'WITHHELD', STANDING: 'STANDING' };
registerEnumType(NAME_STATUS, {
  name: 'NameStatus',
  description: 'WITHHELD (the host city reads [name withheld]) or STANDING (the name is printed).',
});
const NAME_REASON: Record<NameReason, NameReason> = {
  NOT_CONSENTED: 'NOT_CONSENTED',
  CONSENTED: 'CONSENTED',
  TEAM_MEMBER: 'TEAM_MEMBER',
  ORDINARY_WORD: 'ORDINARY_WORD',
  NEAR_MATCH: 'NEAR_MATCH',
};
registerEnumType(NAME_REASON, {
  name: 'NameReason',
  description:
    'NOT_CONSENTED (withheld); CONSENTED or TEAM_MEMBER (may be named); ORDINARY_WORD (a name part that is also a word, left at the start of a sentence); NEAR_MATCH (one or two letters from a withheld name: a typo?).',
});

@ObjectType('ReportNamePlace', { description: 'A place in the report where a name was withheld or may still stand.' })
export class ReportNamePlaceType {
  @Field({ description: 'Where, for a person: "Key factor 02, conclusion: summary", "Recommendation R1: text".' }) where: string;
  @Field({ description: 'The path in the report model.' }) field: string;
  @Field({ description: 'The words as the team wrote them.' }) found: string;
  @Field({ description: 'Whose name it is, or resembles.' }) name: string;
  @Field(() => NAME_STATUS) status: NameStatus;
  @Field(() => NAME_REASON) reason: NameReason;
  @Field({ description: 'The text around it, as the host city will read it.' }) excerpt: string;
}

@ObjectType({ description: "The expert leader's check of the names in a report version, before publishing it." })
export class ReportNameCheck {
  @Field(() => ID) reportId: string;
  @Field(() => Int) version: number;
  @Field({
    description: "The review's data still gives this version's content hash (otherwise the places are those a new version would show).",
  })
  upToDate: boolean;
  @Field(() => [ReportNamePlaceType]) places: ReportNamePlaceType[];
}
