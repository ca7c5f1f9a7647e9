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
};
const documents: Documents = {
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;