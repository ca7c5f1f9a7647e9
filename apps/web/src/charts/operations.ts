import { graphql } from '../graphql/generated';

export const CityRatingsQuery = graphql(`
  query CityRatings($cityId: ID!) {
    cityRatings(cityId: $cityId) {
      keyFactorCode
      heading
      points {
        agreedAt
        rating
        selfRating
        review {
          id
          title
        }
      }
    }
  }
`);

/** The network's distribution per key factor, with this review's city marked (given only where 5 cities or more rated). */
export const NetworkDistributionQuery = graphql(`
  query NetworkDistribution($reviewId: ID!) {
    networkDistribution(reviewId: $reviewId) {
      minCities
      unavailableReason
      keyFactors {
        keyFactor {
          id
          code
          heading
        }
        cities
        ratings {
          rating
          count
        }
        cityRating
      }
      withheldKeyFactors {
        id
        code
      }
    }
    review(id: $reviewId) {
      id
      hostCity {
        id
        name
      }
      benchmark {
        id
        ratingScale {
          value
          label
        }
      }
    }
  }
`);

/** The city's own rating and the team's per key factor, as the host city may read them (from the feedback session on). */
export const ReviewRatingsQuery = graphql(`
  query ReviewRatings($reviewId: ID!) {
    review(id: $reviewId) {
      id
      benchmark {
        id
        ratingScale {
          value
          label
        }
      }
      keyFactorsInScope {
        id
        code
        heading
      }
      selfAssessment {
        id
        keyFactorId
        rating
      }
    }
    reviewConclusions(reviewId: $reviewId) {
      id
      keyFactorId
      status
      rating
    }
  }
`);

/** Evidence per key factor by type of source, counts only: the team's, and the host city's once the findings are shared. */
export const EvidenceCountsQuery = graphql(`
  query EvidenceCounts($reviewId: ID!) {
    evidenceCoverage(reviewId: $reviewId) {
      keyFactors {
        total
        keyFactor {
          ...KeyFactorFields
        }
        bySource {
          source
          count
        }
      }
    }
  }
`);
