import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { CurrentUser, GraphqlContext } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { loadNetworkDistribution } from './network-distribution';
import { NetworkDistribution, NetworkDistributionUnavailable } from './network-distribution.types';

/** The network's distribution per key factor for a review's readers (the rule is in network-distribution.ts). */
@Injectable()
export class NetworkDistributionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  /** Whoever reads the review's findings (the team always, the host city and observers from the feedback session on). */
  async forReview(user: CurrentUser, reviewId: string, ctx?: Pick<GraphqlContext, 'loaders'>): Promise<NetworkDistribution> {
    await this.access.requireFindingsRead(user, reviewId, ctx);
    const data = await loadNetworkDistribution(this.dataSource.manager, reviewId);
    const ids = [...data.shown, ...data.withheld].map((k) => k.keyFactorId);
    const keyFactors = ids.length ? await this.dataSource.getRepository(KeyFactor).findBy({ id: In(ids) }) : [];
    const keyFactor = (id: string) => keyFactors.find((k) => k.id === id)!;
    return {
      minCities: data.minCities,
      keyFactors: data.shown.length
        ? data.shown.map((k) => ({ keyFactor: keyFactor(k.keyFactorId), cities: k.cities, ratings: k.ratings, cityRating: k.cityRating }))
        : null,
      unavailableReason: data.shown.length ? null : NetworkDistributionUnavailable.TOO_FEW_CITIES,
      withheldKeyFactors: data.withheld.map((k) => keyFactor(k.keyFactorId)),
    };
  }
}
