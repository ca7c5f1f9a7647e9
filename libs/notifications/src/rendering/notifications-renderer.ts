import { Inject, Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person } from '@peervisit/directory/entities';
import { APP_CONFIG, AppConfig, formattingLocale, Language, languageOf, MessageRenderer, RenderedMessage } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { parseInZone, ReviewService, stakeholdersAsShownTo } from '@peervisit/review';
import {
  Conclusion,
  ConclusionStatus,
  Evidence,
  EntryStatus,
  PlanAction,
  PlanActionStatus,
  Recommendation,
  ReviewRole,
  SelfAssessmentEntry,
  SelfAssessmentReturn,
  TeamMember,
  VisitSession,
} from '@peervisit/review/entities';
import { DataSource, EntityNotFoundError, In, IsNull } from 'typeorm';
import { buildSessionInvite } from '../calendar/session-invite';
import { IndexReminderRenderer, isIndexTemplate } from '../icc-index/index-reminder-renderer';
import { formatMessage } from '../templates/catalogue';
import { RenderLoaders } from './render-loaders';
import { TemplateName, TemplateRenderer } from '../templates/template-renderer';

type Skip = { skip: string };
const isPlanActionTemplate = (template: string) => template === 'plan-action-due' || template === 'plan-action-escalated';

/**
 * The notify step: at send time, loads what the message is about, checks it is still worth sending,
 * and renders it in the recipient's time zone and language. Outbox rows carry ids, not content, so a
 * message always says what is true when it goes out.
 */
