import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { RecommendationFieldsFragment, RecommendationHorizon, RecommendationPriority } from '../graphql/generated/graphql';
import { apiError, Problem, problemFor } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button, Select, TextArea, TextField } from '../ui/primitives';
import {
  AddRecommendationMutation,
  LinkGoodPracticeMutation,
  RecommendationsQuery,
  SuggestGoodPracticesQuery,
  UnlinkGoodPracticeMutation,
  UpdateRecommendationMutation,
  WithdrawRecommendationMutation,
} from './operations';
import './findings.css';
import { PromoteToPractice } from '../catalogue/PromoteToPractice';

const PRIORITIES: RecommendationPriority[] = ['HIGH', 'MEDIUM', 'LOW'];
const HORIZONS: RecommendationHorizon[] = ['QUICK_WIN', 'MEDIUM_TERM', 'LONG_TERM'];

interface KeyFactor {
  id: string;
  code: string;
  heading: string;
}

interface Draft {
  text: string;
  priority: RecommendationPriority;
  horizon: RecommendationHorizon;
  suggestedOwner: string;
  keyFactorIds: string[];
}

const EMPTY: Draft = { text: '', priority: 'MEDIUM', horizon: 'MEDIUM_TERM', suggestedOwner: '', keyFactorIds: [] };

/** Priority, horizon, owner and key factors of one recommendation: for adding, and for changing one. */
function RecommendationForm({
  keyFactors,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  keyFactors: KeyFactor[];
  initial: Draft;
  submitLabel: string;
  onSubmit(d: Draft): Promise<Problem[] | null>;
  onCancel?(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <form
      className="recommendation-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const refused = await onSubmit(draft);
        setProblems(refused ?? []);
        if (!refused) setDraft(initial);
      }}
    >
      <TextArea
        label={t('findings.rec.text')}
        rows={3}
        value={draft.text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        error={problemFor(problems, 'text')}
        required
      />
      <div className="form-row rec-row">
        <Select
          label={t('findings.rec.priority')}
          value={draft.priority}
          onChange={(e) => setDraft({ ...draft, priority: e.target.value as RecommendationPriority })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`findings.priority.${p}` as MessageId)}
            </option>
          ))}
        </Select>
        <Select
          label={t('findings.rec.horizon')}
          value={draft.horizon}
          onChange={(e) => setDraft({ ...draft, horizon: e.target.value as RecommendationHorizon })}
        >
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {t(`findings.horizon.${h}` as MessageId)}
            </option>
          ))}
        </Select>
        <TextField
          label={t('findings.rec.owner')}
          value={draft.suggestedOwner}
          onChange={(e) => setDraft({ ...draft, suggestedOwner: e.target.value })}
        />
      </div>
      <fieldset className="rec-kfs">
        <legend>{t('findings.rec.keyFactors')}</legend>
        <ul>
          {keyFactors.map((k) => (
            <li key={k.id}>
              <label>
                <input
                  type="checkbox"
                  checked={draft.keyFactorIds.includes(k.id)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      keyFactorIds: e.target.checked ? [...draft.keyFactorIds, k.id] : draft.keyFactorIds.filter((id) => id !== k.id),
                    })
                  }
                />
                {k.code} {k.heading}
              </label>
            </li>
          ))}
        </ul>
        {problemFor(problems, 'keyFactorIds') && <p className="field-error">{problemFor(problems, 'keyFactorIds')}</p>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            <FormattedMessage id="common.cancel" />
          </Button>
        )}
      </div>
    </form>
  );
}

