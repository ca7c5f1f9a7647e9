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
    $language: String
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
        language
        city
        country
        implementationPeriod
        teaser
        # The reader's language where translated (the list shows its title and the start of its text).
        translation(language: $language) {
          language
          original
          title
          mainPurpose
          purpose
          impact
        }
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

/** A practice's texts in one language (its translation, else English, else as written), saying which. */
export const PracticeTextsFields = graphql(`
  fragment PracticeTextsFields on GoodPracticeTexts {
    language
    original
    title
    mainPurpose
    purpose
    stimulus
    process
    impact
  }
`);

export const CataloguePracticeQuery = graphql(`
  query CataloguePractice($id: ID!, $language: String) {
    goodPractice(id: $id) {
      id
      version
      status
      language
      translatedLanguages
      translation(language: $language) {
        ...PracticeTextsFields
      }
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
