import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import type { ReviewStatus } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { dateLocale, dayLabel, localDay } from '../leader/zoned';
import { HostHomeQuery, HostHomeRecommendationsQuery } from './operations-self-assessment';
import { openSendBack } from './self-assessment/sent-back';
import '../leader/leader.css';
import './host.css';

/** The review's steps as the city lives them (a status is one of these, or before or after them all). */
const PHASES: { label: MessageId; statuses: ReviewStatus[] }[] = [
  { label: 'host.home.phase.preparation', statuses: ['DRAFT', 'PREPARATION'] },
  { label: 'host.home.phase.selfAssessment', statuses: ['SELF_ASSESSMENT'] },
  { label: 'host.home.phase.visit', statuses: ['VISIT', 'DELIBERATION'] },
  { label: 'host.home.phase.feedback', statuses: ['FEEDBACK', 'REPORTING'] },
  { label: 'host.home.phase.followUp', statuses: ['FOLLOW_UP', 'CLOSED'] },
];
const FINDINGS_STATUSES: ReviewStatus[] = ['FEEDBACK', 'REPORTING', 'FOLLOW_UP', 'CLOSED'];

interface Step {
  id: string;
  text: ReactNode;
  to: string;
  action: ReactNode;
}

/**
 * The host city's first page: where the review stands, and the next step for me (the coordinator or
 * a contributor), with a link to take it. Someone who opens the app twice a year starts here.
 */
