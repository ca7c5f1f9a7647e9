import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useClient } from 'urql';
import { useAuth } from '../auth/auth-context';
import { ReviewEvidenceQuery } from '../graphql/operations';
import { useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { EvidenceDraft, EvidenceForm } from './EvidenceForm';
import { ItemCard } from './ItemCard';
import { sourceForSession, sourcesForSession } from './labels';
import { useLive } from './live';
import { db, NotebookItem, rememberFromServer } from './notebook-db';
import { defaultDay, Programme, ProgrammeSession } from './Programme';
import { useNotebookData } from './review-cache';
import { useSync } from './sync-context';

/** The peer's notebook during the visit: the day's programme, the logging form, and my items. */
export function NotebookPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const client = useClient();
  const { person } = useAuth();
  const personId = person?.id ?? '';
  const sync = useSync();
  const { data, fetching, error } = useNotebookData(reviewId);
  const [day, setDay] = useState<string | undefined>();
  // The session I log from survives a reload (mid-interview, maybe offline).
  const choiceKey = `peervisit.notebook-session.${reviewId}`;
  const [sessionId, setSessionId] = useState<string | null>(() => localStorage.getItem(choiceKey));
  const chooseSession = (chosen: ProgrammeSession | null) => {
    if (chosen) localStorage.setItem(choiceKey, chosen.id);
    else localStorage.removeItem(choiceKey);
    setSessionId(chosen?.id ?? null);
  };
  const items = useLive(
    () => db.items.where('[reviewId+loggedById]').equals([reviewId, personId]).reverse().sortBy('createdAt'),
    [reviewId, personId],
    [] as NotebookItem[],
  );

  // What the server has of mine (logged on another device, or before this browser's storage).
  useEffect(() => {
    if (!personId || !sync.online) return;
    void client
      .query(ReviewEvidenceQuery, { reviewId, loggedById: personId, first: 100 }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => result.data && rememberFromServer(result.data.reviewEvidence.nodes));
  }, [client, reviewId, personId, sync.online]);

  const days = data?.visitProgramme.days ?? [];
  const session = days.flatMap((d) => d.sessions).find((s) => s.id === sessionId) ?? null;
  const chosenDay = day ?? (data ? defaultDay(days, data.visitProgramme.timeZone) : undefined);
  const keyFactors = useMemo(
    () => (data?.review.keyFactorsInScope ?? []).map((k) => ({ id: k.id, code: k.code, heading: k.heading })),
    [data],
  );
  const sources = session ? sourcesForSession(session.kind) : (['OBSERVATION', 'DOCUMENT', 'SELF_ASSESSMENT'] as const).slice();
  const initial: EvidenceDraft = {
    statement: '',
    quote: '',
    quotedStakeholderId: '',
    paraphrase: '',
    stance: 'SUPPORTS',
    keyFactorIds: [],
    stakeholderCategory: '',
    source: (session && sourceForSession(session.kind)) ?? 'OBSERVATION',
  };

  async function log(draft: EvidenceDraft) {
    const item: NotebookItem = {
      id: crypto.randomUUID(),
      reviewId,
      loggedById: personId,
      statement: draft.statement.trim(),
      quote: draft.quote.trim() || null,
      quotedStakeholderId: draft.quotedStakeholderId || null,
      paraphrase: draft.paraphrase.trim() || null,
      stance: draft.stance,
      source: draft.source,
      sessionId: session?.id ?? null,
      stakeholderCategory: draft.stakeholderCategory || null,
      keyFactorIds: draft.keyFactorIds,
      observedAt: new Date().toISOString(),
      createdAt: Date.now(),
      state: 'waiting',
    };
    // IndexedDB first: the item is safe (and listed) before any network is tried.
    await db.items.add(item);
    sync.syncNow();
  }

  if (fetching)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  if (error || !data)
    return (
      <Alert kind="error">
        <FormattedMessage id="common.loadFailed" />
      </Alert>
    );
  const waiting = items.filter((i) => i.state === 'waiting').length;
  const refused = items.filter((i) => i.state === 'refused').length;
  return (
    <div className="notebook">
      <Programme days={days} day={chosenDay} onDay={setDay} personId={personId} chosen={session?.id ?? null} onChoose={chooseSession} />
      <section aria-labelledby="log-heading" className="log">
        <h2 id="log-heading">
          {session ? <FormattedMessage id="log.titleSession" values={{ session: session.title }} /> : <FormattedMessage id="log.title" />}
        </h2>
        <EvidenceForm
          key={session?.id ?? 'none'}
          keyFactors={keyFactors}
          suggestedKeyFactors={session?.keyFactorIds}
          sources={sources}
          stakeholders={data.review.stakeholders}
          initial={initial}
          submitLabel="log.submit"
          onSubmit={log}
        />
      </section>
      <section aria-labelledby="items-heading" className="items">
        <h2 id="items-heading">
          <FormattedMessage id="items.title" values={{ count: items.length }} />
        </h2>
        <p className="sync-summary" role="status" aria-live="polite">
          {waiting > 0 && <FormattedMessage id="items.waiting" values={{ count: waiting }} />}{' '}
          {refused > 0 && <FormattedMessage id="items.refused" values={{ count: refused }} />}
          {!waiting && !refused && items.length > 0 && <FormattedMessage id="items.allSynced" />}
        </p>
        {sync.needsSignIn && <Alert kind="error">{t('sync.needsSignIn')}</Alert>}
        <ol className="item-list">
          {items.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              keyFactors={keyFactors}
              stakeholders={data.review.stakeholders}
              online={sync.online}
              onChanged={sync.syncNow}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}
