import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useClient, useMutation, useQuery } from 'urql';
import type { ConclusionFieldsFragment } from '../graphql/generated/graphql';
import { apiError, problemFor } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, Select, TextArea } from '../ui/primitives';
import { MergePanel } from './MergePanel';
import { bothTexts, ConclusionDraft, dropDraft, readDraft, TEXT_FIELDS, TextField, writeDraft } from './drafts';
import {
  AgreeConclusionMutation,
  DraftRigourQuery,
  FindingsQuery,
  KeyFactorEvidenceQuery,
  ReopenConclusionMutation,
  SaveConclusionMutation,
} from './operations';

interface Props {
  reviewId: string;
  personId: string;
  keyFactor: { id: string; code: string; heading: string };
  conclusion: ConclusionFieldsFragment | null;
  scale: { value: number; label: string; description: string }[];
  selfRating: number | null;
  isLeader: boolean;
  savedIssues: { code: string; message: string }[];
  onChanged(): void;
}

const fromServer = (c: ConclusionFieldsFragment | null): ConclusionDraft => ({
  rating: c?.rating ?? null,
  summary: c?.summary ?? '',
  strengths: c?.strengths ?? '',
  areasToDevelop: c?.areasToDevelop ?? '',
  evidenceIds: c?.evidenceIds ?? [],
  baseVersion: c?.version ?? 0,
  editedAt: Date.now(),
});

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
const sameContent = (a: ConclusionDraft, b: ConclusionDraft) =>
  a.rating === b.rating && TEXT_FIELDS.every((f) => a[f].trim() === b[f].trim()) && sameIds(a.evidenceIds, b.evidenceIds);

/**
 * One key factor's conclusion. Every change is written to a local draft at once and stays there until
 * the server accepts a save; a save refused because someone else saved first (CONFLICT), or a draft
 * found older than the server's version after a reload, opens the merge: both versions side by side,
 * each field taken from either or both, then saved on top of the other person's version.
 */
