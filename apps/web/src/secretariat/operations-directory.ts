import { graphql } from '../graphql/generated';

// The secretariat's directory (cities, organisations, people and merging them) and its reviews.

/** Where a directory page ends, for the pager. */
export const SecretariatPageInfo = graphql(`
  fragment SecretariatPageInfo on PageInfo {
    endCursor
    hasNextPage
  }
`);

export const SecretariatCityFields = graphql(`
  fragment SecretariatCityFields on City {
    id
    name
    country
    population
    foreignBornShare
    timeZone
    iccMemberSince
    eurocitiesCharterSignatory
    createdAt
  }
`);

export const SecretariatCitiesQuery = graphql(`
  query SecretariatCities($search: String, $first: Int, $after: String) {
    cities(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...SecretariatPageInfo
      }
      nodes {
        ...SecretariatCityFields
      }
    }
  }
`);

export const CreateCityMutation = graphql(`
  mutation SecretariatCreateCity($input: CityInput!) {
    createCity(input: $input) {
      ...SecretariatCityFields
    }
  }
`);

export const UpdateCityMutation = graphql(`
  mutation SecretariatUpdateCity($id: ID!, $input: CityInput!) {
    updateCity(id: $id, input: $input) {
      ...SecretariatCityFields
    }
  }
`);

export const SecretariatOrganisationFields = graphql(`
  fragment SecretariatOrganisationFields on Organisation {
    id
    name
    kind
    country
    city {
      id
      name
    }
  }
`);

export const SecretariatOrganisationsQuery = graphql(`
  query SecretariatOrganisations($search: String, $first: Int, $after: String) {
    organisations(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...SecretariatPageInfo
      }
      nodes {
        ...SecretariatOrganisationFields
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation SecretariatCreateOrganisation($input: OrganisationInput!) {
    createOrganisation(input: $input) {
      ...SecretariatOrganisationFields
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation SecretariatUpdateOrganisation($id: ID!, $input: OrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      ...SecretariatOrganisationFields
    }
  }
`);

export const SecretariatPersonFields = graphql(`
  fragment SecretariatPersonFields on Person {
    id
    fullName
    email
    isAdmin
    locale
    timeZone
    createdAt
    organisation {
      id
      name
    }
    teamRoles {
      reviewId
      reviewTitle
      reviewStatus
      role
    }
  }
`);

export const SecretariatPeopleQuery = graphql(`
  query SecretariatPeople($search: String, $first: Int, $after: String) {
    people(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...SecretariatPageInfo
      }
      nodes {
        ...SecretariatPersonFields
      }
    }
  }
`);

export const CreatePersonMutation = graphql(`
  mutation SecretariatCreatePerson($input: PersonInput!) {
    createPerson(input: $input) {
      ...SecretariatPersonFields
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation SecretariatUpdatePerson($id: ID!, $input: PersonInput!) {
    updatePerson(id: $id, input: $input) {
      ...SecretariatPersonFields
    }
  }
`);

export const MergePeopleMutation = graphql(`
  mutation SecretariatMergePeople($keepId: ID!, $mergeId: ID!) {
    mergePeople(keepId: $keepId, mergeId: $mergeId) {
      id
      mergedEmail
      mergedFullName
      moved {
        what
        count
      }
      keptPerson {
        ...SecretariatPersonFields
      }
    }
  }
`);

export const SecretariatReviewsQuery = graphql(`
  query SecretariatReviews($status: ReviewStatus, $cityId: ID, $first: Int, $after: String) {
    reviews(status: $status, cityId: $cityId, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...SecretariatPageInfo
      }
      nodes {
        id
        title
        kind
        status
        createdAt
        cancellationReason
        hostCity {
          id
          name
          country
        }
        benchmark {
          id
          code
          version
        }
        timeline {
          timeZone
          visitStart {
            local
          }
          visitEnd {
            local
          }
        }
        team {
          id
          role
          person {
            id
            fullName
          }
        }
      }
    }
  }
`);

