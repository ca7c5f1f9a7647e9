import { AppError, CurrentUser, isUuid, notFound, Problem } from '@peervisit/platform';
import { REVIEW_PERMISSIONS } from '../access/review-permissions';
import { ReviewAccessService } from '../access/review-access.service';
import { assertAllowed, statusesAllowing } from '../review/review-capabilities';
import { ReviewStatus } from '../review/review.entity';
import { ReviewRole } from '../team/team-member.entity';
import { VisitSessionKind } from '../visit/visit-session.entity';
import { EvidenceSource } from './evidence.entity';
import { EvidenceInput } from './evidence.inputs';

/**
 * The rules for logging evidence, each written once: its SQL condition (for the one statement that
 * reads the facts and inserts only when they allow it) beside its TypeScript check (which says why
 * when the statement inserted nothing, and checks an edit). evidence-rules.spec.ts runs every rule
 * both ways on the same input against PostgreSQL.
 */

/** Which session kinds a source may come from. */
export const SESSION_KINDS: Partial<Record<EvidenceSource, VisitSessionKind[]>> = {
  INTERVIEW: [VisitSessionKind.INTERVIEW],
  FOCUS_GROUP: [VisitSessionKind.FOCUS_GROUP],
  OBSERVATION: [VisitSessionKind.SITE_VISIT, VisitSessionKind.INTERVIEW, VisitSessionKind.FOCUS_GROUP, VisitSessionKind.BRIEFING],
};

/** How a facts statement names the review, the session, the document and the person whose roles it reads. */
export interface FactsRefs {
  review: string;
  session: string;
  document: string;
  person: string;
}

/**
 * Every fact the rules read, as one row `f` (there is always one: the roles are known even when
 * the review is not), for the review, session, document and person named by `refs` (parameters, or a
 * batch row's columns). The key factors in scope are as ReviewService.keyFactorsInScope has them:
 * the scope, or the whole benchmark.
 */
export const factsSelect = ({ review, session, document, person }: FactsRefs) => `SELECT r.status, r.working_language,
       ARRAY(SELECT m.role::text FROM team_member m WHERE m.review_id = ${review} AND m.person_id = ${person} AND m.removed_at IS NULL) AS roles,
       ARRAY(SELECT k.id FROM key_factor k
              WHERE k.benchmark_id = r.benchmark_id AND (r.scope_key_factor_ids IS NULL OR k.id = ANY (r.scope_key_factor_ids))) AS scope,
       (SELECT s.kind FROM visit_session s WHERE s.id = ${session} AND s.review_id = r.id) AS session_kind,
       EXISTS (SELECT 1 FROM document d WHERE d.id = ${document} AND d.review_id = r.id AND d.retracted_at IS NULL) AS document_found
  FROM (SELECT) AS one LEFT JOIN review r ON r.id = ${review}`;

/** The facts of one item: $1 review, $2 session, $3 document, $4 the person whose roles are read (or null). */
export const FACTS_SELECT = factsSelect({ review: '$1::uuid', session: '$2::uuid', document: '$3::uuid', person: '$4::uuid' });

export interface FactsRow {
  status: ReviewStatus | null;
  /** The review's working language: a new item's language (the evidence_language trigger's rule, without its lookup per row). */
  working_language: string | null;
  roles: ReviewRole[];
  scope: string[];
  session_kind: VisitSessionKind | null;
  document_found: boolean;
}

/** What the rules know about the review, the session and the document named. */
export interface LoggingFacts {
  /** Null when there is no such review. */
  status: ReviewStatus | null;
  /** The caller's roles in the review (when asked for). */
  roles: ReviewRole[];
  scope: Set<string>;
  sessionKind: VisitSessionKind | null;
  documentFound: boolean;
}

export const factsOf = (row: FactsRow): LoggingFacts => ({
  status: row.status,
  roles: row.roles,
  scope: new Set(row.scope),
  sessionKind: row.session_kind,
  documentFound: row.document_found,
});

/** Who logs into which review; `checkRoles` is off when the caller's roles were checked already (a batch, an edit). */
export interface LoggingCaller {
  user: CurrentUser;
  reviewId: string;
  checkRoles: boolean;
  access: Pick<ReviewAccessService, 'check'>;
  /** The stakeholders an item may quote (the host city's and those met in the review), read when an input names one. */
  quotable?: ReadonlySet<string>;
}

/**
 * How a rule's SQL names the statement's values: FACTS_SELECT's session ($2) and document ($3),
 * and `bind` for anything else (it adds a parameter and answers its placeholder, cast to `type`).
 */
export interface RuleParams {
  session: string;
  document: string;
  bind(value: unknown, type: string): string;
}

