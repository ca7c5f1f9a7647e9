import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { useReviewRole } from '../leader/useReviewRole';
import { dateLocale, dayLabel, localDay } from '../leader/zoned';
import { KeyFactorLinks } from '../ui/KeyFactorLinks';
import { Alert, Select } from '../ui/primitives';
import { HostAssignEntryMutation, HostSelfAssessmentQuery } from './operations-self-assessment';
import { ContextNotes } from './self-assessment/ContextNotes';
import { draftedEntries } from './self-assessment/entry-drafts';
import { EntryEditor } from './self-assessment/EntryEditor';
import { openSendBack } from './self-assessment/sent-back';
import { SubmitPanel } from './self-assessment/SubmitPanel';
import '../leader/leader.css';
import './host.css';
import { when } from './self-assessment/when';

/** While the review is in preparation or its self-assessment, the city writes it. */
const EDITABLE_STATUSES = ['PREPARATION', 'SELF_ASSESSMENT'];

type EntryState = 'none' | 'draft' | 'complete' | 'sentBack' | 'submitted';

/**
 * The host city's self-assessment, key factor by key factor: the guide questions with their answers,
 * the rating on the benchmark's scale and the narrative (autosaved), who fills each one in (the
 * coordinator assigns), the context notes, and the coordinator's "Submit" with what is still missing.
 * A contributor sees the key factors assigned to them.
 */
