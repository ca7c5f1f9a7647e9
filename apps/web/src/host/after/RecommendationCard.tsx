import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { authenticatedFetch } from '../../graphql/client';
import { apiError, Problem, problemFor } from '../../graphql/errors';
import type { FollowUpStatus, HostAfterRecommendationFieldsFragment, HostResponse } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';
import { downloadFile } from '../../files/download';
import { dateLocale, dayLabel } from '../../leader/zoned';
import { Alert, Button, Choice, Select, TextArea, TextField } from '../../ui/primitives';
import { ReportFollowUpMutation, RespondToRecommendationMutation } from '../operations-after';
import { RecommendationTags } from './RecommendationTags';

type Recommendation = HostAfterRecommendationFieldsFragment;

const RESPONSES: HostResponse[] = ['ACCEPTED', 'PARTLY_ACCEPTED', 'NOTED', 'REJECTED'];
/** Answers that must say why (the API's rule: recommendation.rules.ts NEEDS_COMMENT). */
const NEEDS_REASON: HostResponse[] = ['PARTLY_ACCEPTED', 'NOTED', 'REJECTED'];
const STATUSES: FollowUpStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED', 'ABANDONED'];

/** Uploads one file as a document of the review (the API's multipart route), for a progress report (or a plan change) to name. */
export async function uploadDocument(reviewId: string, file: File, keyFactorIds: string[]): Promise<{ id?: string; error?: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('title', file.name.replace(/\.[^.]+$/, '') || file.name);
  form.append('type', 'MONITORING_DATA');
  for (const id of keyFactorIds) form.append('keyFactorIds', id);
  try {
    const response = await authenticatedFetch(`/reviews/${reviewId}/documents`, { method: 'POST', body: form });
    const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string; problems?: Problem[] };
    if (response.ok && body.id) return { id: body.id };
    return { error: body.problems?.map((p) => p.message).join('; ') || body.message || String(response.status) };
  } catch {
    return { error: undefined };
  }
}

/**
 * One recommendation in the follow-up: the city's answer (the coordinator gives it, with a reason
 * unless accepted) and its progress over time, each report kept, with the documents that show it.
 */