export interface EvidenceRule {
  name: string;
  /**
   * The condition on the facts row `f` for the guarded INSERT. Absent for a rule on the input alone:
   * input that breaks one never reaches the INSERT (see inputHolds), so SQL has nothing to add.
   * Binds the same parameters whatever the input, so the statement's text never changes.
   */
  sql?: (p: RuleParams, input: EvidenceInput, caller: LoggingCaller) => string;
  /**
   * The same rule in TypeScript: null when it holds; otherwise a problem with the input, or an
   * AppError for a refusal that is not about the input (FORBIDDEN, NOT_FOUND, INVALID_TRANSITION).
   */
  check: (facts: LoggingFacts, input: EvidenceInput, caller: LoggingCaller) => Problem | AppError | null;
}

const words = (value: string) => value.toLowerCase().replace('_', ' ');
const errorOf = (run: () => void): AppError | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

/**
 * In the order they are checked: who may log first (so a non-member learns nothing about the
 * review), then whether the review takes evidence, then the input, field by field, every problem
 * at once.
 */
export const EVIDENCE_RULES: EvidenceRule[] = [
  {
    name: 'the caller may log evidence in the review',
    sql: (p, _input, caller) =>
      `NOT ${p.bind(caller.checkRoles && !caller.user.isAdmin, 'boolean')} OR f.roles && ${p.bind(REVIEW_PERMISSIONS['evidence.log'], 'text[]')}`,
    check: (facts, _input, caller) =>
      caller.checkRoles ? errorOf(() => caller.access.check(caller.user, facts.roles, 'evidence.log')) : null,
  },
  {
    name: 'the review exists',
    sql: () => 'f.status IS NOT NULL',
    check: (facts, _input, caller) => (facts.status ? null : notFound(`Review ${caller.reviewId}`)),
  },
  {
    name: 'the review takes evidence in its status',
    sql: (p) => `f.status IS NULL OR f.status::text = ANY (${p.bind(statusesAllowing('logEvidence'), 'text[]')})`,
    check: (facts) => (facts.status ? errorOf(() => assertAllowed({ status: facts.status! }, 'logEvidence')) : null),
  },
  {
    name: 'the id is a UUID',
    check: (_facts, input) =>
      !input.id || !isUuid(input.id.trim())
        ? { path: 'id', message: 'must be a UUID the client generated (e.g. crypto.randomUUID())' }
        : null,
  },
  {
    name: 'the statement is there and not too long',
    check: (_facts, input) => {
      if (!input.statement?.trim()) return { path: 'statement', message: 'must not be empty' };
      return input.statement.length > 10000 ? { path: 'statement', message: 'must be at most 10000 characters' } : null;
    },
  },
  {
    name: 'the quote is not too long',
    check: (_facts, input) =>
      input.quote && input.quote.length > 10000 ? { path: 'quote', message: 'must be at most 10000 characters' } : null,
  },
  {
    name: 'the paraphrase is not too long',
    check: (_facts, input) =>
      input.paraphrase && input.paraphrase.length > 10000 ? { path: 'paraphrase', message: 'must be at most 10000 characters' } : null,
  },
  {
    // A quote without the person's consent is still accepted without a paraphrase (a phone syncing must
    // never lose it): it is flagged (needsParaphrase) and shown as "paraphrase pending" until one is written.
    name: 'the stakeholder quoted is one of the review',
    check: (_facts, input, caller) =>
      input.quotedStakeholderId && !caller.quotable?.has(input.quotedStakeholderId)
        ? { path: 'quotedStakeholderId', message: 'not a stakeholder of the host city or of this review’s sessions' }
        : null,
  },
  {
    name: 'observedAt is an instant',
    check: (_facts, input) =>
      input.observedAt && Number.isNaN(new Date(input.observedAt).getTime())
        ? { path: 'observedAt', message: 'expected an ISO instant, e.g. 2027-03-10T10:15:00+01:00' }
        : null,
  },
  {
    name: 'at least one key factor',
    check: (_facts, input) =>
      input.keyFactorIds?.length ? null : { path: 'keyFactorIds', message: 'name at least one key factor the evidence bears on' },
  },
  {
    name: "the key factors are in the review's scope",
    sql: (p, input) => `${p.bind(input.keyFactorIds ?? [], 'uuid[]')} <@ f.scope`,
    check: (facts, input) => {
      const outside = (input.keyFactorIds ?? []).filter((id) => !facts.scope.has(id));
      return outside.length ? { path: 'keyFactorIds', message: `not key factors in the review's scope: ${outside.join(', ')}` } : null;
    },
  },
  {
    name: 'the session named is one of the review',
    sql: (p) => `${p.session} IS NULL OR f.session_kind IS NOT NULL`,
    check: (facts, input) =>
      input.sessionId && !facts.sessionKind ? { path: 'sessionId', message: 'not a session of this review' } : null,
  },
  {
    name: 'the session named is of a kind the source may come from',
    sql: (p, input) =>
      `${p.session} IS NULL OR f.session_kind IS NULL OR f.session_kind::text = ANY (${p.bind(SESSION_KINDS[input.source] ?? [], 'text[]')})`,
    check: (facts, input) =>
      input.sessionId && facts.sessionKind && !SESSION_KINDS[input.source]?.includes(facts.sessionKind)
        ? { path: 'sessionId', message: `${words(input.source)} evidence cannot come from a ${words(facts.sessionKind)}` }
        : null,
  },
  {
    name: 'interview and focus-group evidence name their session',
    check: (_facts, input) =>
      !input.sessionId && (input.source === EvidenceSource.INTERVIEW || input.source === EvidenceSource.FOCUS_GROUP)
        ? {
            path: 'sessionId',
            message: `say which ${input.source === EvidenceSource.INTERVIEW ? 'interview' : 'focus group'} it came from`,
          }
        : null,
  },
  {
    name: 'the document named is one of the review (not retracted)',
    sql: (p) => `${p.document} IS NULL OR f.document_found`,
    check: (facts, input) =>
      input.documentId && !facts.documentFound ? { path: 'documentId', message: 'not a document of this review' } : null,
  },
  {
    name: 'document evidence names its document',
    check: (_facts, input) =>
      !input.documentId && input.source === EvidenceSource.DOCUMENT
        ? { path: 'documentId', message: 'say which document it came from' }
        : null,
  },
];

