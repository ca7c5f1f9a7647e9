import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useClient, useMutation } from 'urql';
import { apiError } from '../graphql/errors';
import type { EvidenceFieldsFragment } from '../graphql/generated/graphql';
import { EditEvidenceMutation, RetractEvidenceMutation, ReviewEvidenceQuery } from '../graphql/operations';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';
import { EvidenceDraft, EvidenceForm, QuotableStakeholder } from './EvidenceForm';
import { KeyFactorOption } from './KeyFactorPicker';
import { db, fromServer, NotebookItem } from './notebook-db';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The API's input paths, as the form names them. */
const FIELDS: Record<string, MessageId> = {
  statement: 'field.statement',
  quote: 'field.quote',
  quotedStakeholderId: 'log.quotedStakeholder',
  paraphrase: 'log.paraphrase',
  stance: 'log.stance',
  keyFactorIds: 'log.keyFactors',
  stakeholderCategory: 'log.category',
  source: 'log.source',
  sessionId: 'field.session',
  observedAt: 'field.observedAt',
};

const draftOf = (item: NotebookItem): EvidenceDraft => ({
  statement: item.statement,
  quote: item.quote ?? '',
  quotedStakeholderId: item.quotedStakeholderId ?? '',
  paraphrase: item.paraphrase ?? '',
  stance: item.stance,
  keyFactorIds: item.keyFactorIds,
  stakeholderCategory: item.stakeholderCategory ?? '',
  source: item.source,
});

const patchOf = (draft: EvidenceDraft) => ({
  statement: draft.statement.trim(),
  quote: draft.quote.trim(),
  // null removes the link (an empty string is not an id).
  quotedStakeholderId: draft.quotedStakeholderId || null,
  paraphrase: draft.paraphrase.trim(),
  stance: draft.stance,
  keyFactorIds: draft.keyFactorIds,
  ...(draft.stakeholderCategory ? { stakeholderCategory: draft.stakeholderCategory } : {}),
});

/**
 * One item of my notebook. A waiting or refused item is changed here and (re)sent by the sync; a
 * synced one is edited on the server with its revision, and an edit made meanwhile by someone else
 * is shown next to mine, to keep one or the other.
 */