@Injectable()
export class NotificationsRenderer implements MessageRenderer {
  private readonly templates = new TemplateRenderer();
  /** Messages rendered at the same time (a burst) read their recipients, review and session together. */
  private readonly loaders: RenderLoaders;
  private readonly index: IndexReminderRenderer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.loaders = new RenderLoaders(dataSource);
    this.index = new IndexReminderRenderer(dataSource, this.templates, config.publicUrl);
  }

  async render(message: OutboxMessage): Promise<RenderedMessage | Skip> {
    // Read together: a burst's messages each wait on their reads in turn, so fewer turns, more sent.
    const [person, review] = await Promise.all([
      message.recipientId
        ? this.loaders.person.load(message.recipientId)
        : message.template === 'invitation'
          ? // An invitation names an address; when it already has an account, that person's language and zone apply.
            this.dataSource.getRepository(Person).findOneBy({ email: message.recipientEmail.toLowerCase() })
          : null,
      message.reviewId ? this.loaders.review.load(message.reviewId) : null,
    ]);
    if (message.optional && person?.optionalRemindersOff) return { skip: 'the recipient turned optional reminders off' };
    // The recipient's language; someone without an account yet (an invitation) gets the review's working language.
    const language: Language = languageOf(person?.locale ?? review?.workingLanguage);
    const locale = formattingLocale(language, person?.locale);
    const options = { timeZone: person?.timeZone ?? 'UTC', locale, language };
    const t = (key: string, values?: Record<string, unknown>) => formatMessage(language, locale, key, values);
    const base = { recipientName: person?.fullName ?? '' };
    const data = message.data as Record<string, unknown>;
    const link = (path: string) => `${this.config.publicUrl}${path}`;

    // A reset asked for an address without an account is written and queued like any other, so the
    // request's timing says nothing about accounts; it is dropped here.
    if (message.template === 'password-reset' && !person) return { skip: 'no account has this address' };
    if (message.template === 'password-reset' || message.template === 'invitation') {
      const { secret, ...rest } = data;
      // The role's name in the reader's language (rows written before it carried the role keep their English label).
      const roleLabel = typeof rest.role === 'string' ? t(`role.${rest.role}`) : rest.roleLabel;
      const payload = { ...base, ...rest, ...(roleLabel ? { roleLabel } : {}), code: secret, link: `${rest.linkBase}${secret}` };
      return this.rendered(message.template, payload, options);
    }

    // An Index assessment's reminders are about no review.
    if (isIndexTemplate(message.template)) return this.index.render(message, person, options);
    // So are the reminders of a city's own development plan (actions without a review).
    if (!review && isPlanActionTemplate(message.template)) return this.planAction(message, null, base, options);
    if (!review) return { skip: 'the review no longer exists' };
    const reviewLink = link(`/reviews/${review.id}`);
    const common = { ...base, reviewTitle: review.title, link: reviewLink };

    switch (message.template as TemplateName) {
      case 'self-assessment-due': {
        if (review.selfAssessmentSubmittedAt || !review.selfAssessmentDueAt) return { skip: 'the self-assessment was submitted' };
        const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
        const inScope = await this.reviews.keyFactorsInScope(review);
        const entries = await this.dataSource.getRepository(SelfAssessmentEntry).findBy({ reviewId: review.id });
        const done = new Set(
          entries.filter((e) => e.status === EntryStatus.SUBMITTED || (e.rating !== null && e.narrative)).map((e) => e.keyFactorId),
        );
        let open = inScope.filter((k) => !done.has(k.id));
        // A contributor hears about the entries assigned to them; the coordinator about all of them.
        const member = await this.dataSource
          .getRepository(TeamMember)
          .findOneBy({ reviewId: review.id, personId: message.recipientId ?? '', removedAt: IsNull() });
        if (member?.role === ReviewRole.HOST_CONTRIBUTOR) {
          const mine = new Set(entries.filter((e) => e.assigneeId === message.recipientId).map((e) => e.keyFactorId));
          open = open.filter((k) => mine.has(k.id));
          if (!open.length) return { skip: 'no open self-assessment entries are assigned to the recipient' };
        }
        const dueAt = review.selfAssessmentDueAt;
        return this.rendered(
          'self-assessment-due',
          {
            ...common,
            cityName: city.name,
            dueAt: dueAt.toISOString(),
            daysLeft: Math.max(0, Math.ceil((dueAt.getTime() - Date.now()) / 86400000)),
            openKeyFactors: open.map((k) => ({ code: k.code, heading: k.heading })),
          },
          options,
        );
      }
      case 'session-reminder':
      case 'session-updated':
      case 'session-cancelled': {
        const sessionId = String(data.sessionId);
        // In one turn (see above); a session that is gone is found by its own read.
        const [session, assignment, city, met] = await Promise.all([
          this.loaders.session.load(sessionId),
          this.loaders.assignment.load(`${sessionId} ${message.recipientId ?? ''}`),
          this.loaders.city.load(review.hostCityId),
          this.loaders.stakeholders.load(sessionId),
        ]);
        if (!session) return { skip: 'the session no longer exists' };
        const cancelled = message.template === 'session-cancelled';
        if (!cancelled && session.cancelledAt) return { skip: 'the session was cancelled' };
        if (!cancelled && !assignment) return { skip: 'the recipient is no longer assigned to the session' };
        if (!city) throw new EntityNotFoundError(City, { id: review.hostCityId });
        // Someone who withdrew their consent to be named is, outside the team, not even described by position.
        const stakeholders = await stakeholdersAsShownTo(this.dataSource, message.recipientId, review.id, met);
        const kindLabel = t(`kind.${session.kind}`);
        const invite = buildSessionInvite({
          uid: `session-${session.id}-${message.recipientId}@peervisit`,
          sequence: session.version,
          method: cancelled ? 'CANCEL' : 'REQUEST',
          summary: t('calendar.summary', { kind: kindLabel, title: session.title }),
          description: t('calendar.description', { review: review.title, zone: city.timeZone, link: reviewLink }),
          language,
          location: session.location,
          start: session.startsAt,
          end: session.endsAt,
          timeZone: city.timeZone,
          organizer: { name: 'PeerVisit', email: this.config.mailFrom.replace(/^.*<|>.*$/g, '') },
          attendee: { name: person?.fullName ?? message.recipientEmail, email: message.recipientEmail },
          url: reviewLink,
        });
        const sessionData = {
          ...common,
          sessionTitle: session.title,
          kindLabel,
          hostTimeZone: city.timeZone,
          startAt: session.startsAt.toISOString(),
          endAt: session.endsAt.toISOString(),
          location: session.location ?? undefined,
          part: assignment ? t(`part.${assignment.part}`) : '',
          daysBefore: data.daysBefore,
          // Names only for those who consented to be named.
          stakeholders: stakeholders.map((s) =>
            s.consentToBeNamed && s.name
              ? `${s.name} (${s.position ?? t(`stakeholder.${s.category}`)})`
              : (s.position ?? t(`stakeholder.${s.category}`)),
          ),
          previousStartAt: message.template === 'session-updated' ? await this.previousStart(session.id, session.startsAt) : undefined,
          reason: session.cancellationReason ?? '',
        };
        const rendered = this.templates.render(message.template as TemplateName, sessionData, options);
        return { ...rendered, icalEvent: { method: cancelled ? 'CANCEL' : 'REQUEST', content: invite } };
      }
      case 'evidence-nudge': {
        const session = await this.dataSource.getRepository(VisitSession).findOneBy({ id: String(data.sessionId) });
        if (!session || session.cancelledAt) return { skip: 'the session was cancelled' };
        const logged = await this.dataSource
          .getRepository(Evidence)
          .existsBy({ sessionId: session.id, loggedById: message.recipientId ?? '', retractedAt: IsNull() });
        if (logged) return { skip: 'the peer has logged evidence for the session' };
        return this.rendered('evidence-nudge', { ...common, sessionTitle: session.title, endedAt: session.endsAt.toISOString() }, options);
      }
      case 'conclusions-due': {
        const inScope = await this.reviews.keyFactorsInScope(review);
        const agreed = new Set(
          (await this.dataSource.getRepository(Conclusion).findBy({ reviewId: review.id, status: ConclusionStatus.AGREED })).map(
            (c) => c.keyFactorId,
          ),
        );
        const missing = inScope.filter((k: KeyFactor) => !agreed.has(k.id));
        if (!missing.length || !review.conclusionsDueAt) return { skip: 'every conclusion is agreed' };
        return this.rendered(
          'conclusions-due',
          {
            ...common,
            dueAt: review.conclusionsDueAt.toISOString(),
            missingKeyFactors: missing.map((k) => ({ code: k.code, heading: k.heading })),
          },
          options,
        );
      }
      case 'follow-up-checkpoint': {
        const open = await this.dataSource
          .getRepository(Recommendation)
          .count({ where: { reviewId: review.id, withdrawnAt: IsNull(), followUpStatus: In(['NOT_STARTED', 'IN_PROGRESS']) as never } });
        return this.rendered('follow-up-checkpoint', { ...common, checkpointAt: data.checkpointAt, openRecommendations: open }, options);
      }
      case 'report-published': {
        const [report] = await this.dataSource.query('SELECT version, published, published_at FROM report WHERE id = $1', [
          String(data.reportId),
        ]);
        if (!report?.published) return { skip: 'the report is not published' };
        return this.rendered(
          'report-published',
          { ...common, version: report.version, publishedAt: new Date(report.published_at).toISOString(), link: String(data.link) },
          options,
        );
      }
      case 'self-assessment-returned': {
        const sent = await this.dataSource.getRepository(SelfAssessmentReturn).findOneBy({ id: String(data.returnId) });
        if (!sent) return { skip: 'the send-back no longer exists' };
        const entry = await this.dataSource.getRepository(SelfAssessmentEntry).findOneByOrFail({ id: sent.entryId });
        const keyFactor = await this.dataSource.getRepository(KeyFactor).findOneByOrFail({ id: entry.keyFactorId });
        const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
        const leader = await this.dataSource.getRepository(Person).findOneBy({ id: sent.sentById });
        return this.rendered(
          'self-assessment-returned',
          {
            ...common,
            cityName: city.name,
            keyFactorCode: keyFactor.code,
            keyFactorHeading: keyFactor.heading,
            leaderName: leader?.fullName ?? t('expertLeader'),
            reason: sent.reason,
            sentAt: sent.sentAt.toISOString(),
          },
          options,
        );
      }
      case 'next-assessment': {
        const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
        return this.rendered(
          'next-assessment',
          { ...common, cityName: city.name, previousReviewTitle: review.title, dueAt: message.dueAt.toISOString() },
          options,
        );
      }
      case 'plan-action-due':
      case 'plan-action-escalated':
        return this.planAction(message, review, base, options);
      case 'report-due':
      case 'report-overdue': {
        const [published] = await this.dataSource.query('SELECT 1 FROM report WHERE review_id = $1 AND published LIMIT 1', [review.id]);
        if (published) return { skip: 'a report is published' };
        if (!review.reportDueAt || review.reportDueAt.toISOString() !== data.reportDueAt) return { skip: "the report's due date changed" };
        const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
        if (message.template === 'report-due')
          return this.rendered(
            'report-due',
            {
              ...common,
              cityName: city.name,
              dueAt: review.reportDueAt.toISOString(),
              link: link(`/reviews/${review.id}/feedback-report`),
            },
            options,
          );
        const [leader] = await this.dataSource.query(
          `SELECT p.full_name FROM team_member m JOIN person p ON p.id = m.person_id
            WHERE m.review_id = $1 AND m.role = 'EXPERT_LEADER' AND m.removed_at IS NULL LIMIT 1`,
          [review.id],
        );
        return this.rendered(
          'report-overdue',
          { ...common, cityName: city.name, dueAt: review.reportDueAt.toISOString(), leaderName: leader?.full_name ?? 'Nobody' },
          options,
        );
      }
      case 'erased-from-published-report': {
        const versions = (data.versions as { version: number; language: string }[]) ?? [];
        return this.rendered(
          'erased-from-published-report',
          {
            ...common,
            withdrawn: data.reason === 'consent-withdrawn',
            versionCount: versions.length,
            versions: versions.map((v) => `${v.version} (${v.language})`).join(', '),
            link: link(`/reviews/${review.id}/feedback-report`),
          },
          options,
        );
      }
      default:
        throw new Error(`No renderer for template ${message.template}`);
    }
  }

  /** Where the session was before its last move (from the audit trail of the programme). */
  private async previousStart(sessionId: string, current: Date): Promise<string> {
    const [entry] = await this.dataSource.query(
      `SELECT before->>'startsAt' AS starts_at FROM audit_entry
        WHERE entity_type = 'VisitSession' AND entity_id = $1 AND action = 'programme.update' AND before->>'startsAt' IS DISTINCT FROM after->>'startsAt'
        ORDER BY at DESC LIMIT 1`,
      [sessionId],
    );
    return entry?.starts_at ?? current.toISOString();
  }

  /**
   * An action of a development plan: a review's, or the city's own (no review: its title is the
   * city's name and its link the Index page whose recommendation the action answers).
   */
  private async planAction(
    message: OutboxMessage,
    review: { id: string; title: string; hostCityId: string } | null,
    base: { recipientName: string },
    options: { timeZone: string; locale: string; language: Language },
  ): Promise<RenderedMessage | Skip> {
    const data = message.data as Record<string, unknown>;
    const action = await this.dataSource.getRepository(PlanAction).findOneBy({ id: String(data.actionId) });
    if (!action) return { skip: 'the action no longer exists' };
    if (action.status === PlanActionStatus.DONE || action.status === PlanActionStatus.DROPPED)
      return { skip: `the action is ${action.status.toLowerCase()}` };
    if (action.dueOn !== data.dueOn) return { skip: 'the action is due on another day now' };
    // An action on an external recommendation (the Index's) has none of the review's to check.
    const recommendation = action.recommendationId
      ? await this.dataSource.getRepository(Recommendation).findOneBy({ id: action.recommendationId })
      : null;
    if (action.recommendationId && (!recommendation || recommendation.withdrawnAt)) return { skip: 'the recommendation was withdrawn' };
    let place: { cityId: string; title: string; plan: string; secretariatPlan: string };
    if (review) {
      place = {
        cityId: review.hostCityId,
        title: review.title,
        plan: `/reviews/${review.id}/host/plan`,
        secretariatPlan: `/reviews/${review.id}/plan`,
      };
    } else {
      // The recommendation's Index (the icc-index lib's table), for its city and its page.
      const [index]: { id: string; city_id: string }[] = await this.dataSource.query(
        `SELECT s.id, s.city_id FROM icc_index_recommendation r JOIN icc_index_assessment s ON s.id = r.assessment_id WHERE r.id = $1`,
        [action.externalRecommendationId],
      );
      if (!index) return { skip: "the action's recommendation no longer exists" };
      place = { cityId: index.city_id, title: '', plan: `/index/${index.id}`, secretariatPlan: `/index/${index.id}` };
    }
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: place.cityId });
    const link = (path: string) => `${this.config.publicUrl}${path}`;
    const dueAt = (parseInZone(`${action.dueOn}T09:00`, city.timeZone) ?? new Date(`${action.dueOn}T09:00:00Z`)).toISOString();
    const about = {
      ...base,
      reviewTitle: place.title || city.name,
      actionDescription: action.description,
      owner: action.owner,
      progress: action.progress,
      dueAt,
    };
    if (message.template === 'plan-action-due') {
      if (action.responsibleId !== message.recipientId) return { skip: 'the recipient is no longer responsible for the action' };
      // Overdue when the rule's offset is after the due day (the row is due only once that moment has come).
      return this.rendered('plan-action-due', { ...about, overdue: Number(data.daysBefore) < 0, link: link(place.plan) }, options);
    }
    const forSecretariat = data.level === 'secretariat';
    const responsible = await this.dataSource.getRepository(Person).findOneBy({ id: action.responsibleId });
    return this.rendered(
      'plan-action-escalated',
      {
        ...about,
        cityName: city.name,
        responsibleName: responsible?.fullName ?? 'The person responsible',
        forSecretariat,
        // The Index coordinator, in the host coordinator's place, is told why in their own words.
        forIndex: !review,
        link: link(forSecretariat ? place.secretariatPlan : place.plan),
      },
      options,
    );
  }

  private rendered(
    template: TemplateName,
    data: Record<string, unknown>,
    options: { timeZone: string; locale: string; language: Language },
  ): RenderedMessage {
    return this.templates.render(template, data, options);
  }
}
