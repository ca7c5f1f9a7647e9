import { graphql } from './generated';

// Field lists several capabilities read alike (the team's screens and the host city's): one fragment each.

/** A key factor as lists and headings name it. */
export const KeyFactorFields = graphql(`
  fragment KeyFactorFields on KeyFactor {
    id
    code
    heading
  }
`);

export const GuideQuestionFields = graphql(`
  fragment GuideQuestionFields on GuideQuestion {
    id
    position
    text
  }
`);

/** The review's rating scale, value and label of each level. */
export const RatingScaleFields = graphql(`
  fragment RatingScaleFields on Benchmark {
    id
    ratingScale {
      value
      label
    }
  }
`);

export const TeamMemberFields = graphql(`
  fragment TeamMemberFields on TeamMember {
    id
    role
    person {
      id
      fullName
    }
  }
`);

export const StakeholderFields = graphql(`
  fragment StakeholderFields on Stakeholder {
    id
    name
    position
    category
    consentToBeNamed
    consentToBeQuoted
    consentToBeContacted
  }
`);

/** A session of the visit programme: when, where, which key factors, who takes which part, whom it meets. */
export const VisitSessionFields = graphql(`
  fragment VisitSessionFields on VisitSession {
    id
    kind
    title
    location
    keyFactorIds
    start {
      local
    }
    end {
      local
    }
    assignments {
      id
      part
      personId
    }
    stakeholders {
      id
    }
  }
`);

/** A self-assessment entry's return to the city, with the reason. */
export const SentBackFields = graphql(`
  fragment SentBackFields on SelfAssessmentReturn {
    id
    reason
    sentAt
    entryVersion
  }
`);

/** What the city wrote for one key factor, as the team reads it and the city edits it. */
export const SelfAssessmentEntryFields = graphql(`
  fragment SelfAssessmentEntryFields on SelfAssessmentEntry {
    id
    keyFactorId
    answers {
      guideQuestionId
      answer
    }
    rating
    narrative
    status
    version
    updatedAt
    sentBack {
      ...SentBackFields
    }
  }
`);