export function SelfAssessmentPage() {
  const { reviewId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useT();
  const intl = useIntl();
  const { person } = useAuth();
  const personId = person?.id ?? '';
  const role = useReviewRole(reviewId);
  const [{ data, error }, refetch] = useQuery({
    query: HostSelfAssessmentQuery,
    variables: { reviewId },
    requestPolicy: 'cache-and-network',
  });
  const [assignResult, assign] = useMutation(HostAssignEntryMutation);
  if (!data) return <Loading error={error} />;

  const review = data.review;
  const progress = data.selfAssessmentProgress;
  const coordinates = role.coordinates;
  const open = EDITABLE_STATUSES.includes(review.status);
  const entryOf = (id: string) => review.selfAssessment.find((e) => e.keyFactorId === id);
  const progressOf = (id: string) => progress.keyFactors.find((k) => k.keyFactorId === id);
  // A contributor sees the key factors assigned to them (the API says which); the coordinator all of them.
  const visible = review.keyFactorsInScope.filter((k) => !progress.onlyAssigned || progressOf(k.id));
  const drafts = draftedEntries(personId, reviewId);
  const firstForMe =
    visible.find((k) => entryOf(k.id)?.assigneeId === personId && !progressOf(k.id)?.complete) ??
    visible.find((k) => !progressOf(k.id)?.complete) ??
    visible[0];
  const chosenId = params.get('kf') ?? firstForMe?.id;
  const keyFactor = visible.find((k) => k.id === chosenId);
  const entry = keyFactor ? entryOf(keyFactor.id) : undefined;
  const hostPeople = [
    ...new Map(
      review.team.filter((m) => m.role === 'HOST_COORDINATOR' || m.role === 'HOST_CONTRIBUTOR').map((m) => [m.person.id, m]),
    ).values(),
  ];
  const stateOf = (id: string): EntryState => {
    const e = entryOf(id);
    if (!e) return 'none';
    if (openSendBack(e)) return 'sentBack';
    if (e.status === 'SUBMITTED') return 'submitted';
    return progressOf(id)?.complete ? 'complete' : 'draft';
  };
  const due = review.timeline.selfAssessmentDue?.local;
  const dueText = due ? dayLabel(localDay(due), dateLocale(intl.locale)) : null;
  const choose = (id: string) => {
    setParams({ kf: id });
    document.getElementById('entry-heading')?.scrollIntoView({ block: 'start' });
  };
  const editable = !!keyFactor && open && entry?.status !== 'SUBMITTED' && (coordinates || entry?.assigneeId === personId || role.isAdmin);
  const sentBack = openSendBack(entry);
  const keyFactorDocuments = keyFactor ? data.reviewDocuments.filter((d) => d.keyFactorIds.includes(keyFactor.id)) : [];

  return (
    <div className="leader-page host-page">
      <h1>
        <FormattedMessage id="host.sa.title" values={{ city: review.hostCity.name }} />
      </h1>
      <p className="lead">
        {review.selfAssessmentSubmittedAt ? (
          <FormattedMessage id="host.sa.leadSubmitted" />
        ) : dueText ? (
          <FormattedMessage id="host.sa.leadDue" values={{ date: dueText }} />
        ) : (
          <FormattedMessage id="host.sa.lead" />
        )}
      </p>
      {!open && !review.selfAssessmentSubmittedAt && (
        <Alert kind="info">
          <FormattedMessage id="host.sa.closed" values={{ status: t(`status.${review.status}` as MessageId) }} />
        </Alert>
      )}

      {coordinates && !progress.submittedAt && (
        <p className="progress-line" data-testid="progress-line">
          <FormattedMessage
            id="host.sa.progressCount"
            values={{ done: progress.keyFactors.filter((k) => k.complete).length, total: progress.keyFactors.length }}
          />{' '}
          <a href="#submit">
            <FormattedMessage id={progress.readyToSubmit ? 'host.sa.goSubmit' : 'host.sa.goMissing'} />
          </a>
        </p>
      )}
      {progress.onlyAssigned && (
        <p className="muted" data-testid="only-assigned">
          {visible.length ? (
            <FormattedMessage
              id="host.sa.onlyAssigned"
              values={{ count: visible.length, done: visible.filter((k) => progressOf(k.id)?.complete).length }}
            />
          ) : (
            <FormattedMessage id="host.sa.nothingAssigned" />
          )}
        </p>
      )}

      {visible.length > 0 && (
        <div className="split">
          <KeyFactorLinks
            label={t('host.sa.keyFactors')}
            keyFactors={visible}
            chosenId={chosenId}
            onChoose={choose}
            tags={(k) => {
              const e = entryOf(k.id);
              const state = stateOf(k.id);
              return (
                <span className="kf-tags">
                  <span className={`tag entry-${state}`}>{t(`host.sa.state.${state}` as MessageId)}</span>
                  {drafts.has(k.id) && <span className="tag tag-unsaved">{t('host.sa.unsavedTag')}</span>}
                  {e?.assignee && (
                    <span className="tag">
                      {e.assigneeId === personId ? t('host.sa.assignedToMe') : t('host.sa.assignedTo', { name: e.assignee.fullName })}
                    </span>
                  )}
                </span>
              );
            }}
          />

          {keyFactor && (
            <article className="card entry" aria-labelledby="entry-heading" data-testid="sa-entry">
              <h2 id="entry-heading">
                <span className="kf-code">{keyFactor.code}</span> {keyFactor.heading}
              </h2>
              <p className="statement">{keyFactor.statement}</p>

              {sentBack && (
                <div className="sent-back-notice" role="alert" data-testid="sent-back-notice">
                  <h3>
                    <FormattedMessage id="host.sa.sentBackTitle" />
                  </h3>
                  <p>
                    <FormattedMessage id="host.sa.sentBackOn" values={{ when: when(sentBack.sentAt, intl.locale, 'longDate') }} />
                  </p>
                  <blockquote>{sentBack.reason}</blockquote>
                  <p>
                    <FormattedMessage id="host.sa.sentBackWhat" />
                  </p>
                </div>
              )}

              {coordinates && open && entry?.status !== 'SUBMITTED' ? (
                <div className="assign-row">
                  <Select
                    label={t('host.sa.assignee')}
                    hint={t('host.sa.assigneeHint')}
                    value={entry?.assigneeId ?? ''}
                    disabled={assignResult.fetching}
                    onChange={async (e) => {
                      await assign({ reviewId, keyFactorId: keyFactor.id, assigneeId: e.target.value || null });
                    }}
                    error={apiError(assignResult.error)?.message}
                  >
                    <option value="">{t('host.sa.nobody')}</option>
                    {hostPeople.map((m) => (
                      <option key={m.person.id} value={m.person.id}>
                        {m.person.fullName}
                        {m.role === 'HOST_COORDINATOR' ? ` (${t('host.sa.coordinator')})` : ''}
                      </option>
                    ))}
                  </Select>
                </div>
              ) : (
                entry?.assignee && (
                  <p className="muted">
                    <FormattedMessage id="host.sa.filledBy" values={{ name: entry.assignee.fullName }} />
                  </p>
                )
              )}
              {open && !editable && entry?.status !== 'SUBMITTED' && (
                <Alert kind="info">
                  <FormattedMessage id="host.sa.notYours" />
                </Alert>
              )}
              {entry?.status === 'SUBMITTED' && (
                <Alert kind="info">
                  <FormattedMessage id="host.sa.entrySubmitted" />
                </Alert>
              )}

              <EntryEditor
                key={keyFactor.id}
                reviewId={reviewId}
                personId={personId}
                keyFactor={keyFactor}
                entry={entry ?? null}
                scale={review.benchmark.ratingScale}
                editable={editable}
                onSaved={() => undefined}
              />

              <section className="kf-documents" aria-labelledby="kf-docs-heading">
                <h3 id="kf-docs-heading">
                  <FormattedMessage id="host.sa.documents" />
                </h3>
                {keyFactorDocuments.length === 0 ? (
                  <p className="muted">
                    <FormattedMessage id="host.sa.noDocuments" />
                  </p>
                ) : (
                  <ul>
                    {keyFactorDocuments.map((d) => (
                      <li key={d.id}>{d.title}</li>
                    ))}
                  </ul>
                )}
                <Link to={`/reviews/${reviewId}/host/documents?kf=${keyFactor.id}`}>
                  <FormattedMessage id="host.sa.addDocument" values={{ code: keyFactor.code }} />
                </Link>
              </section>
            </article>
          )}
        </div>
      )}

      <ContextNotes
        reviewId={reviewId}
        factors={[...review.benchmark.contextFactors].sort((a, b) => a.number - b.number)}
        notes={review.contextNotes}
        editable={open}
      />
      {coordinates && (
        <SubmitPanel
          reviewId={reviewId}
          progress={progress}
          canSubmitNow={review.status === 'SELF_ASSESSMENT'}
          unsavedCodes={visible.filter((k) => drafts.has(k.id)).map((k) => k.code)}
          questionCounts={Object.fromEntries(review.keyFactorsInScope.map((k) => [k.id, k.guideQuestions.length]))}
          onOpen={choose}
          onSubmitted={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </div>
  );
}
