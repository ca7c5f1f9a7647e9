import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { ConnectionType } from '@peervisit/platform';
import { Evidence, EvidenceSource, EvidenceStance } from './evidence.entity';
import { LogOutcome } from './evidence.service';

registerEnumType(LogOutcome, {
  name: 'EvidenceLogOutcome',
  description: 'CREATED, ALREADY_THERE (same id, same content), CONFLICT (same id, other content), INVALID.',
});

@ObjectType()
export class EvidenceConnection extends ConnectionType(Evidence) {}

@ObjectType()
export class InputProblem {
  @Field() path: string;
  @Field() message: string;
}

@ObjectType()
export class EvidenceLogResult {
  @Field(() => ID) id: string;
  @Field(() => LogOutcome) outcome: LogOutcome;
  @Field(() => Evidence, { nullable: true }) evidence: Evidence | null;
  @Field(() => String, { nullable: true, description: 'Why it was refused.' }) message: string | null;
  @Field(() => [InputProblem]) problems: InputProblem[];
}

@ObjectType()
export class SourceCount {
  @Field(() => EvidenceSource) source: EvidenceSource;
  @Field(() => Int) count: number;
}

@ObjectType()
export class StanceCount {
  @Field(() => EvidenceStance) stance: EvidenceStance;
  @Field(() => Int) count: number;
}

@ObjectType()
export class KeyFactorEvidenceCoverage {
  @Field(() => KeyFactor) keyFactor: KeyFactor;
  @Field(() => Int) total: number;
  @Field(() => [SourceCount]) bySource: SourceCount[];
  @Field(() => [StanceCount]) byStance: StanceCount[];
  @Field({ description: 'No interview or focus-group evidence yet.' }) lacksInterviewOrFocusGroup: boolean;
}

@ObjectType({ description: "The expert leader's board during the visit." })
export class EvidenceCoverage {
  @Field(() => [KeyFactorEvidenceCoverage]) keyFactors: KeyFactorEvidenceCoverage[];
  @Field(() => [KeyFactor], { description: 'Key factors in scope with no interview or focus-group evidence yet.' })
  lackingInterviewOrFocusGroup: KeyFactor[];
}
