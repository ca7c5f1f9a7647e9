import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextArea } from '../ui/primitives';
import { openFile } from '../files/download';
import { KeyFactorLinks } from '../ui/KeyFactorLinks';
import { Loading } from './Loading';
import { SelfAssessmentQuery, SendBackMutation } from './operations';
import './leader.css';

/** The host city's self-assessment, read key factor by key factor, with a way to send an entry back. */
export function SelfAssessmentPage() {
  const { reviewId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: SelfAssessmentQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  if (!data) return <Loading error={error} />;
  const review = data.review;
  const chosenId = params.get('kf') ?? review.keyFactorsInScope[0]?.id;
  const keyFactor = review.keyFactorsInScope.find((k) => k.id === chosenId);
  const entryOf = (id: string) => review.selfAssessment.find((e) => e.keyFactorId === id);
  const entry = keyFactor && entryOf(keyFactor.id);
  const scale = new Map(review.benchmark.ratingScale.map((r) => [r.value, r.label]));
  const documents = data.reviewDocuments.filter(
    (d) => keyFactor && (entry?.documentIds.includes(d.id) || d.keyFactorIds.includes(keyFactor.id)),
  );
  const stateOf = (id: string) => {
    const e = entryOf(id);
    if (!e) return 'none';
    if (e.sentBack[0] && e.sentBack[0].entryVersion >= e.version) return 'sentBack';
    return e.status === 'SUBMITTED' ? 'submitted' : 'draft';
  };

  return (
    <div className="leader-page">
      <h1>
        <FormattedMessage id="leader.sa.title" values={{ city: review.hostCity.name }} />
      </h1>
      <p className="muted">
        {review.selfAssessmentSubmittedAt ? (
          <FormattedMessage id="leader.sa.submitted" />
        ) : (
          <FormattedMessage id="leader.sa.notSubmitted" />
        )}
      </p>
      <div className="split">
        <KeyFactorLinks
          label={t('leader.sa.keyFactors')}
          keyFactors={review.keyFactorsInScope}
          chosenId={chosenId}
          onChoose={(kf) => setParams({ kf })}
          tags={(k) => (
            <span className={`tag entry-${stateOf(k.id)}`}>{t(`leader.sa.state.${stateOf(k.id)}` as 'leader.sa.state.none')}</span>
          )}
        />
        {keyFactor && (
          <article className="card entry" aria-labelledby="entry-heading" data-testid="sa-entry">
            <h2 id="entry-heading">
              <span className="kf-code">{keyFactor.code}</span> {keyFactor.heading}
            </h2>
            {!entry ? (
              <p className="muted">
                <FormattedMessage id="leader.sa.empty" />
              </p>
            ) : (
              <>
                <p>
                  <strong>
                    <FormattedMessage id="leader.sa.rating" />
                  </strong>{' '}
                  {entry.rating === null || entry.rating === undefined ? (
                    <span className="muted">{t('leader.sa.noRating')}</span>
                  ) : (
                    `${entry.rating} · ${scale.get(entry.rating) ?? ''}`
                  )}
                </p>
                <h3>
                  <FormattedMessage id="leader.sa.answers" />
                </h3>
                <ol className="answers">
                  {keyFactor.guideQuestions.map((q) => {
                    const answer = entry.answers.find((a) => a.guideQuestionId === q.id)?.answer;
                    return (
                      <li key={q.id}>
                        <p className="question">{q.text}</p>
                        {answer ? <p className="answer">{answer}</p> : <p className="muted">{t('leader.sa.unanswered')}</p>}
                      </li>
                    );
                  })}
                </ol>
                <h3>
                  <FormattedMessage id="leader.sa.narrative" />
                </h3>
                {entry.narrative ? <p className="narrative">{entry.narrative}</p> : <p className="muted">{t('leader.sa.noNarrative')}</p>}
              </>
            )}
            <h3>
              <FormattedMessage id="leader.sa.documents" />
            </h3>
            {documents.length === 0 ? (
              <p className="muted">{t('leader.sa.noDocuments')}</p>
            ) : (
              <ul>
                {documents.map((d) => (
                  <li key={d.id}>
                    {d.downloadPath ? (
                      <button type="button" className="btn btn-link" onClick={() => void openFile(d.downloadPath!)}>
                        {d.title}
                      </button>
                    ) : (
                      <a href={d.url ?? '#'} target="_blank" rel="noreferrer">
                        {d.title}
                      </a>
                    )}{' '}
                    <span className="muted">{d.fileName ?? d.type}</span>
                  </li>
                ))}
              </ul>
            )}
            {entry && (
              <SentBack
                reviewId={reviewId}
                keyFactorId={keyFactor.id}
                entry={entry}
                canSend={review.status === 'SELF_ASSESSMENT'}
                onSent={() => refetch({ requestPolicy: 'network-only' })}
              />
            )}
          </article>
        )}
      </div>
      <section aria-labelledby="context-heading" className="card">
        <h2 id="context-heading">
          <FormattedMessage id="leader.sa.context" />
        </h2>
        {review.contextNotes.length === 0 && <p className="muted">{t('leader.sa.noContext')}</p>}
        <dl className="facts">
          {review.contextNotes.map((n) => (
            <div key={n.id}>
              <dt>
                {n.contextFactor.code} {n.contextFactor.name}
              </dt>
              <dd>{n.note}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

interface EntryBits {
  status: string;
  version: number;
  sentBack: { id: string; reason: string; sentAt: string; entryVersion: number }[];
}

function SentBack({
  reviewId,
  keyFactorId,
  entry,
  canSend,
  onSent,
}: {
  reviewId: string;
  keyFactorId: string;
  entry: EntryBits;
  canSend: boolean;
  onSent(): void;
}) {
  const t = useT();
  const intl = useIntl();
  // A draft of the reason survives switching key factors within the page (nothing typed is lost).
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const reason = reasons[keyFactorId] ?? '';
  const [result, send] = useMutation(SendBackMutation);
  const [sent, setSent] = useState(false);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await send({ reviewId, keyFactorId, reason });
    if (!r.error) {
      setReasons({ ...reasons, [keyFactorId]: '' });
      setSent(true);
      onSent();
    }
  };
  return (
    <section aria-labelledby="sendback-heading" className="send-back">
      <h3 id="sendback-heading">
        <FormattedMessage id="leader.sa.sendBack" />
      </h3>
      {entry.sentBack.length > 0 && (
        <ul className="sent-back-list" data-testid="sent-back">
          {entry.sentBack.map((s) => (
            <li key={s.id}>
              <FormattedMessage
                id="leader.sa.sentBackOn"
                values={{ when: intl.formatDate(s.sentAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) }}
              />
              : “{s.reason}”{entry.version > s.entryVersion && <span className="tag">{t('leader.sa.changedSince')}</span>}
            </li>
          ))}
        </ul>
      )}
      {sent && <Alert kind="success">{t('leader.sa.sentDone')}</Alert>}
      {canSend ? (
        <form onSubmit={submit}>
          <TextArea
            label={t('leader.sa.reason')}
            hint={t('leader.sa.reasonHint')}
            rows={3}
            value={reason}
            onChange={(e) => setReasons({ ...reasons, [keyFactorId]: e.target.value })}
            error={problem?.message}
          />
          <Button type="submit" variant="secondary" disabled={result.fetching || !reason.trim()}>
            <FormattedMessage id="leader.sa.sendBackButton" />
          </Button>
        </form>
      ) : (
        <p className="muted">{t('leader.sa.cannotSend')}</p>
      )}
    </section>
  );
}
