import { FormEvent, ReactNode, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { PlanProgressChart } from '../charts/PlanProgressChart';
import { apiError, problemFor } from '../graphql/errors';
import type { PlanActionFieldsFragment, PlanActionStatus, PlanActionTerm } from '../graphql/generated/graphql';
import { MessageId, useLanguage, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { uploadDocument } from '../host/after/RecommendationCard';
import { Alert, Button, Select, TextArea, TextField } from '../ui/primitives';
import { AddPlanActionMutation, DevelopmentPlanQuery, PlanPeopleQuery, UpdatePlanActionMutation } from './operations';
import './plan.css';

const STATUSES: PlanActionStatus[] = ['PLANNED', 'UNDER_WAY', 'DONE', 'DROPPED'];
const TERMS: PlanActionTerm[] = ['QUICK_WIN', 'LONGER_TERM'];
const HOST_ROLES = ['HOST_COORDINATOR', 'HOST_CONTRIBUTOR'];
const pct = (n: number | null | undefined) => (n == null ? '—' : `${n} %`);

/**
 * The development plan: per accepted (or partly accepted) recommendation, the city's actions with
 * their owner, person responsible, dates, term, status and progress, and the progress weighted from
 * them. The host city edits it on its phone (one column, native inputs); the team, observers and the
 * secretariat read it. What may be edited comes from the API (canEdit: role and review status).
 */
export function PlanPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const { language } = useLanguage();
  const [{ data, error }, refresh] = useQuery({
    query: DevelopmentPlanQuery,
    variables: { reviewId, language },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: people }] = useQuery({ query: PlanPeopleQuery, variables: { reviewId } });
  if (!data) return <Loading error={error} />;
  const plan = data.developmentPlan;
  const hosts = (people?.review.team ?? []).filter((m) => !m.removedAt && HOST_ROLES.includes(m.role)).map((m) => m.person);
  const reload = () => refresh({ requestPolicy: 'network-only' });

  return (
    <div className="plan-page" data-testid="plan-page">
      <h1>
        <FormattedMessage id="plan.title" />
      </h1>
      <p className="muted">{t(plan.canEdit ? 'plan.introEdit' : 'plan.introRead')}</p>
      <section className="card plan-summary" aria-labelledby="plan-progress-heading">
        <h2 id="plan-progress-heading">
          <FormattedMessage id="plan.progress" />
        </h2>
        <p className="plan-big" data-testid="plan-progress">
          {plan.progress == null ? t('plan.noProgress') : pct(plan.progress)}
        </p>
        <p className="muted">{t('plan.howCounted')}</p>
        <PlanProgressChart points={plan.progressHistory} headingLevel={3} />
      </section>
      {plan.recommendations.length === 0 && plan.externalRecommendations.length === 0 ? (
        <p className="muted" data-testid="plan-empty">
          {t('plan.noRecommendations')}
        </p>
      ) : (
        <ol className="plan-recs">
          {plan.recommendations.map((r, i) => (
            <PlanRecommendation
              key={r.recommendation.id}
              testId="plan-recommendation"
              number={`R${i + 1}`}
              text={r.recommendation.text}
              badge={t(`plan.answer.${r.recommendation.hostResponse}` as MessageId)}
              progress={r.progress}
            >
              <Actions
                reviewId={reviewId}
                recommendationId={r.recommendation.id}
                actions={r.actions}
                plan={plan}
                hosts={hosts}
                onSaved={reload}
              />
            </PlanRecommendation>
          ))}
        </ol>
      )}
      {plan.externalRecommendations.length > 0 && (
        <section aria-labelledby="plan-index-heading">
          <h2 id="plan-index-heading">{t('plan.index.title')}</h2>
          <p className="muted">{plan.externalRecommendations[0].recommendation.source}</p>
          <IndexRecommendations reviewId={reviewId} plan={plan} hosts={hosts} onSaved={reload} />
        </section>
      )}
    </div>
  );
}

/**
 * The Index's recommendations with their actions: in a review's plan (`reviewId`), or in the city's
 * own plan without a review (the Index assessment page).
 */
export function IndexRecommendations({
  reviewId,
  plan,
  hosts,
  onSaved,
}: {
  reviewId?: string;
  plan: {
    canEdit: boolean;
    today: string;
    externalRecommendations: {
      progress?: number | null;
      recommendation: { id: string; text: string; about?: string | null };
      actions: PlanActionFieldsFragment[];
    }[];
  };
  hosts: { id: string; fullName: string }[];
  onSaved(): void;
}) {
  const t = useT();
  return (
    <ol className="plan-recs">
      {plan.externalRecommendations.map((r, i) => (
        <PlanRecommendation
          key={r.recommendation.id}
          testId="plan-index-recommendation"
          number={`I${i + 1}`}
          text={r.recommendation.text}
          badge={r.recommendation.about ?? t('plan.index.whole')}
          progress={r.progress ?? null}
          level={3}
        >
          <Actions
            reviewId={reviewId}
            recommendationId={r.recommendation.id}
            external
            actions={r.actions}
            plan={plan}
            hosts={hosts}
            onSaved={onSaved}
          />
        </PlanRecommendation>
      ))}
    </ol>
  );
}

/** One recommendation of the plan: its number, text, answer (or indicator) and progress, then its actions. */
function PlanRecommendation({
  testId,
  number,
  text,
  badge,
  progress,
  level = 2,
  children,
}: {
  testId: string;
  number: string;
  text: string;
  badge: string;
  progress: number | null;
  level?: 2 | 3;
  children: ReactNode;
}) {
  const t = useT();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className="card plan-rec" data-testid={testId}>
      <Heading>
        <span className="tag">{number}</span> {text}
      </Heading>
      <p>
        <span className="tag">{badge}</span>{' '}
        <strong data-testid="plan-rec-progress">{t('plan.recProgress', { progress: pct(progress) })}</strong>
      </p>
      {children}
    </li>
  );
}

