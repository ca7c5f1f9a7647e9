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
