import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient, useMutation } from 'urql';
import { bothTexts } from '../../findings/drafts';
import type { HostEntryFieldsFragment } from '../../graphql/generated/graphql';
import { apiError, Problem, problemFor } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button, TextArea } from '../../ui/primitives';
import { HostEntryNowQuery, HostSaveEntryMutation } from '../operations-self-assessment';
import {
  answerOf,
  differingFields,
  draftFromServer,
  dropEntryDraft,
  EntryDraft,
  EntryField,
  readEntryDraft,
  sameEntry,
  writeEntryDraft,
} from './entry-drafts';
import { MergePanel, MergeRow } from '../../findings/MergePanel';
import { when } from './when';

/** How long typing must pause before the entry is saved. */
export const AUTOSAVE_MS = 1200;
/** When a save could not reach the server, how long before trying again. */
const RETRY_MS = 10_000;

interface Props {
  reviewId: string;
  personId: string;
  keyFactor: { id: string; code: string; heading: string; guideQuestions: { id: string; position: number; text: string }[] };
  entry: HostEntryFieldsFragment | null;
  scale: { value: number; label: string; description: string }[];
  /** The person may write it now (the review's status, and theirs or the coordinator's). */
  editable: boolean;
  onSaved(entry: HostEntryFieldsFragment): void;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'failed' | 'conflict';

const fieldId = (f: EntryField) => (f.kind === 'answer' ? `answer-${f.guideQuestionId}` : f.kind);

/**
 * One key factor's entry: the guide questions with their answers, the rating on the benchmark's
 * scale, the narrative. Every keystroke goes to a local draft at once; a pause in typing saves it
 * (with the version it started from). A save refused because someone saved in between, or a draft
 * found older than the server's version, opens the merge: both versions side by side, each field
 * taken from either or both, then saved on top of the other person's version. Nothing typed is lost.
 */
export function EntryEditor({ reviewId, personId, keyFactor, entry, scale, editable, onSaved }: Props) {
  const t = useT();
  const intl = useIntl();
  const client = useClient();
  const questionIds = keyFactor.guideQuestions.map((q) => q.id);
  const [form, setForm] = useState<EntryDraft>(() => readEntryDraft(personId, reviewId, keyFactor.id) ?? draftFromServer(entry));
  const [unsaved, setUnsaved] = useState(() => readEntryDraft(personId, reviewId, keyFactor.id) !== null);
  const [theirs, setTheirs] = useState<HostEntryFieldsFragment | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [, save] = useMutation(HostSaveEntryMutation);

  // The save runs from timers and after other saves: it reads the latest values through refs.
  const formRef = useRef(form);
  const theirsRef = useRef(theirs);
  const unsavedRef = useRef(unsaved);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  /** A save was refused as stale and the other version is being fetched: nothing saves on its own meanwhile. */
  const stale = useRef(false);
  formRef.current = form;
  theirsRef.current = theirs;
  unsavedRef.current = unsaved;

  const setDraft = (next: EntryDraft, stillUnsaved: boolean) => {
    formRef.current = next;
    unsavedRef.current = stillUnsaved;
    setForm(next);
    setUnsaved(stillUnsaved);
    if (stillUnsaved) writeEntryDraft(personId, reviewId, keyFactor.id, next);
    else dropEntryDraft(personId, reviewId, keyFactor.id);
  };

  /** Sends the form. On its own (a pause in typing) it never saves over a version shown beside it: the person merges first. */
  const saveNow = async (explicit = false) => {
    clearTimeout(timer.current);
    if (!unsavedRef.current || !editable || (!explicit && (theirsRef.current || stale.current))) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState('saving');
    const sent = formRef.current;
    const merging = theirsRef.current;
    // A new entry's row starts at version 1: expecting 1 refuses the save if anyone else created and saved it first.
    const expectedVersion = merging ? merging.version : Math.max(sent.baseVersion, 1);
    const result = await save({
      reviewId,
      keyFactorId: keyFactor.id,
      expectedVersion,
      input: {
        answers: questionIds.map((id) => ({ guideQuestionId: id, answer: sent.answers[id] ?? '' })),
        ...(sent.rating !== null ? { rating: sent.rating } : {}),
        narrative: sent.narrative,
      },
    });
    inFlight.current = false;
    const error = apiError(result.error);
    if (result.data) {
      const saved = result.data.saveSelfAssessmentEntry;
      setTheirs(null);
      theirsRef.current = null;
      setFailure(null);
      setSavedAt(saved.updatedAt);
      setState('saved');
      const now = formRef.current;
      // Typed on while it was saving: keep that as a draft on top of the new version, and save it too.
      const typedSince = !sameEntry(now, sent, questionIds);
      setDraft({ ...now, baseVersion: saved.version }, typedSince);
      onSaved(saved);
      if (typedSince || again.current) {
        again.current = false;
        schedule();
      }
    } else if (error?.code === 'CONFLICT') {
      // The draft stays as it is; fetch what the other person saved and show both.
      setState('conflict');
      stale.current = true;
      const latest = await client.query(HostEntryNowQuery, { reviewId }, { requestPolicy: 'network-only' }).toPromise();
      const current = latest.data?.review.selfAssessment.find((e) => e.keyFactorId === keyFactor.id) ?? null;
      stale.current = false;
      if (current) {
        theirsRef.current = current;
        setTheirs(current);
      } else {
        // Not readable any more (unassigned meanwhile, or no connection): say what the API said; the draft stays.
        setState('failed');
        setFailure({ message: error.message, problems: [] });
      }
    } else if (error) {
      setState('failed');
      setFailure({ message: error.message, problems: error.problems });
    } else {
      // No answer from the server: the draft waits on this device and the save is tried again.
      setState('offline');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), RETRY_MS);
    }
  };

  const schedule = () => {
    clearTimeout(timer.current);
    // While both versions are shown, the person decides; nothing saves on its own.
    if (theirsRef.current || stale.current || !editable) return;
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };

  const change = (patch: Partial<EntryDraft>) => {
    setDraft({ ...formRef.current, ...patch, editedAt: Date.now() }, true);
    if (state !== 'conflict') setState('idle');
    schedule();
  };

  // The server moved on (someone saved since the draft began): merge, never overwrite. Without a
  // draft the form simply follows the server.
  useEffect(() => {
    if (!entry || entry.version <= formRef.current.baseVersion) return;
    const server = draftFromServer(entry);
    if (!unsavedRef.current) setDraft(server, false);
    else if (sameEntry(formRef.current, server, questionIds)) setDraft({ ...formRef.current, baseVersion: entry.version }, false);
    else {
      theirsRef.current = entry;
      setTheirs(entry);
    }
  }, [entry?.version]);

  // A draft left from before (a reload, a closed tab) is saved as soon as the page is back; the
  // pending save is sent at once when the person moves to another key factor.
  useEffect(() => {
    if (unsavedRef.current) schedule();
    const online = () => void saveNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
      if (unsavedRef.current && !theirsRef.current && !inFlight.current) void saveNow();
    };
  }, []);

  const server = theirs ? draftFromServer(theirs) : null;
  const ratingText = (value: number | null) =>
    value === null ? t('host.sa.noRating') : `${value} – ${scale.find((s) => s.value === value)?.label ?? ''}`;
  const fieldLabel = (f: EntryField) =>
    f.kind === 'answer'
      ? t('host.sa.questionN', { n: keyFactor.guideQuestions.find((q) => q.id === f.guideQuestionId)?.position ?? '?' })
      : t(f.kind === 'rating' ? 'host.sa.rating' : 'host.sa.narrative');
  const valueOf = (d: EntryDraft, f: EntryField) =>
    f.kind === 'answer' ? answerOf(d, f.guideQuestionId) || '—' : f.kind === 'rating' ? ratingText(d.rating) : d.narrative.trim() || '—';
  const rows: MergeRow[] = server
    ? differingFields(form, server, questionIds).map((f) => ({
        id: fieldId(f),
        label: fieldLabel(f),
        mine: valueOf(form, f),
        theirs: valueOf(server, f),
        canKeepBoth: f.kind !== 'rating',
      }))
    : [];
  const take = (id: string, how: 'theirs' | 'both') => {
    if (!server) return;
    if (id === 'rating') change({ rating: server.rating });
    else if (id === 'narrative') change({ narrative: how === 'both' ? bothTexts(form.narrative, server.narrative) : server.narrative });
    else {
      const q = id.slice('answer-'.length);
      const mine = form.answers[q] ?? '';
      const other = server.answers[q] ?? '';
      change({ answers: { ...form.answers, [q]: how === 'both' ? bothTexts(mine, other) : other } });
    }
  };
  const problems = failure?.problems ?? [];

  return (
    <div className="entry-editor">
      <p className="save-state" role="status" data-testid="save-state">
        {state === 'saving' && <FormattedMessage id="host.sa.saving" />}
        {state === 'saved' && savedAt && <FormattedMessage id="host.sa.savedAt" values={{ time: when(savedAt, intl.locale, 'time') }} />}
        {state === 'offline' && <FormattedMessage id="host.sa.offline" />}
        {state === 'conflict' && <FormattedMessage id="host.sa.conflictState" />}
        {(state === 'idle' || state === 'failed') && unsaved && editable && <FormattedMessage id="host.sa.unsaved" />}
        {state === 'idle' && !unsaved && !entry?.updatedBy && <FormattedMessage id="host.sa.notWritten" />}
        {state === 'idle' && !unsaved && entry?.updatedBy && (
          <FormattedMessage
            id="host.sa.lastSaved"
            values={{
              who: entry.updatedBy.fullName,
              time: when(entry.updatedAt, intl.locale),
            }}
          />
        )}
      </p>

      {theirs && (
        <MergePanel
          headingLevel={3}
          title={<FormattedMessage id="host.sa.conflictTitle" />}
          intro={
            <FormattedMessage id="host.sa.conflictIntro" values={{ who: theirs.updatedBy?.fullName ?? '—', version: theirs.version }} />
          }
          who={theirs.updatedBy?.fullName ?? '—'}
          rows={rows}
          onTake={take}
        />
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveNow(true);
        }}
      >
        <fieldset disabled={!editable} className="plain-fieldset">
          <legend className="visually-hidden">
            <FormattedMessage id="host.sa.entryLegend" values={{ code: keyFactor.code }} />
          </legend>
          <h3>
            <FormattedMessage id="host.sa.questions" />
          </h3>
          <ol className="guide-questions">
            {keyFactor.guideQuestions.map((q, index) => (
              <li key={q.id}>
                <TextArea
                  label={
                    <>
                      <span className="q-number">{t('host.sa.questionN', { n: q.position })}</span> {q.text}
                    </>
                  }
                  rows={3}
                  value={form.answers[q.id] ?? ''}
                  onChange={(e) => change({ answers: { ...formRef.current.answers, [q.id]: e.target.value } })}
                  error={problemFor(problems, `answers[${index}].answer`)}
                />
              </li>
            ))}
          </ol>

          <fieldset className="rating-scale">
            <legend>
              <FormattedMessage id="host.sa.ratingLegend" />
            </legend>
            <p className="hint">
              <FormattedMessage id="host.sa.ratingHint" />
            </p>
            {scale.map((s) => (
              <div key={s.value} className={`rating-option ${form.rating === s.value ? 'chosen' : ''}`}>
                <label>
                  <input
                    type="radio"
                    name={`rating-${keyFactor.id}`}
                    value={s.value}
                    checked={form.rating === s.value}
                    onChange={() => change({ rating: s.value })}
                    aria-describedby={`rating-${keyFactor.id}-${s.value}`}
                  />
                  <span className="rating-label">
                    {s.value} – {s.label}
                  </span>
                </label>
                <p className="rating-description" id={`rating-${keyFactor.id}-${s.value}`}>
                  {s.description}
                </p>
              </div>
            ))}
            {problemFor(problems, 'rating') && <p className="field-error">{problemFor(problems, 'rating')}</p>}
          </fieldset>

          <TextArea
            label={t('host.sa.narrative')}
            hint={t('host.sa.narrativeHint')}
            rows={6}
            value={form.narrative}
            onChange={(e) => change({ narrative: e.target.value })}
            error={problemFor(problems, 'narrative')}
          />
        </fieldset>

        {failure && <Alert kind="error">{failure.message}</Alert>}
        {editable && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={state === 'saving' || (!unsaved && !theirs)}>
              <FormattedMessage id={theirs ? 'host.sa.saveMerged' : 'host.sa.saveNow'} />
            </button>
            {unsaved && (
              <Button
                variant="secondary"
                onClick={() => {
                  clearTimeout(timer.current);
                  const base = theirs ?? entry;
                  setTheirs(null);
                  theirsRef.current = null;
                  setFailure(null);
                  setState('idle');
                  setDraft(draftFromServer(base), false);
                }}
              >
                <FormattedMessage id="host.sa.discard" />
              </Button>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
