/**
 * The floor of the whole-review read (issue #22): the rows WHOLE_REVIEW_QUERY reads, read with plain
 * SQL (one statement per kind of thing, as many at once as the pool allows) by the process that serves
 * the API, assembled into the answer's shape (the same fields, nesting and order) and serialised with
 * JSON.stringify. No GraphQL, no authorization beyond the caller's roles, no HTTP: the cost of moving
 * the data out of PostgreSQL into the JSON a client receives.
 */
import { formatInZone } from '@peervisit/review';
import { DataSource } from 'typeorm';

type Row = Record<string, unknown> & { id: string };

const group = <T extends Record<string, unknown>>(rows: T[], key: keyof T) => {
  const map = new Map<unknown, T[]>();
  for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return map;
};

/** Reads and serialises the whole review as the floor; answers the JSON text. */
export async function readWholeReviewFloor(ds: DataSource, reviewId: string, personId: string): Promise<string> {
  const q = (sql: string, params: unknown[] = [reviewId]) => ds.query(sql, params) as Promise<Row[]>;
  const [
    roles,
    [review],
    keyFactors,
    team,
    stakeholders,
    sessions,
    assignments,
    sessionStakeholders,
    coverage,
    conclusions,
    recommendations,
    page,
    [count],
  ] = await Promise.all([
    q('SELECT role FROM team_member WHERE review_id = $1 AND person_id = $2 AND removed_at IS NULL', [reviewId, personId]),
    q(
      `SELECT r.id, r.title, r.kind, r.status, r.visit_starts_at, r.visit_ends_at, r.scope_key_factor_ids,
                c.name AS city_name, c.country, c.time_zone, b.code AS benchmark_code, b.version AS benchmark_version, c.id AS city_id
           FROM review r JOIN city c ON c.id = r.host_city_id JOIN benchmark b ON b.id = r.benchmark_id WHERE r.id = $1`,
    ),
    q(
      'SELECT k.id, k.code, k.heading, k.statement FROM key_factor k JOIN review r ON r.benchmark_id = k.benchmark_id WHERE r.id = $1 ORDER BY k.number',
    ),
    q(
      `SELECT m.role, p.id, p.full_name FROM team_member m JOIN person p ON p.id = m.person_id
          WHERE m.review_id = $1 AND m.removed_at IS NULL ORDER BY m.added_at`,
    ),
    q(
      'SELECT s.id, s.category, s.position, s.name FROM stakeholder s JOIN review r ON r.host_city_id = s.city_id WHERE r.id = $1 ORDER BY s.position',
    ),
    q(
      'SELECT id, kind, title, location, starts_at, ends_at, cancelled_at, key_factor_ids FROM visit_session WHERE review_id = $1 ORDER BY starts_at',
    ),
    q(
      `SELECT a.session_id AS id, a.part, p.full_name FROM session_assignment a JOIN visit_session s ON s.id = a.session_id
           JOIN person p ON p.id = a.person_id WHERE s.review_id = $1`,
    ),
    q(
      `SELECT x.session_id AS id, st.category, st.position FROM session_stakeholder x JOIN visit_session s ON s.id = x.session_id
           JOIN stakeholder st ON st.id = x.stakeholder_id WHERE s.review_id = $1`,
    ),
    q(
      `SELECT kf AS id, e.source, e.stance, count(*)::int AS n FROM evidence e, unnest(e.key_factor_ids) AS kf
          WHERE e.review_id = $1 AND e.retracted_at IS NULL GROUP BY kf, e.source, e.stance`,
    ),
    q(
      `SELECT c.id, c.key_factor_id, c.rating, c.status, c.summary, c.strengths, c.areas_to_develop, c.version, c.agreed_at, c.evidence_ids,
                p.full_name AS updated_by
           FROM conclusion c LEFT JOIN person p ON p.id = c.updated_by_id WHERE c.review_id = $1`,
    ),
    q(
      `SELECT id, text, priority, horizon, suggested_owner, follow_up_status, key_factor_ids, related_example_ids
           FROM recommendation WHERE review_id = $1 ORDER BY created_at`,
    ),
    q(
      `SELECT e.id, e.statement, e.recorded_at, p.full_name FROM evidence e JOIN person p ON p.id = e.logged_by_id
          WHERE e.review_id = $1 AND e.retracted_at IS NULL ORDER BY e.recorded_at DESC, e.id DESC LIMIT 100`,
    ),
    q('SELECT count(*)::int AS n, $1::uuid AS id FROM evidence WHERE review_id = $1 AND retracted_at IS NULL'),
  ]);
  const cited = [...new Set(conclusions.flatMap((c) => c.evidence_ids as string[]))];
  const [revisions, evidence, evidenceRevisions, examples, updates] = await Promise.all([
    q(
      'SELECT conclusion_id AS id, version, rating, status, saved_at FROM conclusion_revision WHERE conclusion_id = ANY ($1) ORDER BY version',
      [conclusions.map((c) => c.id)],
    ),
    q(
      `SELECT e.id, e.source, e.stance, e.statement, e.quote, e.stakeholder_category, e.session_id, e.observed_at, e.recorded_at, e.revision,
              e.key_factor_ids, p.full_name
         FROM evidence e JOIN person p ON p.id = e.logged_by_id WHERE e.review_id = $1 AND e.id = ANY ($2)`,
      [reviewId, cited],
    ),
    q('SELECT evidence_id AS id, revision, changes, edited_at FROM evidence_revision WHERE evidence_id = ANY ($1) ORDER BY revision', [
      cited,
    ]),
    q('SELECT id, city, text FROM key_factor_example WHERE id = ANY ($1)', [
      recommendations.flatMap((r) => r.related_example_ids as string[]),
    ]),
    q('SELECT recommendation_id AS id, status, as_of, note FROM follow_up_update WHERE recommendation_id = ANY ($1) ORDER BY as_of', [
      recommendations.map((r) => r.id),
    ]),
  ]);

  const tz = review.time_zone as string;
  const local = (d: unknown) => (d ? formatInZone(d as Date, tz) : null);
  const kf = new Map(keyFactors.map((k) => [k.id, k]));
  const codes = (ids: unknown) => (ids as string[]).map((id) => ({ code: kf.get(id)?.code }));
  const scope = review.scope_key_factor_ids as string[] | null;
  const inScope = scope ? keyFactors.filter((k) => scope.includes(k.id)) : keyFactors;
  const byAssignment = group(assignments, 'id');
  const bySessionStakeholder = group(sessionStakeholders, 'id');
  const byCoverage = group(coverage, 'id');
  const byRevision = group(revisions, 'id');
  const byEvidenceRevision = group(evidenceRevisions, 'id');
  const byUpdate = group(updates, 'id');
  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const exampleById = new Map(examples.map((e) => [e.id, e]));
  const days = group(
    sessions.map((s): Row => ({ ...s, date: local(s.starts_at)!.slice(0, 10) })),
    'date',
  );
  const answer = {
    review: {
      id: review.id,
      title: review.title,
      kind: review.kind,
      status: review.status,
      myRoles: roles.map((r) => r.role),
      hostCity: { name: review.city_name, country: review.country, timeZone: tz },
      benchmark: { code: review.benchmark_code, version: review.benchmark_version },
      timeline: {
        timeZone: tz,
        visitStart: { instant: review.visit_starts_at, local: local(review.visit_starts_at) },
        visitEnd: { instant: review.visit_ends_at, local: local(review.visit_ends_at) },
      },
      keyFactorsInScope: inScope.map((k) => ({ id: k.id, code: k.code, heading: k.heading, statement: k.statement })),
      team: team.map((m) => ({ role: m.role, person: { id: m.id, fullName: m.full_name } })),
      stakeholders: stakeholders.map((s) => ({ id: s.id, category: s.category, position: s.position, name: s.name })),
      nextSteps: [],
    },
    visitProgramme: {
      timeZone: tz,
      days: [...days.entries()].map(([date, list]) => ({
        date,
        sessions: list.map((s) => ({
          id: s.id,
          kind: s.kind,
          title: s.title,
          location: s.location,
          start: { local: local(s.starts_at) },
          end: { local: local(s.ends_at) },
          cancelledAt: s.cancelled_at,
          keyFactors: codes(s.key_factor_ids),
          assignments: (byAssignment.get(s.id) ?? []).map((a) => ({ part: a.part, person: { fullName: a.full_name } })),
          stakeholders: (bySessionStakeholder.get(s.id) ?? []).map((x) => ({ category: x.category, position: x.position })),
        })),
      })),
      uncoveredKeyFactors: inScope
        .filter((k) => !sessions.some((s) => (s.key_factor_ids as string[]).includes(k.id)))
        .map((k) => ({ code: k.code })),
    },
    evidenceCoverage: {
      keyFactors: inScope.map((k) => {
        const rows = byCoverage.get(k.id) ?? [];
        const sum = (pick: (r: Row) => boolean) => rows.filter(pick).reduce((n, r) => n + (r.n as number), 0);
        return {
          keyFactor: { code: k.code },
          total: sum(() => true),
          bySource: ['DOCUMENT', 'INTERVIEW', 'FOCUS_GROUP', 'OBSERVATION', 'SELF_ASSESSMENT'].map((source) => ({
            source,
            count: sum((r) => r.source === source),
          })),
          byStance: ['SUPPORTS', 'CONTRADICTS', 'NEUTRAL'].map((stance) => ({ stance, count: sum((r) => r.stance === stance) })),
          lacksInterviewOrFocusGroup: sum((r) => r.source === 'INTERVIEW' || r.source === 'FOCUS_GROUP') === 0,
        };
      }),
    },
    reviewConclusions: conclusions.map((c) => ({
      id: c.id,
      rating: c.rating,
      status: c.status,
      summary: c.summary,
      strengths: c.strengths,
      areasToDevelop: c.areas_to_develop,
      version: c.version,
      agreedAt: c.agreed_at,
      keyFactor: { code: kf.get(c.key_factor_id as string)?.code, heading: kf.get(c.key_factor_id as string)?.heading },
      updatedBy: c.updated_by ? { fullName: c.updated_by } : null,
      revisions: (byRevision.get(c.id) ?? []).map((r) => ({ version: r.version, rating: r.rating, status: r.status, savedAt: r.saved_at })),
      citedEvidence: (c.evidence_ids as string[]).flatMap((id) => {
        const e = evidenceById.get(id);
        if (!e) return [];
        return [
          {
            id: e.id,
            source: e.source,
            stance: e.stance,
            statement: e.statement,
            quote: e.quote,
            stakeholderCategory: e.stakeholder_category,
            sessionId: e.session_id,
            observedAt: e.observed_at,
            recordedAt: e.recorded_at,
            revision: e.revision,
            loggedBy: { fullName: e.full_name },
            keyFactors: codes(e.key_factor_ids),
            revisions: (byEvidenceRevision.get(e.id) ?? []).map((r) => ({
              revision: r.revision,
              changes: r.changes,
              editedAt: r.edited_at,
            })),
          },
        ];
      }),
    })),
    reviewRecommendations: recommendations.map((r) => ({
      id: r.id,
      text: r.text,
      priority: r.priority,
      horizon: r.horizon,
      suggestedOwner: r.suggested_owner,
      followUpStatus: r.follow_up_status,
      keyFactors: codes(r.key_factor_ids),
      relatedExamples: (r.related_example_ids as string[]).flatMap((id) => {
        const x = exampleById.get(id);
        return x ? [{ city: x.city, text: x.text }] : [];
      }),
      followUpUpdates: (byUpdate.get(r.id) ?? []).map((u) => ({ status: u.status, asOf: u.as_of, note: u.note })),
    })),
    reviewEvidence: {
      totalCount: count.n,
      nodes: page.map((e) => ({ id: e.id, statement: e.statement, recordedAt: e.recorded_at, loggedBy: { fullName: e.full_name } })),
    },
  };
  return JSON.stringify({ data: answer });
}