export function ConclusionEditor({
  reviewId,
  personId,
  keyFactor,
  conclusion: fromProps,
  scale,
  selfRating,
  isLeader,
  savedIssues,
  onChanged,
}: Props) {
  const t = useT();
  const client = useClient();
  // What this editor last got back from a save, agree or reopen: newer than the list until it refetches.
  const [own, setOwn] = useState<ConclusionFieldsFragment | null>(null);
  const conclusion = own && (!fromProps || own.version > fromProps.version) ? own : fromProps;
  const [form, setForm] = useState<ConclusionDraft>(() => readDraft(personId, reviewId, keyFactor.id) ?? fromServer(conclusion));
  const [unsaved, setUnsaved] = useState(() => readDraft(personId, reviewId, keyFactor.id) !== null);
  const [theirs, setTheirs] = useState<ConclusionFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [saveResult, save] = useMutation(SaveConclusionMutation);
  const [agreeResult, agree] = useMutation(AgreeConclusionMutation);
  const [reopenResult, reopen] = useMutation(ReopenConclusionMutation);
  const [{ data: evidence }] = useQuery({ query: KeyFactorEvidenceQuery, variables: { reviewId, keyFactorId: keyFactor.id } });
  const rigourVars = useMemo(
    () => ({ reviewId, rating: form.rating, evidenceIds: form.evidenceIds }),
    [reviewId, form.rating, form.evidenceIds],
  );
  const [{ data: rigour }] = useQuery({ query: DraftRigourQuery, variables: rigourVars, requestPolicy: 'network-only' });
  const agreed = conclusion?.status === 'AGREED';

  // The server moved on under a draft (someone saved since the draft began): merge, never overwrite.
  // Without a draft the form simply follows the server.
  useEffect(() => {
    if (!conclusion) return;
    if (!unsaved) setForm(fromServer(conclusion));
    else if (conclusion.version > form.baseVersion && !sameContent(form, fromServer(conclusion))) setTheirs(conclusion);
    // Only when the server's version changes.
  }, [conclusion?.version]);

  const change = (patch: Partial<ConclusionDraft>) => {
    const next = { ...form, ...patch, editedAt: Date.now() };
    writeDraft(personId, reviewId, keyFactor.id, next);
    setForm(next);
    setUnsaved(true);
    setNotice(null);
  };

  const submit = async () => {
    const expectedVersion = theirs ? theirs.version : form.baseVersion;
    const result = await save({
      reviewId,
      keyFactorId: keyFactor.id,
      expectedVersion,
      input: {
        rating: form.rating,
        summary: form.summary,
        strengths: form.strengths,
        areasToDevelop: form.areasToDevelop,
        evidenceIds: form.evidenceIds,
      },
    });
    const error = apiError(result.error);
    if (result.data) {
      dropDraft(personId, reviewId, keyFactor.id);
      setUnsaved(false);
      setTheirs(null);
      setForm(fromServer(result.data.saveConclusion));
      setOwn(result.data.saveConclusion);
      setNotice(t('findings.saved', { version: result.data.saveConclusion.version }));
      onChanged();
    } else if (error?.code === 'CONFLICT') {
      // The draft stays as it is; fetch what the other person saved and show both.
      const latest = await client.query(FindingsQuery, { reviewId }, { requestPolicy: 'network-only' }).toPromise();
      const current = latest.data?.reviewConclusions.find((c) => c.keyFactorId === keyFactor.id) ?? null;
      if (current) setTheirs(current);
      onChanged();
    }
  };

  const take = (field: TextField | 'rating' | 'evidenceIds', how: 'mine' | 'theirs' | 'both') => {
    if (!theirs || how === 'mine') return;
    if (field === 'rating') change({ rating: theirs.rating ?? null });
    else if (field === 'evidenceIds')
      change({ evidenceIds: how === 'both' ? [...new Set([...form.evidenceIds, ...theirs.evidenceIds])] : theirs.evidenceIds });
    else change({ [field]: how === 'both' ? bothTexts(form[field], theirs[field]) : theirs[field] });
  };

  const saveError = apiError(saveResult.error);
  const problems = saveError?.problems ?? [];
  const issues = rigour?.draftConclusionRigour ?? savedIssues;
  const ratingLabel = (value: number | null | undefined) =>
    value == null ? t('findings.noRating') : `${value} – ${scale.find((s) => s.value === value)?.label ?? ''}`;
  const fieldLabel = (f: TextField | 'rating' | 'evidenceIds') => t(`findings.field.${f}` as MessageId);
  const differing = theirs
    ? (['rating', ...TEXT_FIELDS, 'evidenceIds'] as const).filter((f) =>
        f === 'rating'
          ? form.rating !== (theirs.rating ?? null)
          : f === 'evidenceIds'
            ? !sameIds(form.evidenceIds, theirs.evidenceIds)
            : form[f].trim() !== theirs[f].trim(),
      )
    : [];
  const show = (f: (typeof differing)[number], side: ConclusionDraft | ConclusionFieldsFragment) =>
    f === 'rating'
      ? ratingLabel(side.rating)
      : f === 'evidenceIds'
        ? t('findings.citedCount', { count: side.evidenceIds.length })
        : side[f] || '—';

  return (
    <article className="conclusion-editor card" aria-labelledby="editor-heading" data-testid="conclusion-editor">
      <h3 id="editor-heading">
        <FormattedMessage id="findings.editorTitle" values={{ code: keyFactor.code, heading: keyFactor.heading }} />
      </h3>
      <p className="muted" data-testid="conclusion-state">
        {conclusion ? (
          <FormattedMessage
            id={agreed ? 'findings.stateAgreed' : 'findings.stateDraft'}
            values={{ version: conclusion.version, who: conclusion.updatedBy?.fullName ?? '—' }}
          />
        ) : (
          <FormattedMessage id="findings.stateNone" />
        )}
        {unsaved && (
          <>
            {' · '}
            <strong data-testid="unsaved-draft">
              <FormattedMessage id="findings.unsaved" />
            </strong>
          </>
        )}
      </p>

      {theirs && (
        <MergePanel
          headingLevel={4}
          title={<FormattedMessage id="findings.conflictTitle" />}
          intro={
            <FormattedMessage id="findings.conflictIntro" values={{ who: theirs.updatedBy?.fullName ?? '—', version: theirs.version }} />
          }
          who={theirs.updatedBy?.fullName ?? '—'}
          rows={differing.map((f) => ({
            id: f,
            label: fieldLabel(f),
            mine: show(f, form),
            theirs: show(f, theirs),
            canKeepBoth: f !== 'rating',
          }))}
          onTake={take}
        />
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset disabled={agreed}>
          <Select
            label={t('findings.field.rating')}
            hint={selfRating != null ? t('findings.selfRating', { rating: ratingLabel(selfRating) }) : t('findings.noSelfRating')}
            value={form.rating ?? ''}
            onChange={(e) => change({ rating: e.target.value === '' ? null : Number(e.target.value) })}
            error={problemFor(problems, 'rating')}
          >
            <option value="">{t('findings.noRating')}</option>
            {scale.map((s) => (
              <option key={s.value} value={s.value}>
                {s.value} – {s.label}
              </option>
            ))}
          </Select>
          {TEXT_FIELDS.map((f) => (
            <TextArea
              key={f}
              label={fieldLabel(f)}
              rows={f === 'summary' ? 3 : 4}
              value={form[f]}
              onChange={(e) => change({ [f]: e.target.value })}
              error={problemFor(problems, f)}
            />
          ))}
          <fieldset className="cite">
            <legend>
              <FormattedMessage id="findings.citeLegend" values={{ count: form.evidenceIds.length }} />
            </legend>
            {evidence && evidence.reviewEvidence.nodes.length === 0 && (
              <p className="muted">
                <FormattedMessage id="findings.noEvidence" />
              </p>
            )}
            <ul className="cite-list">
              {evidence?.reviewEvidence.nodes.map((e) => (
                <li key={e.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={form.evidenceIds.includes(e.id)}
                      onChange={(ev) =>
                        change({
                          evidenceIds: ev.target.checked ? [...form.evidenceIds, e.id] : form.evidenceIds.filter((id) => id !== e.id),
                        })
                      }
                    />
                    <span>
                      {e.statement}
                      <span className="cite-meta">
                        <span className="tag">{t(`stance.${e.stance}` as MessageId)}</span>
                        <span className="tag">{t(`source.${e.source}` as MessageId)}</span>
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {problemFor(problems, 'evidenceIds') && <p className="field-error">{problemFor(problems, 'evidenceIds')}</p>}
          </fieldset>
        </fieldset>

        <section className="rigour" aria-labelledby="rigour-heading" data-testid="rigour">
          <h4 id="rigour-heading">
            <FormattedMessage id="findings.rigourTitle" />
          </h4>
          {issues.length === 0 ? (
            <p className="ok">
              <FormattedMessage id="findings.rigourOk" />
            </p>
          ) : (
            <ul>
              {issues.map((i) => (
                <li key={i.code} className="warning-text">
                  {t(`findings.rigour.${i.code}` as MessageId)} <span className="muted">({i.message})</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {saveError && saveError.code !== 'CONFLICT' && <Alert kind="error">{saveError.message}</Alert>}
        {notice && <Alert kind="success">{notice}</Alert>}
        {agreed && unsaved && (
          <Alert kind="info">
            <FormattedMessage id="findings.agreedWithDraft" />
          </Alert>
        )}
        <div className="form-actions">
          {!agreed && (
            <button type="submit" className="btn btn-primary" disabled={saveResult.fetching}>
              <FormattedMessage id={theirs ? 'findings.saveMerged' : 'findings.save'} />
            </button>
          )}
          {unsaved && (
            <Button
              variant="secondary"
              onClick={() => {
                dropDraft(personId, reviewId, keyFactor.id);
                setUnsaved(false);
                setTheirs(null);
                setForm(fromServer(conclusion));
              }}
            >
              <FormattedMessage id="findings.discard" />
            </Button>
          )}
        </div>
      </form>

      {isLeader && conclusion && !agreed && (
        <div className="leader-actions">
          {unsaved && (
            <p className="muted">
              <FormattedMessage id="findings.saveBeforeAgree" />
            </p>
          )}
          <Button
            disabled={unsaved || agreeResult.fetching}
            onClick={async () => {
              const result = await agree({ conclusionId: conclusion.id, expectedVersion: conclusion.version });
              if (result.data) {
                setOwn(result.data.agreeConclusion);
                onChanged();
              }
            }}
          >
            <FormattedMessage id="findings.agree" />
          </Button>
          {agreeResult.error && <Alert kind="error">{apiError(agreeResult.error)?.message ?? t('common.offlineTryLater')}</Alert>}
        </div>
      )}
      {isLeader && conclusion && agreed && (
        <form
          className="leader-actions"
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await reopen({ conclusionId: conclusion.id, reason });
            if (result.data) {
              setOwn(result.data.reopenConclusion);
              setReason('');
              onChanged();
            }
          }}
        >
          <TextArea
            label={t('findings.reopenReason')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={apiError(reopenResult.error)?.message}
          />
          <button type="submit" className="btn btn-secondary" disabled={reopenResult.fetching}>
            <FormattedMessage id="findings.reopen" />
          </button>
        </form>
      )}
    </article>
  );
}