export function RecommendationCard({
  reviewId,
  recommendation: r,
  index,
  coordinates,
  today,
  canAttach,
}: {
  reviewId: string;
  recommendation: Recommendation;
  index: number;
  coordinates: boolean;
  today: string;
  /** Documents can still be added to the review (not once it is closed). */
  canAttach: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const [answering, setAnswering] = useState(coordinates && !r.hostResponse);
  const [reporting, setReporting] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const locale = dateLocale(intl.locale);
  const headingId = `rec-${r.id}`;

  return (
    <li className="card host-rec" aria-labelledby={headingId} data-testid="follow-up-recommendation" data-id={r.id}>
      <h3 id={headingId} className="host-rec-title">
        <span className="host-rec-number">{index + 1}.</span> {r.text}
      </h3>
      <p className="kf-tags">
        <RecommendationTags recommendation={r} />
        {r.suggestedOwner && <span className="muted">{t('hostAfter.findings.owner', { owner: r.suggestedOwner })}</span>}
      </p>

      <section className="host-answer" aria-label={t('hostAfter.answer.label')}>
        {r.hostResponse && !answering && (
          <p data-testid="answer">
            <span className={`tag tag-answer-${r.hostResponse}`}>{t(`hostAfter.response.${r.hostResponse}` as MessageId)}</span>{' '}
            {r.hostComment && <span className="host-comment">{r.hostComment}</span>}
            {r.respondedBy && (
              <span className="muted">
                {' '}
                {t('hostAfter.answer.by', {
                  name: r.respondedBy.fullName,
                  date: r.respondedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(r.respondedAt)) : '—',
                })}
              </span>
            )}
          </p>
        )}
        {!r.hostResponse && !answering && (
          <p className="muted" data-testid="answer">
            {t(coordinates ? 'hostAfter.answer.none' : 'hostAfter.answer.noneContributor')}
          </p>
        )}
        {answering ? (
          <AnswerForm recommendation={r} onDone={() => setAnswering(false)} />
        ) : (
          coordinates && (
            <Button variant="link" onClick={() => setAnswering(true)}>
              {t(r.hostResponse ? 'hostAfter.answer.change' : 'hostAfter.answer.give')}
              <span className="visually-hidden"> {t('hostAfter.answer.toNumber', { number: index + 1 })}</span>
            </Button>
          )
        )}
      </section>

      <section className="host-progress" aria-label={t('hostAfter.progress.label')}>
        <h4>
          <FormattedMessage id="hostAfter.progress.title" />{' '}
          <span className={`tag tag-followup-${r.followUpStatus}`} data-testid="follow-up-status">
            {t(`hostAfter.progressStatus.${r.followUpStatus}` as MessageId)}
          </span>
        </h4>
        {r.followUpUpdates.length > 0 && (
          <ol className="host-updates">
            {[...r.followUpUpdates].reverse().map((u) => (
              <li key={u.id} data-testid="progress-update">
                <p>
                  <strong>{dayLabel(u.asOf, locale)}</strong> · {t(`hostAfter.progressStatus.${u.status}` as MessageId)}
                  {u.reportedBy && <span className="muted"> · {t('hostAfter.progress.by', { name: u.reportedBy.fullName })}</span>}
                </p>
                <p>{u.note}</p>
                {u.documents.length > 0 && (
                  <ul className="plain-list">
                    {u.documents.map((d) => (
                      <li key={d.id}>
                        {d.downloadPath ? (
                          <Button
                            variant="link"
                            onClick={() => {
                              setDownloadFailed(false);
                              downloadFile(d.downloadPath!, d.fileName ?? d.title).catch(() => setDownloadFailed(true));
                            }}
                          >
                            {t('hostAfter.progress.download', { title: d.title })}
                          </Button>
                        ) : (
                          <a href={d.url ?? '#'} rel="noreferrer" target="_blank">
                            {d.title}
                          </a>
                        )}
                        {d.retractedAt && <span className="tag tag-warning">{t('hostAfter.progress.retracted')}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        {downloadFailed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
        {!r.hostResponse ? (
          <p className="muted">{t('hostAfter.progress.answerFirst')}</p>
        ) : reporting ? (
          <ProgressForm reviewId={reviewId} recommendation={r} today={today} canAttach={canAttach} onDone={() => setReporting(false)} />
        ) : (
          <Button variant="secondary" onClick={() => setReporting(true)}>
            {t('hostAfter.progress.report')}
            <span className="visually-hidden"> {t('hostAfter.answer.toNumber', { number: index + 1 })}</span>
          </Button>
        )}
      </section>
    </li>
  );
}

function AnswerForm({ recommendation: r, onDone }: { recommendation: Recommendation; onDone(): void }) {
  const t = useT();
  const [response, setResponse] = useState<HostResponse>(r.hostResponse ?? 'ACCEPTED');
  const [comment, setComment] = useState(r.hostComment ?? '');
  const [result, respond] = useMutation(RespondToRecommendationMutation);
  const problem = apiError(result.error);
  const needsReason = NEEDS_REASON.includes(response);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await respond({ recommendationId: r.id, response, comment: comment.trim() || null });
    if (saved.data) onDone();
  };
  return (
    <form className="host-form" onSubmit={(e) => void submit(e)} data-testid="answer-form">
      <Choice<HostResponse>
        legend={t('hostAfter.answer.legend')}
        name={`answer-${r.id}`}
        value={response}
        options={RESPONSES.map((v) => ({ value: v, label: t(`hostAfter.response.${v}` as MessageId) }))}
        onChange={setResponse}
      />
      <TextArea
        label={t(needsReason ? 'hostAfter.answer.reasonRequired' : 'hostAfter.answer.reasonOptional')}
        hint={t(`hostAfter.answer.hint.${response}` as MessageId)}
        value={comment}
        required={needsReason}
        rows={3}
        onChange={(e) => setComment(e.target.value)}
        error={problemFor(problem?.problems ?? [], 'comment')}
      />
      {problem && !problemFor(problem.problems, 'comment') && <Alert kind="error">{problem.message}</Alert>}
      {result.error && !problem && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          {t('hostAfter.answer.save')}
        </Button>
        {r.hostResponse && (
          <Button variant="secondary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

function ProgressForm({
  reviewId,
  recommendation: r,
  today,
  canAttach,
  onDone,
}: {
  reviewId: string;
  recommendation: Recommendation;
  today: string;
  canAttach: boolean;
  onDone(): void;
}) {
  const t = useT();
  const [status, setStatus] = useState<FollowUpStatus>(r.followUpStatus === 'NOT_STARTED' ? 'IN_PROGRESS' : r.followUpStatus);
  const [asOf, setAsOf] = useState(today);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  /** The document already uploaded for this file: a second try after a refused report does not upload it again. */
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, report] = useMutation(ReportFollowUpMutation);
  const problem = apiError(result.error);
  const problems = problem?.problems ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setUploadError(null);
    try {
      let documentIds: string[] = [];
      if (file) {
        if (uploaded?.file === file) documentIds = [uploaded.id];
        else {
          const done = await uploadDocument(reviewId, file, r.keyFactorIds);
          if (!done.id) {
            setUploadError(done.error ?? t('common.offlineTryLater'));
            return;
          }
          setUploaded({ file, id: done.id });
          documentIds = [done.id];
        }
      }
      const saved = await report({ recommendationId: r.id, input: { status, note, asOf, documentIds } });
      if (saved.data) onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="host-form" onSubmit={(e) => void submit(e)} data-testid="progress-form">
      <div className="form-row">
        <Select label={t('hostAfter.progress.status')} value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`hostAfter.progressStatus.${s}` as MessageId)}
            </option>
          ))}
        </Select>
        <TextField
          type="date"
          label={t('hostAfter.progress.asOf')}
          value={asOf}
          max={today}
          required
          onChange={(e) => setAsOf(e.target.value)}
          error={problemFor(problems, 'asOf')}
        />
      </div>
      <TextArea
        label={t('hostAfter.progress.note')}
        hint={t('hostAfter.progress.noteHint')}
        value={note}
        required
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        error={problemFor(problems, 'note')}
      />
      {canAttach && (
        <TextField
          type="file"
          label={t('hostAfter.progress.file')}
          hint={t('hostAfter.progress.fileHint')}
          accept=".pdf,.doc,.docx,.odt,.txt,.csv,.png,.jpg,.jpeg,application/pdf,image/*"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={uploadError ?? problems.find((p) => p.path.startsWith('documentIds'))?.message}
        />
      )}
      {problem && !problems.length && <Alert kind="error">{problem.message}</Alert>}
      {result.error && !problem && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
      <div className="form-actions">
        <Button type="submit" disabled={busy || result.fetching}>
          {t('hostAfter.progress.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
