/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CityRatings($cityId: ID!) {\n    cityRatings(cityId: $cityId) {\n      keyFactorCode\n      heading\n      points {\n        agreedAt\n        rating\n        selfRating\n        review {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.CityRatingsDocument,
    "\n  fragment ConclusionFields on Conclusion {\n    id\n    keyFactorId\n    status\n    rating\n    summary\n    strengths\n    areasToDevelop\n    evidenceIds\n    version\n    updatedAt\n    agreedAt\n    updatedBy {\n      id\n      fullName\n    }\n  }\n": typeof types.ConclusionFieldsFragmentDoc,
    "\n  fragment FindingsReviewFields on Review {\n    id\n    title\n    status\n    myRoles\n    hostCity {\n      id\n      name\n    }\n    keyFactorsInScope {\n      number\n      ...LeaderKeyFactorFields\n    }\n  }\n": typeof types.FindingsReviewFieldsFragmentDoc,
    "\n  query Findings($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n          description\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        rating\n      }\n    }\n    reviewConclusions(reviewId: $reviewId) {\n      ...ConclusionFields\n    }\n    conclusionRigour(reviewId: $reviewId) {\n      conclusion {\n        id\n        keyFactorId\n      }\n      issues {\n        code\n        message\n      }\n    }\n  }\n": typeof types.FindingsDocument,
    "\n  query KeyFactorEvidence($reviewId: ID!, $keyFactorId: ID!) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, first: 100) {\n      totalCount\n      nodes {\n        id\n        statement\n        quote\n        stance\n        source\n        stakeholderCategory\n      }\n    }\n  }\n": typeof types.KeyFactorEvidenceDocument,
    "\n  query DraftRigour($reviewId: ID!, $rating: Int, $evidenceIds: [ID!]!) {\n    draftConclusionRigour(reviewId: $reviewId, rating: $rating, evidenceIds: $evidenceIds) {\n      code\n      message\n    }\n  }\n": typeof types.DraftRigourDocument,
    "\n  mutation SaveConclusion($reviewId: ID!, $keyFactorId: ID!, $input: ConclusionInput!, $expectedVersion: Int) {\n    saveConclusion(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n": typeof types.SaveConclusionDocument,
    "\n  mutation AgreeConclusion($conclusionId: ID!, $expectedVersion: Int!) {\n    agreeConclusion(conclusionId: $conclusionId, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n": typeof types.AgreeConclusionDocument,
    "\n  mutation ReopenConclusion($conclusionId: ID!, $reason: String!) {\n    reopenConclusion(conclusionId: $conclusionId, reason: $reason) {\n      ...ConclusionFields\n    }\n  }\n": typeof types.ReopenConclusionDocument,
    "\n  fragment RecommendationFields on Recommendation {\n    id\n    text\n    priority\n    horizon\n    suggestedOwner\n    keyFactorIds\n    withdrawnAt\n    linkedGoodPractices {\n      id\n      title\n      city\n      country\n    }\n  }\n": typeof types.RecommendationFieldsFragmentDoc,
    "\n  query Recommendations($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n    }\n    reviewRecommendations(reviewId: $reviewId) {\n      ...RecommendationFields\n    }\n  }\n": typeof types.RecommendationsDocument,
    "\n  mutation AddRecommendation($reviewId: ID!, $input: RecommendationInput!) {\n    addRecommendation(reviewId: $reviewId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n": typeof types.AddRecommendationDocument,
    "\n  mutation UpdateRecommendation($recommendationId: ID!, $input: RecommendationInput!) {\n    updateRecommendation(recommendationId: $recommendationId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n": typeof types.UpdateRecommendationDocument,
    "\n  query SuggestGoodPractices($recommendationId: ID!) {\n    suggestGoodPractices(recommendationId: $recommendationId, first: 5) {\n      score\n      why\n      goodPractice {\n        id\n        title\n        city\n        country\n      }\n    }\n  }\n": typeof types.SuggestGoodPracticesDocument,
    "\n  mutation LinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    linkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n": typeof types.LinkGoodPracticeDocument,
    "\n  mutation UnlinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    unlinkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n": typeof types.UnlinkGoodPracticeDocument,
    "\n  fragment PersonFields on Person {\n    id\n    email\n    fullName\n    locale\n    timeZone\n    isAdmin\n    optionalRemindersOff\n  }\n": typeof types.PersonFieldsFragmentDoc,
    "\n  fragment SessionFields on SignInPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n    person {\n      ...PersonFields\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String) {\n    signOut(refreshToken: $refreshToken)\n  }\n": typeof types.SignOutDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      userAgent\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      ...SessionFields\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $fullName: String, $timeZone: String, $locale: String) {\n    acceptInvitation(token: $token, password: $password, fullName: $fullName, timeZone: $timeZone, locale: $locale) {\n      accessToken\n      expiresAt\n      refreshToken\n      refreshExpiresAt\n      person {\n        ...PersonFields\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Me {\n    me {\n      ...PersonFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SetMyOptionalReminders($enabled: Boolean!) {\n    setMyOptionalReminders(enabled: $enabled) {\n      ...PersonFields\n    }\n  }\n": typeof types.SetMyOptionalRemindersDocument,
    "\n  query MyReviews {\n    reviews(first: 50) {\n      nodes {\n        id\n        title\n        status\n        kind\n        myRoles\n        hostCity {\n          id\n          name\n          country\n        }\n        timeline {\n          visitStart {\n            local\n          }\n          visitEnd {\n            local\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyReviewsDocument,
    "\n  fragment EvidenceFields on Evidence {\n    id\n    reviewId\n    statement\n    quote\n    stance\n    source\n    sessionId\n    stakeholderCategory\n    keyFactorIds\n    loggedById\n    observedAt\n    recordedAt\n    revision\n    retractedAt\n    retractionReason\n  }\n": typeof types.EvidenceFieldsFragmentDoc,
    "\n  query Notebook($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      status\n      myRoles\n      hostCity {\n        id\n        name\n      }\n      keyFactorsInScope {\n        id\n        number\n        code\n        heading\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          kind\n          location\n          keyFactorIds\n          start {\n            local\n          }\n          end {\n            local\n          }\n          assignments {\n            personId\n            part\n          }\n        }\n      }\n    }\n  }\n": typeof types.NotebookDocument,
    "\n  query ReviewEvidence($reviewId: ID!, $search: String, $loggedById: ID, $first: Int) {\n    reviewEvidence(reviewId: $reviewId, search: $search, loggedById: $loggedById, first: $first, includeRetracted: true) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n      }\n    }\n  }\n": typeof types.ReviewEvidenceDocument,
    "\n  mutation LogEvidenceBatch($reviewId: ID!, $items: [EvidenceInput!]!) {\n    logEvidenceBatch(reviewId: $reviewId, items: $items) {\n      id\n      outcome\n      message\n      problems {\n        path\n        message\n      }\n      evidence {\n        ...EvidenceFields\n      }\n    }\n  }\n": typeof types.LogEvidenceBatchDocument,
    "\n  mutation EditEvidence($evidenceId: ID!, $expectedRevision: Int, $patch: EvidencePatch!) {\n    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: $patch) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.EditEvidenceDocument,
    "\n  mutation RetractEvidence($evidenceId: ID!, $reason: String!) {\n    retractEvidence(evidenceId: $evidenceId, reason: $reason) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.RetractEvidenceDocument,
    "\n  query Coverage($reviewId: ID!) {\n    reviewEvidence(reviewId: $reviewId, first: 1) {\n      totalCount\n    }\n    evidenceCoverage(reviewId: $reviewId) {\n      keyFactors {\n        total\n        lacksInterviewOrFocusGroup\n        keyFactor {\n          id\n          code\n          heading\n        }\n        bySource {\n          source\n          count\n        }\n        byStance {\n          stance\n          count\n        }\n      }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  subscription EvidenceChanged($reviewId: ID!) {\n    evidenceChanged(reviewId: $reviewId) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.EvidenceChangedDocument,
    "\n  fragment LeaderKeyFactorFields on KeyFactor {\n    id\n    code\n    heading\n  }\n": typeof types.LeaderKeyFactorFieldsFragmentDoc,
    "\n  fragment LeaderMemberFields on TeamMember {\n    id\n    role\n    person {\n      id\n      fullName\n    }\n  }\n": typeof types.LeaderMemberFieldsFragmentDoc,
    "\n  fragment LeaderTimelineFields on ReviewTimeline {\n    timeZone\n    selfAssessmentDue {\n      local\n    }\n    visitStart {\n      local\n    }\n    visitEnd {\n      local\n    }\n    conclusionsDue {\n      local\n    }\n    reportDue {\n      local\n    }\n  }\n": typeof types.LeaderTimelineFieldsFragmentDoc,
    "\n  query LeaderReviewRoles($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      myRoles\n    }\n  }\n": typeof types.LeaderReviewRolesDocument,
    "\n  query LeaderOverview($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      kind\n      status\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n        followUpCheckpoints {\n          local\n        }\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n      progress {\n        entriesComplete\n        keyFactorsInScope\n        selfAssessmentSubmitted\n        incomplete\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n": typeof types.LeaderOverviewDocument,
    "\n  mutation LeaderUpdateTimeline($reviewId: ID!, $timeline: TimelineInput!) {\n    updateReview(reviewId: $reviewId, input: { timeline: $timeline }) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n    }\n  }\n": typeof types.LeaderUpdateTimelineDocument,
    "\n  mutation LeaderStartPreparation($reviewId: ID!) {\n    startPreparation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.LeaderStartPreparationDocument,
    "\n  mutation LeaderOpenSelfAssessment($reviewId: ID!) {\n    openSelfAssessment(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.LeaderOpenSelfAssessmentDocument,
    "\n  mutation LeaderStartVisit($reviewId: ID!) {\n    startVisit(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.LeaderStartVisitDocument,
    "\n  mutation LeaderStartDeliberation($reviewId: ID!) {\n    startDeliberation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.LeaderStartDeliberationDocument,
    "\n  query LeaderTeam($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      kind\n      status\n      team {\n        id\n        role\n        addedAt\n        person {\n          id\n          fullName\n          email\n          organisation {\n            id\n            name\n            kind\n          }\n        }\n      }\n      nextSteps {\n        to\n        missing\n      }\n    }\n    teamInvitations(reviewId: $reviewId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy {\n        id\n        fullName\n      }\n    }\n  }\n": typeof types.LeaderTeamDocument,
    "\n  mutation LeaderInvite($reviewId: ID!, $input: AddTeamMemberInput!) {\n    addTeamMember(reviewId: $reviewId, input: $input) {\n      invitedEmail\n    }\n  }\n": typeof types.LeaderInviteDocument,
    "\n  mutation LeaderResendInvitation($reviewId: ID!, $invitationId: ID!) {\n    resendTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n      expiresAt\n    }\n  }\n": typeof types.LeaderResendInvitationDocument,
    "\n  mutation LeaderWithdrawInvitation($reviewId: ID!, $invitationId: ID!) {\n    withdrawTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n    }\n  }\n": typeof types.LeaderWithdrawInvitationDocument,
    "\n  mutation LeaderChangeRole($reviewId: ID!, $memberId: ID!, $role: ReviewRole!) {\n    changeTeamMemberRole(reviewId: $reviewId, memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.LeaderChangeRoleDocument,
    "\n  mutation LeaderRemoveMember($reviewId: ID!, $memberId: ID!) {\n    removeTeamMember(reviewId: $reviewId, memberId: $memberId) {\n      id\n      removedAt\n    }\n  }\n": typeof types.LeaderRemoveMemberDocument,
    "\n  query LeaderSelfAssessment($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      selfAssessmentSubmittedAt\n      hostCity {\n        id\n        name\n      }\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n        }\n      }\n      keyFactorsInScope {\n        id\n        code\n        heading\n        guideQuestions {\n          id\n          position\n          text\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        status\n        rating\n        narrative\n        documentIds\n        version\n        updatedAt\n        answers {\n          guideQuestionId\n          answer\n        }\n        sentBack {\n          id\n          reason\n          sentAt\n          entryVersion\n        }\n      }\n      contextNotes {\n        id\n        note\n        contextFactor {\n          id\n          code\n          name\n        }\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    reviewDocuments(reviewId: $reviewId) {\n      id\n      title\n      type\n      fileName\n      mediaType\n      downloadPath\n      url\n      keyFactorIds\n    }\n  }\n": typeof types.LeaderSelfAssessmentDocument,
    "\n  mutation LeaderSendBack($reviewId: ID!, $keyFactorId: ID!, $reason: String!) {\n    sendBackSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, reason: $reason) {\n      id\n      status\n      version\n      sentBack {\n        id\n        reason\n        sentAt\n        entryVersion\n      }\n    }\n  }\n": typeof types.LeaderSendBackDocument,
    "\n  fragment LeaderSessionFields on VisitSession {\n    id\n    kind\n    title\n    location\n    version\n    keyFactorIds\n    start {\n      local\n    }\n    end {\n      local\n    }\n    assignments {\n      id\n      part\n      personId\n    }\n    stakeholders {\n      id\n    }\n  }\n": typeof types.LeaderSessionFieldsFragmentDoc,
    "\n  query LeaderProgramme($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      title\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n      stakeholders {\n        id\n        name\n        position\n        category\n        consentToBeNamed\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          ...LeaderSessionFields\n        }\n      }\n      uncoveredKeyFactors {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n": typeof types.LeaderProgrammeDocument,
    "\n  mutation LeaderScheduleSession($reviewId: ID!, $input: VisitSessionInput!) {\n    scheduleVisitSession(reviewId: $reviewId, input: $input) {\n      ...LeaderSessionFields\n    }\n  }\n": typeof types.LeaderScheduleSessionDocument,
    "\n  mutation LeaderUpdateSession($sessionId: ID!, $input: VisitSessionInput!, $expectedVersion: Int) {\n    updateVisitSession(sessionId: $sessionId, input: $input, expectedVersion: $expectedVersion) {\n      ...LeaderSessionFields\n    }\n  }\n": typeof types.LeaderUpdateSessionDocument,
    "\n  mutation LeaderCancelSession($sessionId: ID!, $reason: String!) {\n    cancelVisitSession(sessionId: $sessionId, reason: $reason) {\n      id\n      cancelledAt\n    }\n  }\n": typeof types.LeaderCancelSessionDocument,
    "\n  mutation LeaderMoveVisit($reviewId: ID!, $days: Int!) {\n    moveVisit(reviewId: $reviewId, days: $days) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n    }\n  }\n": typeof types.LeaderMoveVisitDocument,
    "\n  mutation LeaderRegisterStakeholder($reviewId: ID!, $input: ReviewStakeholderInput!) {\n    registerStakeholder(reviewId: $reviewId, input: $input) {\n      id\n      name\n      position\n      category\n      consentToBeNamed\n    }\n  }\n": typeof types.LeaderRegisterStakeholderDocument,
    "\n  query LeaderEvidenceContributors($reviewId: ID!) {\n    evidenceContributors(reviewId: $reviewId) {\n      keyFactorId\n      items\n      person {\n        id\n        fullName\n      }\n    }\n  }\n": typeof types.LeaderEvidenceContributorsDocument,
    "\n  query LeaderEvidenceContext($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          start {\n            local\n          }\n        }\n      }\n    }\n  }\n": typeof types.LeaderEvidenceContextDocument,
    "\n  query LeaderEvidence($reviewId: ID!, $keyFactorId: ID, $sessionId: ID, $stance: EvidenceStance, $loggedById: ID, $search: String) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, sessionId: $sessionId, stance: $stance, loggedById: $loggedById, search: $search, first: 100) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n        loggedBy {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": typeof types.LeaderEvidenceDocument,
    "\n  fragment ReportFields on Report {\n    id\n    version\n    status\n    formats\n    published\n    publishedAt\n    requestedAt\n    generatedAt\n    failureReason\n    contentHash\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query FeedbackReport($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      nextSteps {\n        to\n        missing\n        roles\n      }\n    }\n    reviewReports(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": typeof types.FeedbackReportDocument,
    "\n  query HostPreview($reviewId: ID!) {\n    hostPreview(reviewId: $reviewId) {\n      reviewId\n      visibleToHost\n      conclusions {\n        keyFactorId\n        keyFactorCode\n        keyFactorHeading\n        status\n        rating\n        summary\n        strengths\n        areasToDevelop\n      }\n      recommendations {\n        id\n        text\n        priority\n        horizon\n        suggestedOwner\n        keyFactorCodes\n      }\n    }\n  }\n": typeof types.HostPreviewDocument,
    "\n  mutation StartFeedback($reviewId: ID!) {\n    startFeedback(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.StartFeedbackDocument,
    "\n  mutation StartReporting($reviewId: ID!) {\n    startReporting(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": typeof types.StartReportingDocument,
    "\n  mutation RequestReport($reviewId: ID!) {\n    requestReport(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": typeof types.RequestReportDocument,
    "\n  subscription ReportChanged($reviewId: ID!) {\n    reportChanged(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportChangedDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n": typeof types.ReportDocument,
    "\n  query ReportNameCheck($reportId: ID!) {\n    reportNameCheck(reportId: $reportId) {\n      reportId\n      version\n      upToDate\n      places {\n        where\n        field\n        name\n        found\n        excerpt\n        reason\n        status\n      }\n    }\n  }\n": typeof types.ReportNameCheckDocument,
    "\n  mutation PublishReport($reportId: ID!) {\n    publishReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n": typeof types.PublishReportDocument,
};
const documents: Documents = {
    "\n  query CityRatings($cityId: ID!) {\n    cityRatings(cityId: $cityId) {\n      keyFactorCode\n      heading\n      points {\n        agreedAt\n        rating\n        selfRating\n        review {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.CityRatingsDocument,
    "\n  fragment ConclusionFields on Conclusion {\n    id\n    keyFactorId\n    status\n    rating\n    summary\n    strengths\n    areasToDevelop\n    evidenceIds\n    version\n    updatedAt\n    agreedAt\n    updatedBy {\n      id\n      fullName\n    }\n  }\n": types.ConclusionFieldsFragmentDoc,
    "\n  fragment FindingsReviewFields on Review {\n    id\n    title\n    status\n    myRoles\n    hostCity {\n      id\n      name\n    }\n    keyFactorsInScope {\n      number\n      ...LeaderKeyFactorFields\n    }\n  }\n": types.FindingsReviewFieldsFragmentDoc,
    "\n  query Findings($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n          description\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        rating\n      }\n    }\n    reviewConclusions(reviewId: $reviewId) {\n      ...ConclusionFields\n    }\n    conclusionRigour(reviewId: $reviewId) {\n      conclusion {\n        id\n        keyFactorId\n      }\n      issues {\n        code\n        message\n      }\n    }\n  }\n": types.FindingsDocument,
    "\n  query KeyFactorEvidence($reviewId: ID!, $keyFactorId: ID!) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, first: 100) {\n      totalCount\n      nodes {\n        id\n        statement\n        quote\n        stance\n        source\n        stakeholderCategory\n      }\n    }\n  }\n": types.KeyFactorEvidenceDocument,
    "\n  query DraftRigour($reviewId: ID!, $rating: Int, $evidenceIds: [ID!]!) {\n    draftConclusionRigour(reviewId: $reviewId, rating: $rating, evidenceIds: $evidenceIds) {\n      code\n      message\n    }\n  }\n": types.DraftRigourDocument,
    "\n  mutation SaveConclusion($reviewId: ID!, $keyFactorId: ID!, $input: ConclusionInput!, $expectedVersion: Int) {\n    saveConclusion(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n": types.SaveConclusionDocument,
    "\n  mutation AgreeConclusion($conclusionId: ID!, $expectedVersion: Int!) {\n    agreeConclusion(conclusionId: $conclusionId, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n": types.AgreeConclusionDocument,
    "\n  mutation ReopenConclusion($conclusionId: ID!, $reason: String!) {\n    reopenConclusion(conclusionId: $conclusionId, reason: $reason) {\n      ...ConclusionFields\n    }\n  }\n": types.ReopenConclusionDocument,
    "\n  fragment RecommendationFields on Recommendation {\n    id\n    text\n    priority\n    horizon\n    suggestedOwner\n    keyFactorIds\n    withdrawnAt\n    linkedGoodPractices {\n      id\n      title\n      city\n      country\n    }\n  }\n": types.RecommendationFieldsFragmentDoc,
    "\n  query Recommendations($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n    }\n    reviewRecommendations(reviewId: $reviewId) {\n      ...RecommendationFields\n    }\n  }\n": types.RecommendationsDocument,
    "\n  mutation AddRecommendation($reviewId: ID!, $input: RecommendationInput!) {\n    addRecommendation(reviewId: $reviewId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n": types.AddRecommendationDocument,
    "\n  mutation UpdateRecommendation($recommendationId: ID!, $input: RecommendationInput!) {\n    updateRecommendation(recommendationId: $recommendationId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n": types.UpdateRecommendationDocument,
    "\n  query SuggestGoodPractices($recommendationId: ID!) {\n    suggestGoodPractices(recommendationId: $recommendationId, first: 5) {\n      score\n      why\n      goodPractice {\n        id\n        title\n        city\n        country\n      }\n    }\n  }\n": types.SuggestGoodPracticesDocument,
    "\n  mutation LinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    linkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n": types.LinkGoodPracticeDocument,
    "\n  mutation UnlinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    unlinkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n": types.UnlinkGoodPracticeDocument,
    "\n  fragment PersonFields on Person {\n    id\n    email\n    fullName\n    locale\n    timeZone\n    isAdmin\n    optionalRemindersOff\n  }\n": types.PersonFieldsFragmentDoc,
    "\n  fragment SessionFields on SignInPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n    person {\n      ...PersonFields\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut($refreshToken: String) {\n    signOut(refreshToken: $refreshToken)\n  }\n": types.SignOutDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      userAgent\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      ...SessionFields\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $fullName: String, $timeZone: String, $locale: String) {\n    acceptInvitation(token: $token, password: $password, fullName: $fullName, timeZone: $timeZone, locale: $locale) {\n      accessToken\n      expiresAt\n      refreshToken\n      refreshExpiresAt\n      person {\n        ...PersonFields\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Me {\n    me {\n      ...PersonFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SetMyOptionalReminders($enabled: Boolean!) {\n    setMyOptionalReminders(enabled: $enabled) {\n      ...PersonFields\n    }\n  }\n": types.SetMyOptionalRemindersDocument,
    "\n  query MyReviews {\n    reviews(first: 50) {\n      nodes {\n        id\n        title\n        status\n        kind\n        myRoles\n        hostCity {\n          id\n          name\n          country\n        }\n        timeline {\n          visitStart {\n            local\n          }\n          visitEnd {\n            local\n          }\n        }\n      }\n    }\n  }\n": types.MyReviewsDocument,
    "\n  fragment EvidenceFields on Evidence {\n    id\n    reviewId\n    statement\n    quote\n    stance\n    source\n    sessionId\n    stakeholderCategory\n    keyFactorIds\n    loggedById\n    observedAt\n    recordedAt\n    revision\n    retractedAt\n    retractionReason\n  }\n": types.EvidenceFieldsFragmentDoc,
    "\n  query Notebook($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      status\n      myRoles\n      hostCity {\n        id\n        name\n      }\n      keyFactorsInScope {\n        id\n        number\n        code\n        heading\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          kind\n          location\n          keyFactorIds\n          start {\n            local\n          }\n          end {\n            local\n          }\n          assignments {\n            personId\n            part\n          }\n        }\n      }\n    }\n  }\n": types.NotebookDocument,
    "\n  query ReviewEvidence($reviewId: ID!, $search: String, $loggedById: ID, $first: Int) {\n    reviewEvidence(reviewId: $reviewId, search: $search, loggedById: $loggedById, first: $first, includeRetracted: true) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n      }\n    }\n  }\n": types.ReviewEvidenceDocument,
    "\n  mutation LogEvidenceBatch($reviewId: ID!, $items: [EvidenceInput!]!) {\n    logEvidenceBatch(reviewId: $reviewId, items: $items) {\n      id\n      outcome\n      message\n      problems {\n        path\n        message\n      }\n      evidence {\n        ...EvidenceFields\n      }\n    }\n  }\n": types.LogEvidenceBatchDocument,
    "\n  mutation EditEvidence($evidenceId: ID!, $expectedRevision: Int, $patch: EvidencePatch!) {\n    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: $patch) {\n      ...EvidenceFields\n    }\n  }\n": types.EditEvidenceDocument,
    "\n  mutation RetractEvidence($evidenceId: ID!, $reason: String!) {\n    retractEvidence(evidenceId: $evidenceId, reason: $reason) {\n      ...EvidenceFields\n    }\n  }\n": types.RetractEvidenceDocument,
    "\n  query Coverage($reviewId: ID!) {\n    reviewEvidence(reviewId: $reviewId, first: 1) {\n      totalCount\n    }\n    evidenceCoverage(reviewId: $reviewId) {\n      keyFactors {\n        total\n        lacksInterviewOrFocusGroup\n        keyFactor {\n          id\n          code\n          heading\n        }\n        bySource {\n          source\n          count\n        }\n        byStance {\n          stance\n          count\n        }\n      }\n    }\n  }\n": types.CoverageDocument,
    "\n  subscription EvidenceChanged($reviewId: ID!) {\n    evidenceChanged(reviewId: $reviewId) {\n      ...EvidenceFields\n    }\n  }\n": types.EvidenceChangedDocument,
    "\n  fragment LeaderKeyFactorFields on KeyFactor {\n    id\n    code\n    heading\n  }\n": types.LeaderKeyFactorFieldsFragmentDoc,
    "\n  fragment LeaderMemberFields on TeamMember {\n    id\n    role\n    person {\n      id\n      fullName\n    }\n  }\n": types.LeaderMemberFieldsFragmentDoc,
    "\n  fragment LeaderTimelineFields on ReviewTimeline {\n    timeZone\n    selfAssessmentDue {\n      local\n    }\n    visitStart {\n      local\n    }\n    visitEnd {\n      local\n    }\n    conclusionsDue {\n      local\n    }\n    reportDue {\n      local\n    }\n  }\n": types.LeaderTimelineFieldsFragmentDoc,
    "\n  query LeaderReviewRoles($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      myRoles\n    }\n  }\n": types.LeaderReviewRolesDocument,
    "\n  query LeaderOverview($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      kind\n      status\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n        followUpCheckpoints {\n          local\n        }\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n      progress {\n        entriesComplete\n        keyFactorsInScope\n        selfAssessmentSubmitted\n        incomplete\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n": types.LeaderOverviewDocument,
    "\n  mutation LeaderUpdateTimeline($reviewId: ID!, $timeline: TimelineInput!) {\n    updateReview(reviewId: $reviewId, input: { timeline: $timeline }) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n    }\n  }\n": types.LeaderUpdateTimelineDocument,
    "\n  mutation LeaderStartPreparation($reviewId: ID!) {\n    startPreparation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.LeaderStartPreparationDocument,
    "\n  mutation LeaderOpenSelfAssessment($reviewId: ID!) {\n    openSelfAssessment(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.LeaderOpenSelfAssessmentDocument,
    "\n  mutation LeaderStartVisit($reviewId: ID!) {\n    startVisit(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.LeaderStartVisitDocument,
    "\n  mutation LeaderStartDeliberation($reviewId: ID!) {\n    startDeliberation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.LeaderStartDeliberationDocument,
    "\n  query LeaderTeam($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      kind\n      status\n      team {\n        id\n        role\n        addedAt\n        person {\n          id\n          fullName\n          email\n          organisation {\n            id\n            name\n            kind\n          }\n        }\n      }\n      nextSteps {\n        to\n        missing\n      }\n    }\n    teamInvitations(reviewId: $reviewId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy {\n        id\n        fullName\n      }\n    }\n  }\n": types.LeaderTeamDocument,
    "\n  mutation LeaderInvite($reviewId: ID!, $input: AddTeamMemberInput!) {\n    addTeamMember(reviewId: $reviewId, input: $input) {\n      invitedEmail\n    }\n  }\n": types.LeaderInviteDocument,
    "\n  mutation LeaderResendInvitation($reviewId: ID!, $invitationId: ID!) {\n    resendTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n      expiresAt\n    }\n  }\n": types.LeaderResendInvitationDocument,
    "\n  mutation LeaderWithdrawInvitation($reviewId: ID!, $invitationId: ID!) {\n    withdrawTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n    }\n  }\n": types.LeaderWithdrawInvitationDocument,
    "\n  mutation LeaderChangeRole($reviewId: ID!, $memberId: ID!, $role: ReviewRole!) {\n    changeTeamMemberRole(reviewId: $reviewId, memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": types.LeaderChangeRoleDocument,
    "\n  mutation LeaderRemoveMember($reviewId: ID!, $memberId: ID!) {\n    removeTeamMember(reviewId: $reviewId, memberId: $memberId) {\n      id\n      removedAt\n    }\n  }\n": types.LeaderRemoveMemberDocument,
    "\n  query LeaderSelfAssessment($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      selfAssessmentSubmittedAt\n      hostCity {\n        id\n        name\n      }\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n        }\n      }\n      keyFactorsInScope {\n        id\n        code\n        heading\n        guideQuestions {\n          id\n          position\n          text\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        status\n        rating\n        narrative\n        documentIds\n        version\n        updatedAt\n        answers {\n          guideQuestionId\n          answer\n        }\n        sentBack {\n          id\n          reason\n          sentAt\n          entryVersion\n        }\n      }\n      contextNotes {\n        id\n        note\n        contextFactor {\n          id\n          code\n          name\n        }\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    reviewDocuments(reviewId: $reviewId) {\n      id\n      title\n      type\n      fileName\n      mediaType\n      downloadPath\n      url\n      keyFactorIds\n    }\n  }\n": types.LeaderSelfAssessmentDocument,
    "\n  mutation LeaderSendBack($reviewId: ID!, $keyFactorId: ID!, $reason: String!) {\n    sendBackSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, reason: $reason) {\n      id\n      status\n      version\n      sentBack {\n        id\n        reason\n        sentAt\n        entryVersion\n      }\n    }\n  }\n": types.LeaderSendBackDocument,
    "\n  fragment LeaderSessionFields on VisitSession {\n    id\n    kind\n    title\n    location\n    version\n    keyFactorIds\n    start {\n      local\n    }\n    end {\n      local\n    }\n    assignments {\n      id\n      part\n      personId\n    }\n    stakeholders {\n      id\n    }\n  }\n": types.LeaderSessionFieldsFragmentDoc,
    "\n  query LeaderProgramme($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      title\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n      stakeholders {\n        id\n        name\n        position\n        category\n        consentToBeNamed\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          ...LeaderSessionFields\n        }\n      }\n      uncoveredKeyFactors {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n": types.LeaderProgrammeDocument,
    "\n  mutation LeaderScheduleSession($reviewId: ID!, $input: VisitSessionInput!) {\n    scheduleVisitSession(reviewId: $reviewId, input: $input) {\n      ...LeaderSessionFields\n    }\n  }\n": types.LeaderScheduleSessionDocument,
    "\n  mutation LeaderUpdateSession($sessionId: ID!, $input: VisitSessionInput!, $expectedVersion: Int) {\n    updateVisitSession(sessionId: $sessionId, input: $input, expectedVersion: $expectedVersion) {\n      ...LeaderSessionFields\n    }\n  }\n": types.LeaderUpdateSessionDocument,
    "\n  mutation LeaderCancelSession($sessionId: ID!, $reason: String!) {\n    cancelVisitSession(sessionId: $sessionId, reason: $reason) {\n      id\n      cancelledAt\n    }\n  }\n": types.LeaderCancelSessionDocument,
    "\n  mutation LeaderMoveVisit($reviewId: ID!, $days: Int!) {\n    moveVisit(reviewId: $reviewId, days: $days) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n    }\n  }\n": types.LeaderMoveVisitDocument,
    "\n  mutation LeaderRegisterStakeholder($reviewId: ID!, $input: ReviewStakeholderInput!) {\n    registerStakeholder(reviewId: $reviewId, input: $input) {\n      id\n      name\n      position\n      category\n      consentToBeNamed\n    }\n  }\n": types.LeaderRegisterStakeholderDocument,
    "\n  query LeaderEvidenceContributors($reviewId: ID!) {\n    evidenceContributors(reviewId: $reviewId) {\n      keyFactorId\n      items\n      person {\n        id\n        fullName\n      }\n    }\n  }\n": types.LeaderEvidenceContributorsDocument,
    "\n  query LeaderEvidenceContext($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          start {\n            local\n          }\n        }\n      }\n    }\n  }\n": types.LeaderEvidenceContextDocument,
    "\n  query LeaderEvidence($reviewId: ID!, $keyFactorId: ID, $sessionId: ID, $stance: EvidenceStance, $loggedById: ID, $search: String) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, sessionId: $sessionId, stance: $stance, loggedById: $loggedById, search: $search, first: 100) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n        loggedBy {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": types.LeaderEvidenceDocument,
    "\n  fragment ReportFields on Report {\n    id\n    version\n    status\n    formats\n    published\n    publishedAt\n    requestedAt\n    generatedAt\n    failureReason\n    contentHash\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query FeedbackReport($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      nextSteps {\n        to\n        missing\n        roles\n      }\n    }\n    reviewReports(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": types.FeedbackReportDocument,
    "\n  query HostPreview($reviewId: ID!) {\n    hostPreview(reviewId: $reviewId) {\n      reviewId\n      visibleToHost\n      conclusions {\n        keyFactorId\n        keyFactorCode\n        keyFactorHeading\n        status\n        rating\n        summary\n        strengths\n        areasToDevelop\n      }\n      recommendations {\n        id\n        text\n        priority\n        horizon\n        suggestedOwner\n        keyFactorCodes\n      }\n    }\n  }\n": types.HostPreviewDocument,
    "\n  mutation StartFeedback($reviewId: ID!) {\n    startFeedback(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.StartFeedbackDocument,
    "\n  mutation StartReporting($reviewId: ID!) {\n    startReporting(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n": types.StartReportingDocument,
    "\n  mutation RequestReport($reviewId: ID!) {\n    requestReport(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": types.RequestReportDocument,
    "\n  subscription ReportChanged($reviewId: ID!) {\n    reportChanged(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n": types.ReportChangedDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n": types.ReportDocument,
    "\n  query ReportNameCheck($reportId: ID!) {\n    reportNameCheck(reportId: $reportId) {\n      reportId\n      version\n      upToDate\n      places {\n        where\n        field\n        name\n        found\n        excerpt\n        reason\n        status\n      }\n    }\n  }\n": types.ReportNameCheckDocument,
    "\n  mutation PublishReport($reportId: ID!) {\n    publishReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n": types.PublishReportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CityRatings($cityId: ID!) {\n    cityRatings(cityId: $cityId) {\n      keyFactorCode\n      heading\n      points {\n        agreedAt\n        rating\n        selfRating\n        review {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CityRatings($cityId: ID!) {\n    cityRatings(cityId: $cityId) {\n      keyFactorCode\n      heading\n      points {\n        agreedAt\n        rating\n        selfRating\n        review {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConclusionFields on Conclusion {\n    id\n    keyFactorId\n    status\n    rating\n    summary\n    strengths\n    areasToDevelop\n    evidenceIds\n    version\n    updatedAt\n    agreedAt\n    updatedBy {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment ConclusionFields on Conclusion {\n    id\n    keyFactorId\n    status\n    rating\n    summary\n    strengths\n    areasToDevelop\n    evidenceIds\n    version\n    updatedAt\n    agreedAt\n    updatedBy {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FindingsReviewFields on Review {\n    id\n    title\n    status\n    myRoles\n    hostCity {\n      id\n      name\n    }\n    keyFactorsInScope {\n      number\n      ...LeaderKeyFactorFields\n    }\n  }\n"): (typeof documents)["\n  fragment FindingsReviewFields on Review {\n    id\n    title\n    status\n    myRoles\n    hostCity {\n      id\n      name\n    }\n    keyFactorsInScope {\n      number\n      ...LeaderKeyFactorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Findings($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n          description\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        rating\n      }\n    }\n    reviewConclusions(reviewId: $reviewId) {\n      ...ConclusionFields\n    }\n    conclusionRigour(reviewId: $reviewId) {\n      conclusion {\n        id\n        keyFactorId\n      }\n      issues {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query Findings($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n          description\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        rating\n      }\n    }\n    reviewConclusions(reviewId: $reviewId) {\n      ...ConclusionFields\n    }\n    conclusionRigour(reviewId: $reviewId) {\n      conclusion {\n        id\n        keyFactorId\n      }\n      issues {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyFactorEvidence($reviewId: ID!, $keyFactorId: ID!) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, first: 100) {\n      totalCount\n      nodes {\n        id\n        statement\n        quote\n        stance\n        source\n        stakeholderCategory\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyFactorEvidence($reviewId: ID!, $keyFactorId: ID!) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, first: 100) {\n      totalCount\n      nodes {\n        id\n        statement\n        quote\n        stance\n        source\n        stakeholderCategory\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftRigour($reviewId: ID!, $rating: Int, $evidenceIds: [ID!]!) {\n    draftConclusionRigour(reviewId: $reviewId, rating: $rating, evidenceIds: $evidenceIds) {\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  query DraftRigour($reviewId: ID!, $rating: Int, $evidenceIds: [ID!]!) {\n    draftConclusionRigour(reviewId: $reviewId, rating: $rating, evidenceIds: $evidenceIds) {\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveConclusion($reviewId: ID!, $keyFactorId: ID!, $input: ConclusionInput!, $expectedVersion: Int) {\n    saveConclusion(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveConclusion($reviewId: ID!, $keyFactorId: ID!, $input: ConclusionInput!, $expectedVersion: Int) {\n    saveConclusion(reviewId: $reviewId, keyFactorId: $keyFactorId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgreeConclusion($conclusionId: ID!, $expectedVersion: Int!) {\n    agreeConclusion(conclusionId: $conclusionId, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n"): (typeof documents)["\n  mutation AgreeConclusion($conclusionId: ID!, $expectedVersion: Int!) {\n    agreeConclusion(conclusionId: $conclusionId, expectedVersion: $expectedVersion) {\n      ...ConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenConclusion($conclusionId: ID!, $reason: String!) {\n    reopenConclusion(conclusionId: $conclusionId, reason: $reason) {\n      ...ConclusionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenConclusion($conclusionId: ID!, $reason: String!) {\n    reopenConclusion(conclusionId: $conclusionId, reason: $reason) {\n      ...ConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecommendationFields on Recommendation {\n    id\n    text\n    priority\n    horizon\n    suggestedOwner\n    keyFactorIds\n    withdrawnAt\n    linkedGoodPractices {\n      id\n      title\n      city\n      country\n    }\n  }\n"): (typeof documents)["\n  fragment RecommendationFields on Recommendation {\n    id\n    text\n    priority\n    horizon\n    suggestedOwner\n    keyFactorIds\n    withdrawnAt\n    linkedGoodPractices {\n      id\n      title\n      city\n      country\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recommendations($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n    }\n    reviewRecommendations(reviewId: $reviewId) {\n      ...RecommendationFields\n    }\n  }\n"): (typeof documents)["\n  query Recommendations($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n    }\n    reviewRecommendations(reviewId: $reviewId) {\n      ...RecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRecommendation($reviewId: ID!, $input: RecommendationInput!) {\n    addRecommendation(reviewId: $reviewId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddRecommendation($reviewId: ID!, $input: RecommendationInput!) {\n    addRecommendation(reviewId: $reviewId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRecommendation($recommendationId: ID!, $input: RecommendationInput!) {\n    updateRecommendation(recommendationId: $recommendationId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRecommendation($recommendationId: ID!, $input: RecommendationInput!) {\n    updateRecommendation(recommendationId: $recommendationId, input: $input) {\n      ...RecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestGoodPractices($recommendationId: ID!) {\n    suggestGoodPractices(recommendationId: $recommendationId, first: 5) {\n      score\n      why\n      goodPractice {\n        id\n        title\n        city\n        country\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuggestGoodPractices($recommendationId: ID!) {\n    suggestGoodPractices(recommendationId: $recommendationId, first: 5) {\n      score\n      why\n      goodPractice {\n        id\n        title\n        city\n        country\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    linkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n"): (typeof documents)["\n  mutation LinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    linkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    unlinkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnlinkGoodPractice($recommendationId: ID!, $goodPracticeId: ID!) {\n    unlinkGoodPractice(recommendationId: $recommendationId, goodPracticeId: $goodPracticeId) {\n      ...RecommendationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonFields on Person {\n    id\n    email\n    fullName\n    locale\n    timeZone\n    isAdmin\n    optionalRemindersOff\n  }\n"): (typeof documents)["\n  fragment PersonFields on Person {\n    id\n    email\n    fullName\n    locale\n    timeZone\n    isAdmin\n    optionalRemindersOff\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on SignInPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n    person {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  fragment SessionFields on SignInPayload {\n    accessToken\n    expiresAt\n    refreshToken\n    refreshExpiresAt\n    person {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut($refreshToken: String) {\n    signOut(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation SignOut($refreshToken: String) {\n    signOut(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      userAgent\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      userAgent\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      ...SessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      ...SessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!, $fullName: String, $timeZone: String, $locale: String) {\n    acceptInvitation(token: $token, password: $password, fullName: $fullName, timeZone: $timeZone, locale: $locale) {\n      accessToken\n      expiresAt\n      refreshToken\n      refreshExpiresAt\n      person {\n        ...PersonFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!, $fullName: String, $timeZone: String, $locale: String) {\n    acceptInvitation(token: $token, password: $password, fullName: $fullName, timeZone: $timeZone, locale: $locale) {\n      accessToken\n      expiresAt\n      refreshToken\n      refreshExpiresAt\n      person {\n        ...PersonFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyOptionalReminders($enabled: Boolean!) {\n    setMyOptionalReminders(enabled: $enabled) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyOptionalReminders($enabled: Boolean!) {\n    setMyOptionalReminders(enabled: $enabled) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyReviews {\n    reviews(first: 50) {\n      nodes {\n        id\n        title\n        status\n        kind\n        myRoles\n        hostCity {\n          id\n          name\n          country\n        }\n        timeline {\n          visitStart {\n            local\n          }\n          visitEnd {\n            local\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyReviews {\n    reviews(first: 50) {\n      nodes {\n        id\n        title\n        status\n        kind\n        myRoles\n        hostCity {\n          id\n          name\n          country\n        }\n        timeline {\n          visitStart {\n            local\n          }\n          visitEnd {\n            local\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvidenceFields on Evidence {\n    id\n    reviewId\n    statement\n    quote\n    stance\n    source\n    sessionId\n    stakeholderCategory\n    keyFactorIds\n    loggedById\n    observedAt\n    recordedAt\n    revision\n    retractedAt\n    retractionReason\n  }\n"): (typeof documents)["\n  fragment EvidenceFields on Evidence {\n    id\n    reviewId\n    statement\n    quote\n    stance\n    source\n    sessionId\n    stakeholderCategory\n    keyFactorIds\n    loggedById\n    observedAt\n    recordedAt\n    revision\n    retractedAt\n    retractionReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notebook($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      status\n      myRoles\n      hostCity {\n        id\n        name\n      }\n      keyFactorsInScope {\n        id\n        number\n        code\n        heading\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          kind\n          location\n          keyFactorIds\n          start {\n            local\n          }\n          end {\n            local\n          }\n          assignments {\n            personId\n            part\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notebook($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      status\n      myRoles\n      hostCity {\n        id\n        name\n      }\n      keyFactorsInScope {\n        id\n        number\n        code\n        heading\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          kind\n          location\n          keyFactorIds\n          start {\n            local\n          }\n          end {\n            local\n          }\n          assignments {\n            personId\n            part\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewEvidence($reviewId: ID!, $search: String, $loggedById: ID, $first: Int) {\n    reviewEvidence(reviewId: $reviewId, search: $search, loggedById: $loggedById, first: $first, includeRetracted: true) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewEvidence($reviewId: ID!, $search: String, $loggedById: ID, $first: Int) {\n    reviewEvidence(reviewId: $reviewId, search: $search, loggedById: $loggedById, first: $first, includeRetracted: true) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogEvidenceBatch($reviewId: ID!, $items: [EvidenceInput!]!) {\n    logEvidenceBatch(reviewId: $reviewId, items: $items) {\n      id\n      outcome\n      message\n      problems {\n        path\n        message\n      }\n      evidence {\n        ...EvidenceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogEvidenceBatch($reviewId: ID!, $items: [EvidenceInput!]!) {\n    logEvidenceBatch(reviewId: $reviewId, items: $items) {\n      id\n      outcome\n      message\n      problems {\n        path\n        message\n      }\n      evidence {\n        ...EvidenceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditEvidence($evidenceId: ID!, $expectedRevision: Int, $patch: EvidencePatch!) {\n    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: $patch) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditEvidence($evidenceId: ID!, $expectedRevision: Int, $patch: EvidencePatch!) {\n    editEvidence(evidenceId: $evidenceId, expectedRevision: $expectedRevision, patch: $patch) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetractEvidence($evidenceId: ID!, $reason: String!) {\n    retractEvidence(evidenceId: $evidenceId, reason: $reason) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetractEvidence($evidenceId: ID!, $reason: String!) {\n    retractEvidence(evidenceId: $evidenceId, reason: $reason) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($reviewId: ID!) {\n    reviewEvidence(reviewId: $reviewId, first: 1) {\n      totalCount\n    }\n    evidenceCoverage(reviewId: $reviewId) {\n      keyFactors {\n        total\n        lacksInterviewOrFocusGroup\n        keyFactor {\n          id\n          code\n          heading\n        }\n        bySource {\n          source\n          count\n        }\n        byStance {\n          stance\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Coverage($reviewId: ID!) {\n    reviewEvidence(reviewId: $reviewId, first: 1) {\n      totalCount\n    }\n    evidenceCoverage(reviewId: $reviewId) {\n      keyFactors {\n        total\n        lacksInterviewOrFocusGroup\n        keyFactor {\n          id\n          code\n          heading\n        }\n        bySource {\n          source\n          count\n        }\n        byStance {\n          stance\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EvidenceChanged($reviewId: ID!) {\n    evidenceChanged(reviewId: $reviewId) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  subscription EvidenceChanged($reviewId: ID!) {\n    evidenceChanged(reviewId: $reviewId) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderKeyFactorFields on KeyFactor {\n    id\n    code\n    heading\n  }\n"): (typeof documents)["\n  fragment LeaderKeyFactorFields on KeyFactor {\n    id\n    code\n    heading\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderMemberFields on TeamMember {\n    id\n    role\n    person {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment LeaderMemberFields on TeamMember {\n    id\n    role\n    person {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderTimelineFields on ReviewTimeline {\n    timeZone\n    selfAssessmentDue {\n      local\n    }\n    visitStart {\n      local\n    }\n    visitEnd {\n      local\n    }\n    conclusionsDue {\n      local\n    }\n    reportDue {\n      local\n    }\n  }\n"): (typeof documents)["\n  fragment LeaderTimelineFields on ReviewTimeline {\n    timeZone\n    selfAssessmentDue {\n      local\n    }\n    visitStart {\n      local\n    }\n    visitEnd {\n      local\n    }\n    conclusionsDue {\n      local\n    }\n    reportDue {\n      local\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderReviewRoles($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      myRoles\n    }\n  }\n"): (typeof documents)["\n  query LeaderReviewRoles($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      myRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderOverview($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      kind\n      status\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n        followUpCheckpoints {\n          local\n        }\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n      progress {\n        entriesComplete\n        keyFactorsInScope\n        selfAssessmentSubmitted\n        incomplete\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderOverview($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      title\n      kind\n      status\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n        followUpCheckpoints {\n          local\n        }\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n      progress {\n        entriesComplete\n        keyFactorsInScope\n        selfAssessmentSubmitted\n        incomplete\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderUpdateTimeline($reviewId: ID!, $timeline: TimelineInput!) {\n    updateReview(reviewId: $reviewId, input: { timeline: $timeline }) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderUpdateTimeline($reviewId: ID!, $timeline: TimelineInput!) {\n    updateReview(reviewId: $reviewId, input: { timeline: $timeline }) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n      nextSteps {\n        to\n        roles\n        missing\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderStartPreparation($reviewId: ID!) {\n    startPreparation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderStartPreparation($reviewId: ID!) {\n    startPreparation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderOpenSelfAssessment($reviewId: ID!) {\n    openSelfAssessment(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderOpenSelfAssessment($reviewId: ID!) {\n    openSelfAssessment(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderStartVisit($reviewId: ID!) {\n    startVisit(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderStartVisit($reviewId: ID!) {\n    startVisit(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderStartDeliberation($reviewId: ID!) {\n    startDeliberation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderStartDeliberation($reviewId: ID!) {\n    startDeliberation(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderTeam($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      kind\n      status\n      team {\n        id\n        role\n        addedAt\n        person {\n          id\n          fullName\n          email\n          organisation {\n            id\n            name\n            kind\n          }\n        }\n      }\n      nextSteps {\n        to\n        missing\n      }\n    }\n    teamInvitations(reviewId: $reviewId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy {\n        id\n        fullName\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderTeam($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      kind\n      status\n      team {\n        id\n        role\n        addedAt\n        person {\n          id\n          fullName\n          email\n          organisation {\n            id\n            name\n            kind\n          }\n        }\n      }\n      nextSteps {\n        to\n        missing\n      }\n    }\n    teamInvitations(reviewId: $reviewId) {\n      id\n      email\n      role\n      createdAt\n      expiresAt\n      invitedBy {\n        id\n        fullName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderInvite($reviewId: ID!, $input: AddTeamMemberInput!) {\n    addTeamMember(reviewId: $reviewId, input: $input) {\n      invitedEmail\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderInvite($reviewId: ID!, $input: AddTeamMemberInput!) {\n    addTeamMember(reviewId: $reviewId, input: $input) {\n      invitedEmail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderResendInvitation($reviewId: ID!, $invitationId: ID!) {\n    resendTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderResendInvitation($reviewId: ID!, $invitationId: ID!) {\n    resendTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderWithdrawInvitation($reviewId: ID!, $invitationId: ID!) {\n    withdrawTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderWithdrawInvitation($reviewId: ID!, $invitationId: ID!) {\n    withdrawTeamInvitation(reviewId: $reviewId, invitationId: $invitationId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderChangeRole($reviewId: ID!, $memberId: ID!, $role: ReviewRole!) {\n    changeTeamMemberRole(reviewId: $reviewId, memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderChangeRole($reviewId: ID!, $memberId: ID!, $role: ReviewRole!) {\n    changeTeamMemberRole(reviewId: $reviewId, memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderRemoveMember($reviewId: ID!, $memberId: ID!) {\n    removeTeamMember(reviewId: $reviewId, memberId: $memberId) {\n      id\n      removedAt\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderRemoveMember($reviewId: ID!, $memberId: ID!) {\n    removeTeamMember(reviewId: $reviewId, memberId: $memberId) {\n      id\n      removedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderSelfAssessment($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      selfAssessmentSubmittedAt\n      hostCity {\n        id\n        name\n      }\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n        }\n      }\n      keyFactorsInScope {\n        id\n        code\n        heading\n        guideQuestions {\n          id\n          position\n          text\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        status\n        rating\n        narrative\n        documentIds\n        version\n        updatedAt\n        answers {\n          guideQuestionId\n          answer\n        }\n        sentBack {\n          id\n          reason\n          sentAt\n          entryVersion\n        }\n      }\n      contextNotes {\n        id\n        note\n        contextFactor {\n          id\n          code\n          name\n        }\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    reviewDocuments(reviewId: $reviewId) {\n      id\n      title\n      type\n      fileName\n      mediaType\n      downloadPath\n      url\n      keyFactorIds\n    }\n  }\n"): (typeof documents)["\n  query LeaderSelfAssessment($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      selfAssessmentSubmittedAt\n      hostCity {\n        id\n        name\n      }\n      benchmark {\n        id\n        ratingScale {\n          value\n          label\n        }\n      }\n      keyFactorsInScope {\n        id\n        code\n        heading\n        guideQuestions {\n          id\n          position\n          text\n        }\n      }\n      selfAssessment {\n        id\n        keyFactorId\n        status\n        rating\n        narrative\n        documentIds\n        version\n        updatedAt\n        answers {\n          guideQuestionId\n          answer\n        }\n        sentBack {\n          id\n          reason\n          sentAt\n          entryVersion\n        }\n      }\n      contextNotes {\n        id\n        note\n        contextFactor {\n          id\n          code\n          name\n        }\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    reviewDocuments(reviewId: $reviewId) {\n      id\n      title\n      type\n      fileName\n      mediaType\n      downloadPath\n      url\n      keyFactorIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderSendBack($reviewId: ID!, $keyFactorId: ID!, $reason: String!) {\n    sendBackSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, reason: $reason) {\n      id\n      status\n      version\n      sentBack {\n        id\n        reason\n        sentAt\n        entryVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderSendBack($reviewId: ID!, $keyFactorId: ID!, $reason: String!) {\n    sendBackSelfAssessmentEntry(reviewId: $reviewId, keyFactorId: $keyFactorId, reason: $reason) {\n      id\n      status\n      version\n      sentBack {\n        id\n        reason\n        sentAt\n        entryVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderSessionFields on VisitSession {\n    id\n    kind\n    title\n    location\n    version\n    keyFactorIds\n    start {\n      local\n    }\n    end {\n      local\n    }\n    assignments {\n      id\n      part\n      personId\n    }\n    stakeholders {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment LeaderSessionFields on VisitSession {\n    id\n    kind\n    title\n    location\n    version\n    keyFactorIds\n    start {\n      local\n    }\n    end {\n      local\n    }\n    assignments {\n      id\n      part\n      personId\n    }\n    stakeholders {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderProgramme($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      title\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n      stakeholders {\n        id\n        name\n        position\n        category\n        consentToBeNamed\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          ...LeaderSessionFields\n        }\n      }\n      uncoveredKeyFactors {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderProgramme($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      status\n      title\n      hostCity {\n        id\n        name\n      }\n      timeline {\n        ...LeaderTimelineFields\n      }\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n      stakeholders {\n        id\n        name\n        position\n        category\n        consentToBeNamed\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          ...LeaderSessionFields\n        }\n      }\n      uncoveredKeyFactors {\n        ...LeaderKeyFactorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderScheduleSession($reviewId: ID!, $input: VisitSessionInput!) {\n    scheduleVisitSession(reviewId: $reviewId, input: $input) {\n      ...LeaderSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderScheduleSession($reviewId: ID!, $input: VisitSessionInput!) {\n    scheduleVisitSession(reviewId: $reviewId, input: $input) {\n      ...LeaderSessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderUpdateSession($sessionId: ID!, $input: VisitSessionInput!, $expectedVersion: Int) {\n    updateVisitSession(sessionId: $sessionId, input: $input, expectedVersion: $expectedVersion) {\n      ...LeaderSessionFields\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderUpdateSession($sessionId: ID!, $input: VisitSessionInput!, $expectedVersion: Int) {\n    updateVisitSession(sessionId: $sessionId, input: $input, expectedVersion: $expectedVersion) {\n      ...LeaderSessionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderCancelSession($sessionId: ID!, $reason: String!) {\n    cancelVisitSession(sessionId: $sessionId, reason: $reason) {\n      id\n      cancelledAt\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderCancelSession($sessionId: ID!, $reason: String!) {\n    cancelVisitSession(sessionId: $sessionId, reason: $reason) {\n      id\n      cancelledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderMoveVisit($reviewId: ID!, $days: Int!) {\n    moveVisit(reviewId: $reviewId, days: $days) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderMoveVisit($reviewId: ID!, $days: Int!) {\n    moveVisit(reviewId: $reviewId, days: $days) {\n      id\n      timeline {\n        ...LeaderTimelineFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderRegisterStakeholder($reviewId: ID!, $input: ReviewStakeholderInput!) {\n    registerStakeholder(reviewId: $reviewId, input: $input) {\n      id\n      name\n      position\n      category\n      consentToBeNamed\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderRegisterStakeholder($reviewId: ID!, $input: ReviewStakeholderInput!) {\n    registerStakeholder(reviewId: $reviewId, input: $input) {\n      id\n      name\n      position\n      category\n      consentToBeNamed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderEvidenceContributors($reviewId: ID!) {\n    evidenceContributors(reviewId: $reviewId) {\n      keyFactorId\n      items\n      person {\n        id\n        fullName\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderEvidenceContributors($reviewId: ID!) {\n    evidenceContributors(reviewId: $reviewId) {\n      keyFactorId\n      items\n      person {\n        id\n        fullName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderEvidenceContext($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          start {\n            local\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderEvidenceContext($reviewId: ID!) {\n    review(id: $reviewId) {\n      id\n      keyFactorsInScope {\n        ...LeaderKeyFactorFields\n      }\n      team {\n        ...LeaderMemberFields\n      }\n    }\n    visitProgramme(reviewId: $reviewId) {\n      timeZone\n      days {\n        date\n        sessions {\n          id\n          title\n          start {\n            local\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderEvidence($reviewId: ID!, $keyFactorId: ID, $sessionId: ID, $stance: EvidenceStance, $loggedById: ID, $search: String) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, sessionId: $sessionId, stance: $stance, loggedById: $loggedById, search: $search, first: 100) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n        loggedBy {\n          id\n          fullName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderEvidence($reviewId: ID!, $keyFactorId: ID, $sessionId: ID, $stance: EvidenceStance, $loggedById: ID, $search: String) {\n    reviewEvidence(reviewId: $reviewId, keyFactorId: $keyFactorId, sessionId: $sessionId, stance: $stance, loggedById: $loggedById, search: $search, first: 100) {\n      totalCount\n      nodes {\n        ...EvidenceFields\n        loggedBy {\n          id\n          fullName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Report {\n    id\n    version\n    status\n    formats\n    published\n    publishedAt\n    requestedAt\n    generatedAt\n    failureReason\n    contentHash\n  }\n"): (typeof documents)["\n  fragment ReportFields on Report {\n    id\n    version\n    status\n    formats\n    published\n    publishedAt\n    requestedAt\n    generatedAt\n    failureReason\n    contentHash\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedbackReport($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      nextSteps {\n        to\n        missing\n        roles\n      }\n    }\n    reviewReports(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  query FeedbackReport($reviewId: ID!) {\n    review(id: $reviewId) {\n      ...FindingsReviewFields\n      nextSteps {\n        to\n        missing\n        roles\n      }\n    }\n    reviewReports(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostPreview($reviewId: ID!) {\n    hostPreview(reviewId: $reviewId) {\n      reviewId\n      visibleToHost\n      conclusions {\n        keyFactorId\n        keyFactorCode\n        keyFactorHeading\n        status\n        rating\n        summary\n        strengths\n        areasToDevelop\n      }\n      recommendations {\n        id\n        text\n        priority\n        horizon\n        suggestedOwner\n        keyFactorCodes\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostPreview($reviewId: ID!) {\n    hostPreview(reviewId: $reviewId) {\n      reviewId\n      visibleToHost\n      conclusions {\n        keyFactorId\n        keyFactorCode\n        keyFactorHeading\n        status\n        rating\n        summary\n        strengths\n        areasToDevelop\n      }\n      recommendations {\n        id\n        text\n        priority\n        horizon\n        suggestedOwner\n        keyFactorCodes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartFeedback($reviewId: ID!) {\n    startFeedback(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartFeedback($reviewId: ID!) {\n    startFeedback(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReporting($reviewId: ID!) {\n    startReporting(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartReporting($reviewId: ID!) {\n    startReporting(reviewId: $reviewId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReport($reviewId: ID!) {\n    requestReport(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestReport($reviewId: ID!) {\n    requestReport(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportChanged($reviewId: ID!) {\n    reportChanged(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  subscription ReportChanged($reviewId: ID!) {\n    reportChanged(reviewId: $reviewId) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  query Report($id: ID!) {\n    report(id: $id) {\n      ...ReportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportNameCheck($reportId: ID!) {\n    reportNameCheck(reportId: $reportId) {\n      reportId\n      version\n      upToDate\n      places {\n        where\n        field\n        name\n        found\n        excerpt\n        reason\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportNameCheck($reportId: ID!) {\n    reportNameCheck(reportId: $reportId) {\n      reportId\n      version\n      upToDate\n      places {\n        where\n        field\n        name\n        found\n        excerpt\n        reason\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishReport($reportId: ID!) {\n    publishReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishReport($reportId: ID!) {\n    publishReport(reportId: $reportId) {\n      ...ReportFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;