export function ItemCard({
  item,
  keyFactors,
  stakeholders,
  online,
  onChanged,
}: {
  item: NotebookItem;
  keyFactors: KeyFactorOption[];
  stakeholders?: QuotableStakeholder[];
  online: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'retract'>('view');
  const [conflict, setConflict] = useState<{ theirs: EvidenceFieldsFragment; mine: EvidenceDraft } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [, edit] = useMutation(EditEvidenceMutation);
  const [, retract] = useMutation(RetractEvidenceMutation);
  const codes = item.keyFactorIds.map((id) => keyFactors.find((k) => k.id === id)?.code ?? t('log.outOfScope'));
  // The server names key factors by id: show the codes a peer knows.
  const readable = (message: string) => message.replace(UUID, (id) => keyFactors.find((k) => k.id === id)?.code ?? id.slice(0, 8));

  async function saveLocal(draft: EvidenceDraft) {
    // Not on the server yet (or refused): change it here and send it again.
    await db.items.update(item.id, {
      ...patchOf(draft),
      quote: draft.quote.trim() || null,
      quotedStakeholderId: draft.quotedStakeholderId || null,
      paraphrase: draft.paraphrase.trim() || null,
      stakeholderCategory: draft.stakeholderCategory || null,
      source: draft.source,
      state: 'waiting',
      refusal: null,
    });
    setMode('view');
    onChanged();
  }

  async function saveOnServer(draft: EvidenceDraft, expectedRevision: number | undefined) {
    setFailure(null);
    const { data, error } = await edit({ evidenceId: item.id, expectedRevision, patch: patchOf(draft) });
    if (data) {
      await db.items.put(fromServer(data.editEvidence, item));
      setConflict(null);
      setMode('view');
      return;
    }
    const problem = apiError(error);
    if (problem?.code === 'CONFLICT') {
      // Someone saved a newer revision: fetch it and let me choose.
      const latest = await client
        .query(ReviewEvidenceQuery, { reviewId: item.reviewId, loggedById: item.loggedById, first: 100 }, { requestPolicy: 'network-only' })
        .toPromise();
      const theirs = latest.data?.reviewEvidence.nodes.find((e) => e.id === item.id);
      if (theirs) return setConflict({ theirs, mine: draft });
    }
    setFailure(problem?.message ?? t('common.offlineTryLater'));
  }

  async function keepTheirs() {
    if (!conflict) return;
    await db.items.put(fromServer(conflict.theirs, item));
    setConflict(null);
    setMode('view');
  }

  async function submitRetraction() {
    setFailure(null);
    const { data, error } = await retract({ evidenceId: item.id, reason });
    if (data) {
      await db.items.put(fromServer(data.retractEvidence, item));
      setMode('view');
    } else setFailure(apiError(error)?.message ?? t('common.offlineTryLater'));
  }

  return (
    <li className={`item item-${item.state} ${item.retractedAt ? 'item-retracted' : ''}`} data-item-id={item.id} data-state={item.state}>
      <div className="item-head">
        <span className={`badge badge-${item.retractedAt ? 'retracted' : item.state}`}>
          <FormattedMessage id={item.retractedAt ? 'item.retracted' : (`item.${item.state}` as MessageId)} />
        </span>
        <span className={`stance stance-${item.stance}`}>
          <FormattedMessage id={`stance.${item.stance}` as MessageId} />
        </span>
        <span className="muted">{codes.join(', ')}</span>
        {item.revision && item.revision > 1 && (
          <span className="muted">
            <FormattedMessage id="item.revision" values={{ revision: item.revision }} />
          </span>
        )}
      </div>
      {mode !== 'edit' && (
        <>
          <p className="item-statement">{item.statement}</p>
          {item.quote && <blockquote>{item.quote}</blockquote>}
          {item.paraphrase && <p className="item-paraphrase muted">{item.paraphrase}</p>}
          {item.needsParaphrase && (
            <p className="needs-paraphrase" role="note">
              <FormattedMessage id="items.needsParaphrase" />
            </p>
          )}
          {item.retractionReason && (
            <p className="muted">
              <FormattedMessage id="item.retractedBecause" values={{ reason: item.retractionReason }} />
            </p>
          )}
          {item.state === 'refused' && item.refusal && (
            <div className="refusal" role="alert">
              {item.refusal.problems.length > 0 ? (
                <>
                  <p>
                    <FormattedMessage id="item.refusedFor" />
                  </p>
                  <ul>
                    {item.refusal.problems.map((p) => (
                      <li key={p.path}>
                        {FIELDS[p.path] ? t(FIELDS[p.path]) : p.path}: {readable(p.message)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>
                  <FormattedMessage id="item.refusedBecause" values={{ reason: readable(item.refusal.message) }} />
                </p>
              )}
            </div>
          )}
          {mode === 'view' && !item.retractedAt && (
            <div className="item-actions">
              <Button variant="link" onClick={() => setMode('edit')} disabled={item.state === 'synced' && !online}>
                <FormattedMessage id={item.state === 'refused' ? 'item.fix' : 'item.edit'} />
              </Button>
              {item.state === 'synced' && (
                <Button variant="link" onClick={() => setMode('retract')} disabled={!online}>
                  <FormattedMessage id="item.retract" />
                </Button>
              )}
            </div>
          )}
        </>
      )}
      {failure && <Alert kind="error">{failure}</Alert>}
      {mode === 'edit' && !conflict && (
        <EvidenceForm
          keyFactors={keyFactors}
          stakeholders={stakeholders}
          initial={draftOf(item)}
          submitLabel={item.state === 'synced' ? 'item.save' : 'item.saveAndSend'}
          keepAfterSubmit={false}
          onCancel={() => setMode('view')}
          onSubmit={(draft) => (item.state === 'synced' ? saveOnServer(draft, item.revision) : saveLocal(draft))}
        />
      )}
      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <FormattedMessage id="item.conflict" values={{ revision: conflict.theirs.revision }} />
          </p>
          <div className="conflict-versions">
            <div>
              <h3>
                <FormattedMessage id="item.theirs" />
              </h3>
              <p>{conflict.theirs.statement}</p>
              {conflict.theirs.quote && <blockquote>{conflict.theirs.quote}</blockquote>}
            </div>
            <div>
              <h3>
                <FormattedMessage id="item.mine" />
              </h3>
              <p>{conflict.mine.statement}</p>
              {conflict.mine.quote && <blockquote>{conflict.mine.quote}</blockquote>}
            </div>
          </div>
          <div className="form-actions">
            <Button onClick={() => saveOnServer(conflict.mine, conflict.theirs.revision)}>
              <FormattedMessage id="item.keepMine" />
            </Button>
            <Button variant="secondary" onClick={keepTheirs}>
              <FormattedMessage id="item.keepTheirs" />
            </Button>
          </div>
        </div>
      )}
      {mode === 'retract' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submitRetraction();
          }}
        >
          <TextField label={t('item.retractReason')} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              <FormattedMessage id="item.retract" />
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              <FormattedMessage id="common.cancel" />
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
