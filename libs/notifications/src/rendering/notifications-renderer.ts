import { Inject, Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person, Stakeholder, STAKEHOLDER_CATEGORY_PHRASE } from '@peervisit/directory/entities';
import { APP_CONFIG, AppConfig, MessageRenderer, RenderedMessage } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { ReviewService } from '@peervisit/review';
import {
  Conclusion,
  ConclusionStatus,
  Evidence,
  EntryStatus,
  Recommendation,
  Review,
  ReviewRole,
  SelfAssessmentEntry,
  SelfAssessmentReturn,
  SessionAssignment,
  TeamMember,
  VisitSession,
} from '@peervisit/review/entities';
import { DataSource, In, IsNull } from 'typeorm';
import { buildSessionInvite } from '../calendar/session-invite';
import { TemplateName, TemplateRenderer } from '../templates/template-renderer';

const KIND_LABEL: Record<string, string> = {
  INTERVIEW: 'Interview',
  FOCUS_GROUP: 'Focus group',
  SITE_VISIT: 'Site visit',
  TEAM_MEETING: 'Team meeting',
  BRIEFING: 'Briefing',
  FEEDBACK_SESSION: 'Feedback session',
};

type Skip = { skip: string };

/**
 * The notify step: at send time, loads what the message is about, checks it is still worth sending,
 * and renders it in the recipient's time zone and language. Outbox rows carry ids, not content, so a
 * message always says what is true when it goes out.
 */
@Injectable()
export class NotificationsRenderer implements MessageRenderer {
  private readonly templates = new TemplateRenderer();

  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async render(message: OutboxMessage): Promise<RenderedMessage | Skip> {
    const person = message.recipientId ? await this.dataSource.getRepository(Person).findOneBy({ id: message.recipientId }) : null;
    if (message.optional && person?.optionalRemindersOff) return { skip: 'the recipient turned optional reminders off' };
    // Plain "en" would give US dates (and AM/PM); European readers expect en-GB.
    const locale = !person?.locale || person.locale === 'en' ? 'en-GB' : person.locale;
    const options = { timeZone: person?.timeZone ?? 'UTC', locale };
    const base = { recipientName: person?.fullName ?? '' };
    const data = message.data as Record<string, unknown>;
    const link = (path: string) => `${this.config.publicUrl}${path}`;

    // A reset asked for an address without an account is written and queued like any other, so the
    // request's timing says nothing about accounts; it is dropped here.
    if (message.template === 'password-reset' && !person) return { skip: 'no account has this address' };
    if (message.template === 'password-reset' || message.template === 'invitation') {
      const { secret, ...rest } = data;
      return this.rendered(message.template, { ...base, ...rest, code: secret, link: `${rest.linkBase}${secret}` }, options);
    }

    const review = message.reviewId ? await this.dataSource.getRepository(Review).findOneBy({ id: message.reviewId }) : null;
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
        const session = await this.dataSource.getRepository(VisitSession).findOneBy({ id: String(data.sessionId) });
        if (!session) return { skip: 'the session no longer exists' };
        const cancelled = message.template === 'session-cancelled';
        if (!cancelled && session.cancelledAt) return { skip: 'the session was cancelled' };
        const assignment = await this.dataSource
          .getRepository(SessionAssignment)
          .findOneBy({ sessionId: session.id, personId: message.recipientId ?? '' });
        if (!cancelled && !assignment) return { skip: 'the recipient is no longer assigned to the session' };
        const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
        const stakeholders = await this.dataSource
          .getRepository(Stakeholder)
          .createQueryBuilder('s')
          .innerJoin('session_stakeholder', 'x', 'x.stakeholder_id = s.id')
          .where('x.session_id = :id', { id: session.id })
          .getMany();
        const invite = buildSessionInvite({
          uid: `session-${session.id}-${message.recipientId}@peervisit`,
          sequence: session.version,
          method: cancelled ? 'CANCEL' : 'REQUEST',
          summary: `${KIND_LABEL[session.kind]}: ${session.title}`,
          description: `${review.title}\n${reviewLink}`,
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
          kindLabel: KIND_LABEL[session.kind],
          startAt: session.startsAt.toISOString(),
          endAt: session.endsAt.toISOString(),
          location: session.location ?? undefined,
          part: assignment?.part.toLowerCase().replace('_', '-') ?? '',
          daysBefore: data.daysBefore,
          // Names only for those who consented to be named.
          stakeholders: stakeholders.map((s) =>
            s.consentToBeNamed && s.name
              ? `${s.name} (${s.position ?? STAKEHOLDER_CATEGORY_PHRASE[s.category]})`
              : (s.position ?? STAKEHOLDER_CATEGORY_PHRASE[s.category]),
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
            leaderName: leader?.fullName ?? 'The expert leader',
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

  private rendered(template: TemplateName, data: Record<string, unknown>, options: { timeZone: string; locale: string }): RenderedMessage {
    return this.templates.render(template, data, options);
  }
}
