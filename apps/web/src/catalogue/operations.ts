import { graphql } from '../graphql/generated';

// The public good-practice catalogue (issue 18): every query here works without signing in.

/** A field of action with its sub-fields: the catalogue's filter, and the choice when drafting a practice. */
export const FieldOfActionFields = graphql(`
  fragment FieldOfActionFields on FieldOfAction {
    id
    code
    title
    subFields {
      id
      code
      title
    }
  }
`);

export const CatalogueFiltersQuery = graphql(`
  query CatalogueFilters {
    fieldsOfAction {
      ...FieldOfActionFields
    }
    goodPracticeFacets {
      cities {
        city
        country
        count
      }
      countries {
        country
        count
      }
      firstYear
      lastYear
    }
  }
`);

export const CataloguePracticesQuery = graphql(`
  query CataloguePractices(
    $search: String
    $fieldOfAction: String
    $country: String
    $city: String
    $year: Int
    $criteria: [GoodPracticeCriterionKey!]
    $first: Int
    $after: String
  ) {
    goodPractices(
      search: $search
      fieldOfAction: $fieldOfAction
      country: $country
      city: $city
      year: $year
      criteria: $criteria
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        city
        country
        implementationPeriod
        teaser
        fieldsOfAction {
          id
          code
          title
        }
        criteria {
          key
          met
        }
      }
    }
  }
`);

export const CataloguePracticeQuery = graphql(`
  query CataloguePractice($id: ID!) {
    goodPractice(id: $id) {
      id
      status
      city
      country
      department
      completedOn
      contactPerson
      title
      mainFieldOfAction {
        id
        code
        title
      }
      furtherFieldsOfAction {
        id
        code
        title
      }
      mainPurpose
      implementationPeriod
      purpose
      stimulus
      process
      impact
      keyReferenceDocuments {
        title
        url
      }
      criteria {
        key
        label
        met
        justification
      }
      publishedAt
    }
  }
`);
