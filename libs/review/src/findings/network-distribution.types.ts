import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { RatingCount } from './findings.types';

export enum NetworkDistributionUnavailable {
  /** No key factor in scope has comparable ratings from enough cities. */
  TOO_FEW_CITIES = 'TOO_FEW_CITIES',
}
registerEnumType(NetworkDistributionUnavailable, {
  name: 'NetworkDistributionUnavailable',
  description: 'Why the network distribution is not given.',
});

@ObjectType({ description: 'How the network rated one key factor (counts of cities per rating), with this city’s own rating.' })
export class KeyFactorDistribution {
  @Field(() => KeyFactor, { description: "The key factor in this review's benchmark." }) keyFactor: KeyFactor;
  @Field(() => Int, { description: 'Cities with a comparable agreed rating, this one included.' }) cities: number;
  @Field(() => [RatingCount], { description: 'How many cities got each rating, lowest first (ratings nobody got left out).' })
  ratings: RatingCount[];
  @Field(() => Int, { nullable: true, description: "This review's agreed rating (the city marked on the chart)." })
  cityRating: number | null;
}

@ObjectType({
  description:
    "The network's distribution of agreed ratings per key factor, with this city marked: given for a key factor only when at least minCities cities have a comparable rating, so that no city can be recognised.",
})
export class NetworkDistribution {
  @Field(() => Int) minCities: number;
  @Field(() => [KeyFactorDistribution], { nullable: true, description: 'The key factors with enough cities; null when none has.' })
  keyFactors: KeyFactorDistribution[] | null;
  @Field(() => NetworkDistributionUnavailable, { nullable: true, description: 'Why keyFactors is null.' })
  unavailableReason: NetworkDistributionUnavailable | null;
  @Field(() => [KeyFactor], { description: 'Key factors in scope withheld: fewer than minCities cities rated them.' })
  withheldKeyFactors: KeyFactor[];
}