/**
 * The rules' SQL conditions for the WHERE of a statement whose FACTS_SELECT row is `f`; the values
 * they bind are appended to `params` (which holds the statement's own parameters before them).
 */
export function rulesWhere(rules: EvidenceRule[], input: EvidenceInput, caller: LoggingCaller, params: unknown[]): string {
  const p: RuleParams = {
    session: '$2::uuid',
    document: '$3::uuid',
    bind: (value, type) => {
      params.push(value);
      return `$${params.length}::${type}`;
    },
  };
  return rules.flatMap((rule) => (rule.sql ? [`(${rule.sql(p, input, caller)})`] : [])).join('\n            AND ');
}

/**
 * The rules' SQL conditions for one statement over many items (a batch): each item is a row `x` of the
 * batch, with its session in x.session_id and its document in x.document_id, and its facts row `f`.
 * A rule binds the same parameters whatever the input (its text never changes), so the k-th value it
 * binds becomes the batch's column b<k>, typed as bound, with one value per item. `inputs` holds null
 * for an item that is not written (its values stay null; the condition is not used for it).
 */
export function batchRulesWhere(
  rules: EvidenceRule[],
  inputs: (EvidenceInput | null)[],
  caller: LoggingCaller,
): { where: string; columns: { name: string; type: string }[]; values: unknown[][] } {
  let where: string | null = null;
  let columns: { name: string; type: string }[] = [];
  const values = inputs.map((input) => {
    if (!input) return [];
    const bound: { value: unknown; type: string }[] = [];
    const p: RuleParams = {
      session: 'x.session_id',
      document: 'x.document_id',
      bind: (value, type) => {
        bound.push({ value, type });
        return `x.b${bound.length - 1}`;
      },
    };
    const text = rules.flatMap((rule) => (rule.sql ? [`(${rule.sql(p, input, caller)})`] : [])).join('\n            AND ');
    if (where === null) {
      where = text;
      columns = bound.map((b, k) => ({ name: `b${k}`, type: b.type }));
    } else if (text !== where || bound.some((b, k) => b.type !== columns[k].type)) {
      throw new Error('An evidence rule binds different parameters for different inputs: it cannot run over a batch.');
    }
    return bound.map((b) => b.value);
  });
  return { where: where ?? 'false', columns, values };
}

/** Throws the first refusal that is not about the input; otherwise every problem with the input, in order. */
export function checkRules(facts: LoggingFacts, input: EvidenceInput, caller: LoggingCaller): Problem[] {
  const problems: Problem[] = [];
  for (const rule of EVIDENCE_RULES) {
    const refusal = rule.check(facts, input, caller);
    if (refusal instanceof AppError) throw refusal;
    if (refusal) problems.push(refusal);
  }
  return problems;
}

const NO_FACTS: LoggingFacts = { status: null, roles: [], scope: new Set(), sessionKind: null, documentFound: false };

/** Whether the input passes the rules on the input alone (those without SQL). */
export function inputHolds(input: EvidenceInput, caller: LoggingCaller): boolean {
  return EVIDENCE_RULES.every((rule) => rule.sql || rule.check(NO_FACTS, input, caller) === null);
}