/** How many reviews there are in each status (one cheap count per status, in one request). */
export const SecretariatReviewCountsQuery = graphql(`
  query SecretariatReviewCounts($cityId: ID) {
    all: reviews(cityId: $cityId, first: 1) {
      totalCount
    }
    draft: reviews(status: DRAFT, cityId: $cityId, first: 1) {
      totalCount
    }
    preparation: reviews(status: PREPARATION, cityId: $cityId, first: 1) {
      totalCount
    }
    selfAssessment: reviews(status: SELF_ASSESSMENT, cityId: $cityId, first: 1) {
      totalCount
    }
    visit: reviews(status: VISIT, cityId: $cityId, first: 1) {
      totalCount
    }
    deliberation: reviews(status: DELIBERATION, cityId: $cityId, first: 1) {
      totalCount
    }
    feedback: reviews(status: FEEDBACK, cityId: $cityId, first: 1) {
      totalCount
    }
    reporting: reviews(status: REPORTING, cityId: $cityId, first: 1) {
      totalCount
    }
    followUp: reviews(status: FOLLOW_UP, cityId: $cityId, first: 1) {
      totalCount
    }
    closed: reviews(status: CLOSED, cityId: $cityId, first: 1) {
      totalCount
    }
    cancelled: reviews(status: CANCELLED, cityId: $cityId, first: 1) {
      totalCount
    }
  }
`);

/** The cities to choose a host from (the network has tens of them, not thousands). */
export const SecretariatCityChoicesQuery = graphql(`
  query SecretariatCityChoices {
    cities(first: 100) {
      nodes {
        id
        name
        country
        timeZone
      }
    }
  }
`);

/** A benchmark version as offered in a choice. */
export const SecretariatBenchmarkChoice = graphql(`
  fragment SecretariatBenchmarkChoice on Benchmark {
    id
    code
    version
    title
  }
`);

export const SecretariatBenchmarkChoicesQuery = graphql(`
  query SecretariatBenchmarkChoices {
    benchmarks(status: PUBLISHED, first: 50) {
      nodes {
        ...SecretariatBenchmarkChoice
      }
    }
  }
`);

export const SecretariatBenchmarkKeyFactorsQuery = graphql(`
  query SecretariatBenchmarkKeyFactors($code: String!, $version: Int) {
    benchmark(code: $code, version: $version) {
      id
      keyFactors {
        id
        number
        code
        heading
      }
    }
  }
`);

/** A review just made, for the notice that links to it. */
export const SecretariatNewReview = graphql(`
  fragment SecretariatNewReview on Review {
    id
    title
    status
    hostCity {
      id
      name
    }
  }
`);

export const CreateReviewMutation = graphql(`
  mutation SecretariatCreateReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      ...SecretariatNewReview
    }
  }
`);

export const StartReviewFromMutation = graphql(`
  mutation SecretariatStartReviewFrom($previousReviewId: ID!, $title: String!, $timeline: TimelineInput) {
    startReviewFrom(previousReviewId: $previousReviewId, title: $title, timeline: $timeline) {
      ...SecretariatNewReview
    }
  }
`);

export const CancelReviewMutation = graphql(`
  mutation SecretariatCancelReview($reviewId: ID!, $reason: String!) {
    cancelReview(reviewId: $reviewId, reason: $reason) {
      id
      status
      cancellationReason
    }
  }
`);

export const InviteLeaderMutation = graphql(`
  mutation SecretariatInviteLeader($reviewId: ID!, $email: String!) {
    addTeamMember(reviewId: $reviewId, input: { email: $email, role: EXPERT_LEADER }) {
      invitedEmail
    }
  }
`);

/** The organisations to choose a person's from. */
export const SecretariatOrganisationChoicesQuery = graphql(`
  query SecretariatOrganisationChoices {
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);