export function HostHomePage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const { person } = useAuth();
  const personId = person?.id ?? '';
  const [{ data, error }] = useQuery({ query: HostHomeQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const status = data?.review.status;
  const [{ data: recs }] = useQuery({
    query: HostHomeRecommendationsQuery,
    variables: { reviewId },
    pause: !status || !FINDINGS_STATUSES.includes(status),
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <Loading error={error} />;

  const review = data.review;
  const progress = data.selfAssessmentProgress;
  const coordinates = review.myRoles.includes('HOST_COORDINATOR');
  const locale = dateLocale(intl.locale);
  const day = (local: string | undefined | null) => (local ? dayLabel(localDay(local), locale) : null);
  const visitStart = review.timeline.visitStart?.local;
  const visitEnd = review.timeline.visitEnd?.local;
  const visitDays =
    visitStart && visitEnd
      ? new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
          new Date(`${localDay(visitStart)}T12:00:00Z`),
          new Date(`${localDay(visitEnd)}T12:00:00Z`),
        )
      : null;
  const due = day(review.timeline.selfAssessmentDue?.local);
  const base = `/reviews/${reviewId}/host`;
  const saLink = (keyFactorId?: string) => `${base}/self-assessment${keyFactorId ? `?kf=${keyFactorId}` : ''}`;
  const codeOf = (id: string) => review.keyFactorsInScope.find((k) => k.id === id)?.code ?? '?';

  const steps: Step[] = [];
  const writing = (review.status === 'PREPARATION' || review.status === 'SELF_ASSESSMENT') && !review.selfAssessmentSubmittedAt;
  if (writing) {
    // Entries the expert leader sent back, for whoever fills them (else the coordinator).
    for (const e of review.selfAssessment) {
      const back = openSendBack(e);
      if (back && (e.assigneeId === personId || coordinates))
        steps.push({
          id: `sent-back-${e.keyFactorId}`,
          text: <FormattedMessage id="host.home.sentBack" values={{ code: codeOf(e.keyFactorId), reason: back.reason }} />,
          to: saLink(e.keyFactorId),
          action: <FormattedMessage id="host.home.sentBackAction" values={{ code: codeOf(e.keyFactorId) }} />,
        });
    }
    const mine = progress.keyFactors.filter((k) => k.assigneeId === personId && !k.complete);
    if (mine.length)
      steps.push({
        id: 'my-drafts',
        text: (
          <FormattedMessage
            id={due ? 'host.home.myDrafts' : 'host.home.myDraftsNoDue'}
            values={{ count: mine.length, codes: mine.map((k) => k.keyFactor.code).join(', '), due }}
          />
        ),
        to: saLink(mine[0].keyFactorId),
        action: <FormattedMessage id="host.home.myDraftsAction" />,
      });
    if (coordinates) {
      const unassigned = progress.keyFactors.filter((k) => !k.assigneeId && !k.complete);
      if (unassigned.length)
        steps.push({
          id: 'unassigned',
          text: (
            <FormattedMessage
              id="host.home.unassigned"
              values={{ count: unassigned.length, codes: unassigned.map((k) => k.keyFactor.code).join(', ') }}
            />
          ),
          to: saLink(unassigned[0].keyFactorId),
          action: <FormattedMessage id="host.home.unassignedAction" />,
        });
      const done = progress.keyFactors.filter((k) => k.complete).length;
      steps.push({
        id: 'submit',
        text: progress.readyToSubmit ? (
          <FormattedMessage id={due ? 'host.home.submitReady' : 'host.home.submitReadyNoDue'} values={{ due }} />
        ) : (
          <FormattedMessage
            id={due ? 'host.home.submit' : 'host.home.submitNoDue'}
            values={{ due, done, total: progress.keyFactors.length }}
          />
        ),
        to: saLink(),
        action: <FormattedMessage id="host.home.submitAction" />,
      });
    } else if (!mine.length) {
      steps.push({
        id: 'wait-submit',
        text: (
          <FormattedMessage
            id={!progress.keyFactors.length ? 'host.home.nothingAssigned' : due ? 'host.home.mineDone' : 'host.home.mineDoneNoDue'}
            values={{ due }}
          />
        ),
        to: saLink(),
        action: <FormattedMessage id="host.home.openSelfAssessment" />,
      });
    }
  }
  if (['PREPARATION', 'SELF_ASSESSMENT', 'VISIT'].includes(review.status) && visitDays)
    steps.push({
      id: 'visit',
      text: <FormattedMessage id={review.status === 'VISIT' ? 'host.home.visitNow' : 'host.home.visit'} values={{ days: visitDays }} />,
      to: `${base}/visit`,
      action: <FormattedMessage id="host.home.visitAction" />,
    });
  if (review.status === 'DELIBERATION')
    steps.push({
      id: 'deliberation',
      text: <FormattedMessage id="host.home.deliberation" />,
      to: `${base}/visit`,
      action: <FormattedMessage id="host.home.visitAction" />,
    });
  if (FINDINGS_STATUSES.includes(review.status)) {
    const open = (recs?.reviewRecommendations ?? []).filter((r) => !r.withdrawnAt && !r.hostResponse);
    if (coordinates && open.length)
      steps.push({
        id: 'answer',
        text: <FormattedMessage id="host.home.answer" values={{ count: open.length }} />,
        to: `${base}/follow-up`,
        action: <FormattedMessage id="host.home.answerAction" />,
      });
    steps.push({
      id: 'findings',
      text: <FormattedMessage id="host.home.findings" />,
      to: `${base}/findings`,
      action: <FormattedMessage id="host.home.findingsAction" />,
    });
    if (review.status === 'FOLLOW_UP')
      steps.push({
        id: 'follow-up',
        text: <FormattedMessage id="host.home.followUp" />,
        to: `${base}/follow-up`,
        action: <FormattedMessage id="host.home.followUpAction" />,
      });
  }
  if (review.status === 'CANCELLED')
    steps.push({
      id: 'cancelled',
      text: <FormattedMessage id="host.home.cancelled" />,
      to: `${base}/documents`,
      action: <FormattedMessage id="host.home.documentsAction" />,
    });

  const phaseIndex = PHASES.findIndex((p) => p.statuses.includes(review.status));
  const [first, ...rest] = steps;
  const dates: [MessageId, string | null][] = [
    ['host.home.date.selfAssessmentDue', due],
    ['host.home.date.visit', visitDays],
    ['host.home.date.reportDue', day(review.timeline.reportDue?.local)],
    ...review.timeline.followUpCheckpoints.map((c) => ['host.home.date.checkpoint', day(c.local)] as [MessageId, string | null]),
  ];

  return (
    <div className="leader-page host-page host-home">
      <h1>{review.title}</h1>
      <p className="lead">
        <FormattedMessage
          id={coordinates ? 'host.home.leadCoordinator' : 'host.home.leadContributor'}
          values={{ city: review.hostCity.name }}
        />
      </p>

      <section className="card next-card" aria-labelledby="next-heading" data-testid="next-step">
        <h2 id="next-heading">
          <FormattedMessage id="host.home.next" />
        </h2>
        {first ? (
          <>
            <p className="next-text">{first.text}</p>
            <Link className="btn btn-primary" to={first.to}>
              {first.action}
            </Link>
          </>
        ) : (
          <p>
            <FormattedMessage id="host.home.nothing" />
          </p>
        )}
        {rest.length > 0 && (
          <>
            <h3>
              <FormattedMessage id="host.home.also" />
            </h3>
            <ul className="also-list">
              {rest.map((s) => (
                <li key={s.id} data-testid={`step-${s.id}`}>
                  {s.text} <Link to={s.to}>{s.action}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="where-heading">
        <h2 id="where-heading">
          <FormattedMessage id="host.home.where" />
        </h2>
        <p>
          <FormattedMessage id="host.home.status" values={{ status: t(`status.${review.status}` as MessageId) }} />
        </p>
        <ol className="phases" aria-label={t('host.home.phases')}>
          {PHASES.map((p, i) => (
            <li
              key={p.label}
              className={i < phaseIndex ? 'phase-done' : i === phaseIndex ? 'phase-now' : 'phase-later'}
              aria-current={i === phaseIndex ? 'step' : undefined}
            >
              {t(p.label)}
            </li>
          ))}
        </ol>
        <dl className="timeline">
          {dates
            .filter(([, value]) => value)
            .map(([label, value], i) => (
              <div className="timeline-row" key={`${label}-${i}`}>
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
    </div>
  );
}
