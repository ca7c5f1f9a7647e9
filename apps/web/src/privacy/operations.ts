import { graphql } from '../graphql/generated';

// Erasure of personal data, for the secretariat (the archives of the right of access are plain downloads).

export const ErasePersonMutation = graphql(`
  mutation ErasePerson($personId: ID!, $reason: String!) {
    erasePerson(personId: $personId, reason: $reason) {
      id
      pseudonym
      publishedReports {
        reviewId
        reviewTitle
        version
        language
      }
    }
  }
`);
