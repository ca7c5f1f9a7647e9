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
