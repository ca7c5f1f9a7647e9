import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import type { SecretariatReviewsQuery, SecretariatStartReviewFromMutation } from '../../graphql/generated/graphql';
import { apiError, problemFor } from '../../graphql/errors';
import { MessageId, useT } from '../../i18n/i18n';
import { dateLocale, dayLabel, localDay } from '../../leader/zoned';
import { Alert, Button, FormActions, TextArea, TextField } from '../../ui/primitives';
import { CancelReviewMutation, StartReviewFromMutation } from '../operations-directory';
import { InviteLeader } from './InviteLeader';
import { emptyTimeline, TimelineFields, timelineInput } from './TimelineFields';

export type ReviewRow = SecretariatReviewsQuery['reviews']['nodes'][number];
type StartedReview = SecretariatStartReviewFromMutation['startReviewFrom'];
const FINISHED = ['CLOSED', 'CANCELLED'];

/** One review in the secretariat's list: where it stands, who leads it, and what the secretariat can do with it. */
export function ReviewItem({
  review,
  onChanged,
  onStarted,
}: {
  review: ReviewRow;
  onChanged(message: string): void;
  onStarted(review: StartedReview): void;
}) {
  const t = useT();
  const intl = useIntl();
  const [open, setOpen] = useState<'next' | 'cancel' | 'invite' | null>(null);
  const leaders = review.team.filter((m) => m.role === 'EXPERT_LEADER');
  const day = (local: string) => dayLabel(localDay(local), dateLocale(intl.locale), 'short');
  const visit = review.timeline.visitStart
    ? `${day(review.timeline.visitStart.local)}${review.timeline.visitEnd ? ` – ${day(review.timeline.visitEnd.local)}` : ''}`
    : null;

  return (
    <li className="card" data-testid="review">
      <div className="directory-item">
        <div>
          <h3 id={`review-${review.id}`}>
            <Link to={`/reviews/${review.id}/overview`}>{review.title}</Link>
          </h3>
          <p className="leader-summary">
            <span className={`tag status-tag status-${review.status}`} data-testid="review-status">
              {t(`status.${review.status}` as MessageId)}
            </span>
            {review.hostCity.name} · {t(`leader.kind.${review.kind}` as MessageId)} · {review.benchmark.code} v{review.benchmark.version}
          </p>
          <dl className="facts-inline">
            <div>
              <dt>{t('secretariat.reviews.visit')}</dt>
              <dd>{visit ?? t('leader.timeline.unset')}</dd>
            </div>
            <div>
              <dt>{t('role.EXPERT_LEADER')}</dt>
              <dd>{leaders.length ? leaders.map((m) => m.person.fullName).join(', ') : t('secretariat.reviews.noLeader')}</dd>
            </div>
          </dl>
          {review.status === 'CANCELLED' && review.cancellationReason && (
            <p className="cancelled-reason">
              <FormattedMessage id="secretariat.reviews.cancelledBecause" values={{ reason: review.cancellationReason }} />
            </p>
          )}
        </div>
        <div className="item-actions-row">
          {!FINISHED.includes(review.status) && leaders.length === 0 && (
            <Button variant="secondary" aria-expanded={open === 'invite'} onClick={() => setOpen(open === 'invite' ? null : 'invite')}>
              <FormattedMessage id="secretariat.reviews.inviteLeader" />
              <span className="visually-hidden"> {review.title}</span>
            </Button>
          )}
          {review.status !== 'DRAFT' && (
            <Button variant="secondary" aria-expanded={open === 'next'} onClick={() => setOpen(open === 'next' ? null : 'next')}>
              <FormattedMessage id="secretariat.reviews.startNext" />
              <span className="visually-hidden"> {review.title}</span>
            </Button>
          )}
          {!FINISHED.includes(review.status) && (
            <Button variant="secondary" aria-expanded={open === 'cancel'} onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}>
              <FormattedMessage id="secretariat.reviews.cancel" />
              <span className="visually-hidden"> {review.title}</span>
            </Button>
          )}
        </div>
      </div>
      {open === 'invite' && <InviteLeader reviewId={review.id} />}
      {open === 'next' && (
        <StartNext
          review={review}
          onStarted={(next) => {
            setOpen(null);
            onStarted(next);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'cancel' && (
        <CancelReview
          review={review}
          onCancelled={() => {
            setOpen(null);
            onChanged(t('secretariat.reviews.cancelled', { title: review.title }));
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </li>
  );
}

/** The city's next review from this one: same kind and scope, the self-assessment copied for the city to update. */
function StartNext({ review, onStarted, onCancel }: { review: ReviewRow; onStarted(r: StartedReview): void; onCancel(): void }) {
  const t = useT();
  const [title, setTitle] = useState(t('secretariat.reviews.defaultTitle', { city: review.hostCity.name, year: new Date().getFullYear() }));
  const [timeline, setTimeline] = useState(emptyTimeline);
  const [result, start] = useMutation(StartReviewFromMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await start({ previousReviewId: review.id, title: title.trim(), timeline: timelineInput(timeline) });
    if (sent.data) onStarted(sent.data.startReviewFrom);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-labelledby={`next-${review.id}`} data-testid="start-next">
      <h3 id={`next-${review.id}`}>{t('secretariat.reviews.nextTitle', { city: review.hostCity.name })}</h3>
      <p className="muted">
        <FormattedMessage id="secretariat.reviews.nextHint" values={{ title: review.title }} />
      </p>
      {problem && <Alert kind="error">{problem.message}</Alert>}
      <TextField
        label={t('secretariat.reviews.reviewTitle')}
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={problem ? problemFor(problem.problems, 'title') : undefined}
      />
      <TimelineFields values={timeline} onChange={setTimeline} timeZone={review.timeline.timeZone} problems={problem?.problems} />
      <FormActions submit={<FormattedMessage id="secretariat.reviews.startNextConfirm" />} disabled={result.fetching} onCancel={onCancel} />
    </form>
  );
}

/** Cancelling, with the reason the team and the city will read. */
function CancelReview({ review, onCancelled, onCancel }: { review: ReviewRow; onCancelled(): void; onCancel(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [result, cancel] = useMutation(CancelReviewMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await cancel({ reviewId: review.id, reason: reason.trim() });
    if (sent.data) onCancelled();
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-labelledby={`cancel-${review.id}`} data-testid="cancel-review">
      <h3 id={`cancel-${review.id}`}>{t('secretariat.reviews.cancelTitle', { title: review.title })}</h3>
      {problem && <Alert kind="error">{problem.message}</Alert>}
      <TextArea
        label={t('secretariat.reviews.reason')}
        hint={t('secretariat.reviews.reasonHint')}
        required
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problem ? problemFor(problem.problems, 'reason') : undefined}
      />
      <FormActions
        submit={<FormattedMessage id="secretariat.reviews.cancelConfirm" />}
        disabled={result.fetching || !reason.trim()}
        variant="danger"
        cancel={<FormattedMessage id="secretariat.reviews.keep" />}
        onCancel={onCancel}
      />
    </form>
  );
}