/**
 * A recommendation's actions and, when the plan may be edited, the form to add one (`external`: an
 * Index recommendation). Without `reviewId`: the city's own plan (no review, so no documents).
 */
function Actions({
  reviewId,
  recommendationId,
  external = false,
  actions,
  plan,
  hosts,
  onSaved,
}: {
  reviewId?: string;
  recommendationId: string;
  external?: boolean;
  actions: PlanActionFieldsFragment[];
  plan: { canEdit: boolean; today: string };
  hosts: { id: string; fullName: string }[];
  onSaved(): void;
}) {
  const t = useT();
  return (
    <>
      {actions.length === 0 && <p className="muted">{t('plan.noActions')}</p>}
      <ul className="plan-actions">
        {actions.map((a) => (
          <ActionItem key={a.id} reviewId={reviewId} action={a} canEdit={plan.canEdit} today={plan.today} onSaved={onSaved} />
        ))}
      </ul>
      {plan.canEdit && (
        <AddAction
          recommendationId={recommendationId}
          reviewId={external ? reviewId : undefined}
          hosts={hosts}
          today={plan.today}
          onSaved={onSaved}
        />
      )}
    </>
  );
}

function ActionItem({
  reviewId,
  action: a,
  canEdit,
  today,
  onSaved,
}: {
  reviewId?: string;
  action: PlanActionFieldsFragment;
  canEdit: boolean;
  today: string;
  onSaved(): void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const overdue = a.dueOn < today && a.status !== 'DONE' && a.status !== 'DROPPED';
  return (
    <li className={`plan-action plan-${a.status}`} data-testid="plan-action">
      <p className="plan-action-what">
        <strong>{a.description}</strong>
      </p>
      <p className="muted">
        {t('plan.ownerAndPerson', { owner: a.owner, person: a.responsible?.fullName ?? '—' })}
        <br />
        {t('plan.dates', { start: a.startsOn, due: a.dueOn })} · {t(`plan.term.${a.term}` as MessageId)}
      </p>
      <p>
        <span className={`tag plan-status-${a.status}`} data-testid="plan-action-status">
          {t(`plan.status.${a.status}` as MessageId)}
        </span>{' '}
        {overdue && <span className="tag tag-overdue">{t('plan.overdue')}</span>}{' '}
        {a.status === 'DROPPED' && a.dropReason && <span className="muted">{a.dropReason}</span>}
      </p>
      <div className="plan-bar">
        <progress max={100} value={a.status === 'DONE' ? 100 : a.progress} aria-label={t('plan.actionProgress')} />
        <span data-testid="plan-action-progress">{pct(a.status === 'DONE' ? 100 : a.progress)}</span>
        {a.weight !== 1 && <span className="muted"> · {t('plan.weight', { weight: a.weight })}</span>}
      </div>
      {a.history.length > 0 && (
        <details className="plan-history">
          <summary>{t('plan.history', { count: a.history.length })}</summary>
          <ol>
            {a.history.map((h) => (
              <li key={h.id}>
                {String(h.changedAt).slice(0, 10)} · {h.changedBy?.fullName ?? '—'} · {t(`plan.status.${h.status}` as MessageId)} ·{' '}
                {pct(h.progress)}
                {h.note && <> · {h.note}</>}
                {h.document && <> · {h.document.title}</>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {canEdit &&
        (editing ? (
          <UpdateAction reviewId={reviewId} action={a} onDone={() => setEditing(false)} onSaved={onSaved} />
        ) : (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('plan.update')}
          </Button>
        ))}
    </li>
  );
}

function UpdateAction({
  reviewId,
  action: a,
  onDone,
  onSaved,
}: {
  reviewId?: string;
  action: PlanActionFieldsFragment;
  onDone(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [status, setStatus] = useState<PlanActionStatus>(a.status);
  const [progress, setProgress] = useState(String(a.progress));
  const [dropReason, setDropReason] = useState(a.dropReason ?? '');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  /** The document already uploaded for this file: a second try after a refusal does not upload it again. */
  const [uploaded, setUploaded] = useState<{ file: File; id: string } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, update] = useMutation(UpdatePlanActionMutation);
  const problem = apiError(result.error);
  const problems = problem?.problems ?? [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setUploadError(null);
    try {
      let documentId: string | null = null;
      if (file && reviewId) {
        documentId = uploaded?.file === file ? uploaded.id : null;
        if (!documentId) {
          const done = await uploadDocument(reviewId, file, []);
          if (!done.id) return setUploadError(done.error ?? t('common.offlineTryLater'));
          setUploaded({ file, id: done.id });
          documentId = done.id;
        }
      }
      const saved = await update({
        actionId: a.id,
        input: {
          status,
          progress: status === 'DONE' ? 100 : Number(progress),
          dropReason: status === 'DROPPED' ? dropReason : null,
          note,
          documentId,
          expectedVersion: a.version,
        },
      });
      if (saved.data) {
        onSaved();
        onDone();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} data-testid="update-action-form">
      <Select label={t('plan.field.status')} value={status} onChange={(e) => setStatus(e.target.value as PlanActionStatus)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`plan.status.${s}` as MessageId)}
          </option>
        ))}
      </Select>
      {status !== 'DONE' && (
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          label={t('plan.field.progress')}
          value={progress}
          onChange={(e) => setProgress(e.target.value)}
          error={problemFor(problems, 'progress')}
        />
      )}
      {status === 'DROPPED' && (
        <TextArea
          label={t('plan.field.dropReason')}
          value={dropReason}
          rows={2}
          onChange={(e) => setDropReason(e.target.value)}
          error={problemFor(problems, 'dropReason')}
        />
      )}
      <TextArea
        label={t('plan.field.note')}
        hint={t('plan.field.noteHint')}
        value={note}
        rows={2}
        onChange={(e) => setNote(e.target.value)}
      />
      {reviewId && (
        <TextField
          type="file"
          label={t('plan.field.file')}
          hint={t('plan.field.fileHint')}
          accept=".pdf,.doc,.docx,.odt,.txt,.csv,.png,.jpg,.jpeg,application/pdf,image/*"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          error={uploadError ?? problemFor(problems, 'documentId')}
        />
      )}
      {problem && (problem.code === 'CONFLICT' || !problems.length) && <Alert kind="error">{problem.message}</Alert>}
      {result.error && !problem && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
      <div className="form-actions">
        <Button type="submit" disabled={busy || result.fetching}>
          {t('plan.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A new action; `reviewId` for a recommendation from outside the review (the Index's), whose plan takes it. */
function AddAction({
  recommendationId,
  reviewId,
  hosts,
  today,
  onSaved,
}: {
  recommendationId: string;
  reviewId?: string;
  hosts: { id: string; fullName: string }[];
  today: string;
  onSaved(): void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const empty = {
    description: '',
    owner: '',
    responsibleId: '',
    startsOn: today,
    dueOn: '',
    term: 'QUICK_WIN' as PlanActionTerm,
    weight: '1',
  };
  const [form, setForm] = useState(empty);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const [result, add] = useMutation(AddPlanActionMutation);
  const problem = apiError(result.error);
  const problems = problem?.problems ?? [];
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('plan.add')}
      </Button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await add({ recommendationId, reviewId: reviewId ?? null, input: { ...form, weight: Number(form.weight) } });
    if (saved.data) {
      setForm(empty);
      setOpen(false);
      onSaved();
    }
  };
  return (
    <form className="plan-form" onSubmit={(e) => void submit(e)} data-testid="add-action-form">
      <h3>{t('plan.add')}</h3>
      <TextArea
        label={t('plan.field.description')}
        value={form.description}
        rows={2}
        onChange={set('description')}
        error={problemFor(problems, 'description')}
      />
      <TextField label={t('plan.field.owner')} value={form.owner} onChange={set('owner')} error={problemFor(problems, 'owner')} />
      <Select
        label={t('plan.field.responsible')}
        value={form.responsibleId}
        onChange={set('responsibleId')}
        error={problemFor(problems, 'responsibleId')}
      >
        <option value="">{t('plan.field.choose')}</option>
        {hosts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </Select>
      <TextField
        type="date"
        label={t('plan.field.startsOn')}
        value={form.startsOn}
        onChange={set('startsOn')}
        error={problemFor(problems, 'startsOn')}
      />
      <TextField
        type="date"
        label={t('plan.field.dueOn')}
        value={form.dueOn}
        onChange={set('dueOn')}
        error={problemFor(problems, 'dueOn')}
      />
      <Select label={t('plan.field.term')} value={form.term} onChange={set('term')}>
        {TERMS.map((term) => (
          <option key={term} value={term}>
            {t(`plan.term.${term}` as MessageId)}
          </option>
        ))}
      </Select>
      <TextField
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        label={t('plan.field.weight')}
        hint={t('plan.field.weightHint')}
        value={form.weight}
        onChange={set('weight')}
        error={problemFor(problems, 'weight')}
      />
      {problem && !problems.length && <Alert kind="error">{problem.message}</Alert>}
      {result.error && !problem && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          {t('plan.save')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
