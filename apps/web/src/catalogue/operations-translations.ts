import { graphql } from '../graphql/generated';

// Translating a good practice (issue 19): the network secretariat's form on the practice's page.

/** The stored translations (language → field → text), read from the practice's JSON document. */
export const PracticeTranslationsQuery = graphql(`
  query PracticeTranslations($id: ID!) {
    goodPracticeExport(id: $id)
    goodPractice(id: $id) {
      id
      version
    }
  }
`);

export const TranslatePracticeMutation = graphql(`
  mutation TranslatePractice($id: ID!, $language: String!, $texts: GoodPracticeTranslationInput!, $expectedVersion: Int!) {
    translateGoodPractice(id: $id, language: $language, texts: $texts, expectedVersion: $expectedVersion) {
      id
      version
      translatedLanguages
    }
  }
`);
