import { Injectable } from '@nestjs/common';
import { CurrentUser, GraphqlContext } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { REVIEW_TEAM_ROLES } from '../team/team-member.entity';
import { KnownPeople, NameAnonymiser, nameAnonymiser } from './name-anonymiser';
import { QuoteFacts, quoteAsShown, QuoteShown } from './quote-rule';

type Ctx = Pick<GraphqlContext, 'loaders'>;

/**
 * Team-written text as each reader may see it: the review team (expert leader, peers) and admins
 * read what the team wrote; the host city, observers and anyone else read it through the same
 * anonymiser as the report, built from the same people (the host city's stakeholders, those met in
 * the review's sessions, the current expert leader and peers).
 */
@Injectable()
export class AnonymisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  /** The people each review's anonymiser knows, in two statements whatever the number of reviews. */
  async peopleOf(reviewIds: readonly string[]): Promise<KnownPeople[]> {
    const ids = [...new Set(reviewIds)];
    const [stakeholders, team]: [
      { review_id: string; name: string | null; consent_to_be_named: boolean }[],
      { review_id: string; full_name: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT r.id AS review_id, s.name, s.consent_to_be_named FROM review r JOIN stakeholder s ON s.city_id = r.host_city_id WHERE r.id = ANY($1::uuid[])
         UNION
         SELECT v.review_id, s.name, s.consent_to_be_named FROM visit_session v JOIN session_stakeholder ss ON ss.session_id = v.id JOIN stakeholder s ON s.id = ss.stakeholder_id
          WHERE v.review_id = ANY($1::uuid[])`,
        [ids],
      ),
      this.dataSource.query(
        `SELECT m.review_id, p.full_name FROM team_member m JOIN person p ON p.id = m.person_id
          WHERE m.review_id = ANY($1::uuid[]) AND m.removed_at IS NULL AND m.role::text = ANY($2::text[])`,
        [ids, REVIEW_TEAM_ROLES],
      ),
    ]);
    return reviewIds.map((id) => ({
      stakeholders: stakeholders.filter((s) => s.review_id === id).map((s) => ({ name: s.name, consentToBeNamed: s.consent_to_be_named })),
      team: team.filter((m) => m.review_id === id).map((m) => ({ name: m.full_name })),
    }));
  }

  /** The review's anonymiser, built once per request. */
  async anonymiserOf(reviewId: string, ctx?: Ctx): Promise<NameAnonymiser> {
    if (!ctx) return nameAnonymiser((await this.peopleOf([reviewId]))[0]);
    return ctx.loaders
      .get<string, NameAnonymiser>('NameAnonymiser', async (ids) => (await this.peopleOf(ids)).map(nameAnonymiser))
      .load(reviewId);
  }

  /** Whether the reader sees the team's own words in this review (the team and admins) or the anonymised ones. */
  async readsRawText(user: CurrentUser, reviewId: string, ctx?: Ctx): Promise<boolean> {
    if (user.isAdmin) return true;
    const roles = await this.access.myRoles(user, reviewId, ctx);
    return roles.some((r) => REVIEW_TEAM_ROLES.includes(r));
  }

  /** The quote rule (quoteAsShown) for these items, their stakeholders' current consent to be quoted read in one statement. */
  async quotesAsShown(items: QuoteFacts[]): Promise<{ shown: QuoteShown; text: string | null }[]> {
    const ids = [...new Set(items.flatMap((e) => (e.quotedStakeholderId ? [e.quotedStakeholderId] : [])))];
    const rows: { id: string }[] = ids.length
      ? await this.dataSource.query('SELECT id FROM stakeholder WHERE id = ANY($1::uuid[]) AND consent_to_be_quoted', [ids])
      : [];
    const consented = new Set(rows.map((r) => r.id));
    return items.map((e) => quoteAsShown(e, (id) => consented.has(id)));
  }

  /** One piece of team-written text of the review, as this reader may read it. */
  async forReader(user: CurrentUser, reviewId: string, text: string, ctx?: Ctx): Promise<string>;
  async forReader(user: CurrentUser, reviewId: string, text: string | null, ctx?: Ctx): Promise<string | null>;
  async forReader(user: CurrentUser, reviewId: string, text: string | null, ctx?: Ctx): Promise<string | null> {
    if (!text || (await this.readsRawText(user, reviewId, ctx))) return text;
    return (await this.anonymiserOf(reviewId, ctx)).anonymise(text);
  }
}