/** The catalogue's published practices closest to the recommendation, each linked with one click. */
function Suggestions({ recommendation }: { recommendation: RecommendationFieldsFragment }) {
  const t = useT();
  const [{ data, error }] = useQuery({ query: SuggestGoodPracticesQuery, variables: { recommendationId: recommendation.id } });
  const [linkResult, link] = useMutation(LinkGoodPracticeMutation);
  const [, unlink] = useMutation(UnlinkGoodPracticeMutation);
  const linked = new Set(recommendation.linkedGoodPractices.map((g) => g.id));
  return (
    <aside className="suggestions" aria-label={t('findings.rec.suggestionsFor', { text: recommendation.text.slice(0, 60) })}>
      <h4>
        <FormattedMessage id="findings.rec.suggestions" />
      </h4>
      {recommendation.linkedGoodPractices.length > 0 && (
        <ul className="linked" aria-label={t('findings.rec.linked')}>
          {recommendation.linkedGoodPractices.map((g) => (
            <li key={g.id} data-testid="linked-practice">
              <span className="tag tag-AGREED">{t('findings.rec.linkedTag')}</span> {g.title} ({g.city})
              <Button
                variant="link"
                onClick={() => void unlink({ recommendationId: recommendation.id, goodPracticeId: g.id })}
                aria-label={t('findings.rec.unlinkNamed', { title: g.title })}
              >
                <FormattedMessage id="findings.rec.unlink" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && !data && <p className="muted">{t('common.loadFailed')}</p>}
      {data && data.suggestGoodPractices.length === 0 && (
        <p className="muted">
          <FormattedMessage id="findings.rec.noSuggestions" />
        </p>
      )}
      <ul className="suggestion-list">
        {data?.suggestGoodPractices
          .filter((s) => !linked.has(s.goodPractice.id))
          .map((s) => (
            <li key={s.goodPractice.id} data-testid="suggested-practice">
              <strong>{s.goodPractice.title}</strong> <span className="muted">({s.goodPractice.city})</span>
              <ul className="why">
                {s.why.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              <Button
                variant="secondary"
                onClick={() => void link({ recommendationId: recommendation.id, goodPracticeId: s.goodPractice.id })}
                aria-label={t('findings.rec.linkNamed', { title: s.goodPractice.title })}
              >
                <FormattedMessage id="findings.rec.link" />
              </Button>
            </li>
          ))}
      </ul>
      {linkResult.error && <Alert kind="error">{apiError(linkResult.error)?.message ?? t('common.offlineTryLater')}</Alert>}
    </aside>
  );
}

/**
 * "Withdraw…" on a recommendation: asks why (the API keeps the reason), then hands the withdrawn
 * recommendation back. An empty reason is refused here, before anything is sent.
 */
function WithdrawRecommendation({
  recommendation,
  onWithdrawn,
}: {
  recommendation: RecommendationFieldsFragment;
  onWithdrawn(withdrawn: RecommendationFieldsFragment): void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [result, withdraw] = useMutation(WithdrawRecommendationMutation);
  if (!open) {
    return (
      <Button variant="link" onClick={() => setOpen(true)}>
        <FormattedMessage id="findings.rec.withdraw" />
      </Button>
    );
  }
  const refusal = apiError(result.error);
  const refusedReason = refusal ? problemFor(refusal.problems, 'reason') : undefined;
  return (
    <form
      className="withdraw-form"
      aria-label={t('findings.rec.withdrawSubmit')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setReasonError(t('findings.rec.withdrawReasonMissing'));
          return;
        }
        setReasonError(undefined);
        const done = await withdraw({ recommendationId: recommendation.id, reason: reason.trim() });
        if (done.data) onWithdrawn(done.data.withdrawRecommendation);
      }}
    >
      <TextArea
        label={t('findings.rec.withdrawReason')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reasonError ?? refusedReason}
        autoFocus
      />
      {result.error && !refusedReason && <Alert kind="error">{refusal?.message ?? t('common.offlineTryLater')}</Alert>}
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={result.fetching}>
          <FormattedMessage id="findings.rec.withdrawSubmit" />
        </button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </form>
  );
}

/**
 * Recommendations of the review, highest priority first: each with its priority, horizon, suggested
 * owner and key factors, and beside it the good practices the catalogue suggests for it.
 */
export function RecommendationsPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: RecommendationsQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [addResult, add] = useMutation(AddRecommendationMutation);
  const [updateResult, update] = useMutation(UpdateRecommendationMutation);
  const [editing, setEditing] = useState<string | null>(null);
  // Withdrawn here, before the list has refetched: moved to the withdrawn ones at once.
  const [withdrawnHere, setWithdrawnHere] = useState<Record<string, RecommendationFieldsFragment>>({});
  const [justWithdrawn, setJustWithdrawn] = useState<string | null>(null);
  const [showWithdrawn, setShowWithdrawn] = useState(false);
  const intl = useIntl();

  if (!data) return <Loading error={error} />;
  const keyFactors = data.review.keyFactorsInScope;
  const input = (d: Draft) => ({
    text: d.text,
    priority: d.priority,
    horizon: d.horizon,
    suggestedOwner: d.suggestedOwner.trim() || null,
    keyFactorIds: d.keyFactorIds,
  });
  const mayDraft = data.review.myRoles.some((r) => r === 'EXPERT_LEADER' || r === 'PEER');
  const all = data.reviewRecommendations.map((r) => withdrawnHere[r.id] ?? r);
  const current = all.filter((r) => !r.withdrawnAt);
  const withdrawn = all.filter((r) => r.withdrawnAt);

  return (
    <section className="findings" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">
        <FormattedMessage id="findings.rec.title" />
      </h2>
      {current.length === 0 && (
        <p className="muted">
          <FormattedMessage id="findings.rec.none" />
        </p>
      )}
      {justWithdrawn && <Alert kind="success">{t('findings.rec.withdrawnDone', { text: justWithdrawn })}</Alert>}
      <ol className="recommendations">
        {current.map((r) => (
          <li key={r.id} className="recommendation card" data-testid="recommendation">
            <div className="recommendation-main">
              {editing === r.id ? (
                <RecommendationForm
                  keyFactors={keyFactors}
                  initial={{
                    text: r.text,
                    priority: r.priority,
                    horizon: r.horizon,
                    suggestedOwner: r.suggestedOwner ?? '',
                    keyFactorIds: r.keyFactorIds,
                  }}
                  submitLabel={t('findings.rec.saveChanges')}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (d) => {
                    const result = await update({ recommendationId: r.id, input: input(d) });
                    if (result.data) setEditing(null);
                    return result.data ? null : (apiError(result.error)?.problems ?? []);
                  }}
                />
              ) : (
                <>
                  <p className="recommendation-text">{r.text}</p>
                  <p className="kf-tags">
                    <span className={`tag tag-priority-${r.priority}`}>{t(`findings.priority.${r.priority}` as MessageId)}</span>
                    <span className="tag">{t(`findings.horizon.${r.horizon}` as MessageId)}</span>
                    {r.keyFactorIds.map((id) => (
                      <span key={id} className="tag">
                        {keyFactors.find((k) => k.id === id)?.code}
                      </span>
                    ))}
                  </p>
                  {r.suggestedOwner && (
                    <p className="muted">
                      <FormattedMessage id="findings.rec.ownerIs" values={{ owner: r.suggestedOwner }} />
                    </p>
                  )}
                  {mayDraft && (
                    <div className="rec-actions">
                      <Button variant="link" onClick={() => setEditing(r.id)}>
                        <FormattedMessage id="findings.rec.edit" />
                      </Button>
                      <WithdrawRecommendation
                        recommendation={r}
                        onWithdrawn={(w) => {
                          setWithdrawnHere((before) => ({ ...before, [w.id]: w }));
                          setJustWithdrawn(w.text.length > 80 ? `${w.text.slice(0, 80)}…` : w.text);
                          refetch({ requestPolicy: 'network-only' });
                        }}
                      />
                      <PromoteToPractice from={{ recommendationId: r.id }} />
                    </div>
                  )}
                </>
              )}
              {editing === r.id && updateResult.error && (
                <Alert kind="error">{apiError(updateResult.error)?.message ?? t('common.offlineTryLater')}</Alert>
              )}
            </div>
            <Suggestions recommendation={r} />
          </li>
        ))}
      </ol>
      {withdrawn.length > 0 && (
        <div className="withdrawn-recommendations">
          <Button variant="secondary" aria-expanded={showWithdrawn} onClick={() => setShowWithdrawn(!showWithdrawn)}>
            {t(showWithdrawn ? 'findings.rec.hideWithdrawn' : 'findings.rec.showWithdrawn', { count: withdrawn.length })}
          </Button>
          {showWithdrawn && (
            <ul className="withdrawn-list" aria-label={t('findings.rec.withdrawnList')}>
              {withdrawn.map((r) => (
                <li key={r.id} className="card" data-testid="withdrawn-recommendation">
                  <p className="recommendation-text">{r.text}</p>
                  <p className="muted">
                    {t('findings.rec.withdrawnOn', {
                      date: intl.formatDate(r.withdrawnAt as string, { day: 'numeric', month: 'long', year: 'numeric' }),
                      reason: r.withdrawalReason ?? '',
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {mayDraft && (
        <section className="card" aria-labelledby="add-recommendation">
          <h3 id="add-recommendation">
            <FormattedMessage id="findings.rec.add" />
          </h3>
          <RecommendationForm
            keyFactors={keyFactors}
            initial={EMPTY}
            submitLabel={t('findings.rec.addSubmit')}
            onSubmit={async (d) => {
              const result = await add({ reviewId, input: input(d) });
              if (result.data) refetch({ requestPolicy: 'network-only' });
              return result.data ? null : (apiError(result.error)?.problems ?? []);
            }}
          />
          {addResult.error && <Alert kind="error">{apiError(addResult.error)?.message ?? t('common.offlineTryLater')}</Alert>}
        </section>
      )}
    </section>
  );
}
