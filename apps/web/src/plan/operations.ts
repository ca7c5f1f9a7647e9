import { graphql } from '../graphql/generated';

// The development plan (issue 20): the host city edits it, the team and the secretariat read it.

export const PlanActionFields = graphql(`
  fragment PlanActionFields on PlanAction {
    id
    description
    owner
    responsibleId
    responsible {
      id
      fullName
    }
    startsOn
    dueOn
    term
    status
    dropReason
    progress
    weight
    version
    updatedAt
    history {
      id
      changedAt
      changes
      note
      status
      progress
      changedBy {
        fullName
      }
      document {
        id
        title
      }
    }
  }
`);

/** An Index recommendation with its actions, in a review's plan or the city's own. */
export const ExternalRecommendationPlanFields = graphql(`
  fragment ExternalRecommendationPlanFields on ExternalRecommendationPlan {
    progress
    recommendation {
      id
      source
      about
      text
    }
    actions {
      ...PlanActionFields
    }
  }
`);

export const DevelopmentPlanQuery = graphql(`
  query DevelopmentPlan($reviewId: ID!, $language: String) {
    developmentPlan(reviewId: $reviewId, language: $language) {
      reviewId
      progress
      canEdit
      today
      progressHistory {
        date
        progress
      }
      recommendations {
        progress
        recommendation {
          id
          text
          hostResponse
          priority
        }
        actions {
          ...PlanActionFields
        }
      }
      externalRecommendations {
        ...ExternalRecommendationPlanFields
      }
    }
  }
`);

/** The city's own plan, without a review: its Index recommendations (shown on the Index assessment page). */
export const CityDevelopmentPlanQuery = graphql(`
  query CityDevelopmentPlan($cityId: ID!, $language: String) {
    cityDevelopmentPlan(cityId: $cityId, language: $language) {
      cityId
      progress
      canEdit
      today
      people {
        id
        fullName
      }
      externalRecommendations {
        ...ExternalRecommendationPlanFields
      }
    }
  }
`);

/** Who may be responsible: the host city's people on the review. */
export const PlanPeopleQuery = graphql(`
  query PlanPeople($reviewId: ID!) {
    review(id: $reviewId) {
      id
      title
      status
      team {
        id
        role
        removedAt
        person {
          id
          fullName
        }
      }
    }
  }
`);

export const AddPlanActionMutation = graphql(`
  mutation AddPlanAction($recommendationId: ID!, $input: PlanActionInput!, $reviewId: ID) {
    addPlanAction(recommendationId: $recommendationId, input: $input, reviewId: $reviewId) {
      ...PlanActionFields
    }
  }
`);

export const UpdatePlanActionMutation = graphql(`
  mutation UpdatePlanAction($actionId: ID!, $input: PlanActionInput!) {
    updatePlanAction(actionId: $actionId, input: $input) {
      ...PlanActionFields
    }
  }
`);
