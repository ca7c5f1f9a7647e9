import { Resolver } from '@nestjs/graphql';
import { Recommendation } from './recommendation.entity';

@Resolver(() => Recommendation)
export class RecommendationResolver {}
