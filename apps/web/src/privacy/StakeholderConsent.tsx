import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CombinedError, useMutation, useQuery } from 'urql';
import { apiError, problemFor } from '../graphql/errors';
import type { ConsentKind, ConsentMethod, StakeholderCategory } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, Select, TextArea } from '../ui/primitives';
import { ConsentHistoryQuery, RecordConsentMutation, WithdrawConsentMutation } from './operations-consent';
import './privacy.css';

const KINDS: ConsentKind[] = ['NAMED', 'QUOTED', 'CONTACTED'];
/** How consent is obtained today ("not recorded" only describes records carried over from the former yes/no field). */
const METHODS: ConsentMethod[] = ['IN_PERSON', 'IN_WRITING', 'EMAIL'];

export interface ConsentStakeholder {
  id: string;
  name?: string | null;
  position?: string | null;
  category: StakeholderCategory;
  consentToBeNamed: boolean;
  consentToBeQuoted: boolean;
  consentToBeContacted: boolean;
}

const CURRENT: Record<ConsentKind, (s: ConsentStakeholder) => boolean> = {
  NAMED: (s) => s.consentToBeNamed,
  QUOTED: (s) => s.consentToBeQuoted,
  CONTACTED: (s) => s.consentToBeContacted,
};

/** "Amira Haddad, youth worker" or, without either, the category. */
export function useStakeholderLabel() {
  const t = useT();
  return (s: { name?: string | null; position?: string | null; category: StakeholderCategory }) =>
    [s.name, s.position].filter(Boolean).join(', ') || t(`category.${s.category}` as MessageId);
}

/**
 * A "Consent" button beside a stakeholder that opens their consent: the current state per kind, the
 * history, recording and withdrawing. `reviewId` is the review they are managed in (null for the
 * secretariat); `onChanged` reloads whatever shows the stakeholder's current state.
 */
export function StakeholderConsentToggle({
  reviewId,
  stakeholder,
  onChanged,
}: {
  reviewId: string | null;
  stakeholder: ConsentStakeholder;
  onChanged(): void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <StakeholderConsentButton stakeholder={stakeholder} open={open} onClick={() => setOpen(!open)} />
      {open && (
        <StakeholderConsentPanel reviewId={reviewId} stakeholder={stakeholder} onChanged={onChanged} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

/** The button that opens (or closes) a stakeholder's consent, for a page that puts the panel elsewhere (a table's next row). */
export function StakeholderConsentButton({
  stakeholder,
  open,
  onClick,
}: {
  stakeholder: ConsentStakeholder;
  open: boolean;
  onClick(): void;
}) {
  const label = useStakeholderLabel();
  return (
    <Button variant="link" aria-expanded={open} onClick={onClick}>
      <FormattedMessage id="consent.open" />
      <span className="visually-hidden"> {label(stakeholder)}</span>
    </Button>
  );
}

/** One stakeholder's consent: what holds now, a form to record a consent, withdrawal with a confirmation, and every record. */
export function StakeholderConsentPanel({
  reviewId,
  stakeholder,
  onChanged,
  onClose,
}: {
  reviewId: string | null;
  stakeholder: ConsentStakeholder;
  onChanged(): void;
  onClose(): void;
}) {
  const t = useT();
  const who = useStakeholderLabel()(stakeholder);
  const variables = { stakeholderId: stakeholder.id, reviewId };
  const [history, refetch] = useQuery({ query: ConsentHistoryQuery, variables, requestPolicy: 'cache-and-network' });
  const [withdrawing, setWithdrawing] = useState<ConsentKind | null>(null);
  const [done, setDone] = useState<ConsentChange | null>(null);
  const changed = (what: ConsentChange) => {
    setDone(what);
    setWithdrawing(null);
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  const headingId = `consent-${stakeholder.id}`;
  return (
    <section className="consent-panel" aria-labelledby={headingId} data-testid="consent-panel">
      <div className="consent-panel-head">
        <h3 id={headingId}>{t('consent.title', { who })}</h3>
        <Button variant="link" onClick={onClose}>
          <FormattedMessage id="consent.close" />
        </Button>
      </div>
      {done && <ConsentDone done={done} />}
      <h4>{t('consent.current')}</h4>
      <ul className="consent-current" data-testid="consent-current">
        {KINDS.map((kind) => (
          <li key={kind} data-kind={kind}>
            <span>{t(`consent.kind.${kind}` as MessageId)}</span>
            <span className={`tag ${CURRENT[kind](stakeholder) ? 'consent-yes' : 'consent-no'}`}>
              {t(CURRENT[kind](stakeholder) ? 'consent.state.yes' : 'consent.state.no')}
            </span>
            {CURRENT[kind](stakeholder) && withdrawing !== kind && (
              <Button variant="link" onClick={() => setWithdrawing(kind)}>
                <FormattedMessage id="consent.withdraw" />
                <span className="visually-hidden"> {t(`consent.kind.${kind}` as MessageId)}</span>
              </Button>
            )}
            {withdrawing === kind && (
              <WithdrawConsent
                kind={kind}
                who={who}
                variables={variables}
                onDone={(reports) => changed({ kind, given: false, reports })}
                onCancel={() => setWithdrawing(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <RecordConsent variables={variables} onDone={(kind) => changed({ kind, given: true, reports: [] })} />
      <h4>{t('consent.history.title')}</h4>
      {history.error && !history.data && <Alert kind="error">{apiError(history.error)?.message ?? t('common.offlineTryLater')}</Alert>}
      {history.data && <ConsentHistory records={history.data.stakeholderConsentHistory} />}
    </section>
  );
}

interface PublishedReport {
  reviewId: string;
  reviewTitle: string;
  version: number;
  language: string;
}
interface ConsentChange {
  kind: ConsentKind;
  given: boolean;
  reports: PublishedReport[];
}

/** What was just recorded or withdrawn, and, for a withdrawal, the published versions whose leaders were told. */
function ConsentDone({ done }: { done: ConsentChange }) {
  const t = useT();
  const kind = t(`consent.kind.${done.kind}` as MessageId);
  return (
    <Alert kind="success">
      {t(done.given ? 'consent.record.done' : 'consent.withdraw.done', { kind })}
      {done.reports.length > 0 && (
        <>
          {' '}
          {t('consent.withdraw.reports')}
          <ul>
            {done.reports.map((r) => (
              <li key={`${r.reviewId}-${r.version}-${r.language}`}>
                {t('personalData.erase.report', { review: r.reviewTitle, version: r.version, language: r.language })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

type Variables = { stakeholderId: string; reviewId: string | null };

/** How it was obtained and an optional note: the fields recording and withdrawing share, with the API's problems at each. */
function HowFields({
  method,
  note,
  problems,
  methodLabel,
  onMethod,
  onNote,
}: {
  method: ConsentMethod;
  note: string;
  problems: { path: string; message: string }[];
  methodLabel: string;
  onMethod(method: ConsentMethod): void;
  onNote(note: string): void;
}) {
  const t = useT();
  return (
    <>
      <Select
        label={methodLabel}
        value={method}
        onChange={(e) => onMethod(e.target.value as ConsentMethod)}
        error={problemFor(problems, 'method')}
      >
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`consent.method.${m}` as MessageId)}
          </option>
        ))}
      </Select>
      <TextArea
        label={t('consent.note')}
        hint={t('consent.noteHint')}
        rows={2}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        error={problemFor(problems, 'note')}
      />
    </>
  );
}

/** What the API refused for no field of the consent forms (those are shown at their field), or the network's failure. */
function FormProblem({ error }: { error?: CombinedError }) {
  const t = useT();
  const problem = apiError(error);
  if (!error || problem?.problems.some((p) => ['kind', 'method', 'note'].includes(p.path))) return null;
  return <Alert kind="error">{problem?.message ?? t('common.offlineTryLater')}</Alert>;
}

function RecordConsent({ variables, onDone }: { variables: Variables; onDone(kind: ConsentKind): void }) {
  const t = useT();
  const [kind, setKind] = useState<ConsentKind>('NAMED');
  const [method, setMethod] = useState<ConsentMethod>('IN_PERSON');
  const [note, setNote] = useState('');
  const [result, record] = useMutation(RecordConsentMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await record({ ...variables, input: { kind, method, note: note.trim() || null } });
    if (sent.data) {
      setNote('');
      onDone(kind);
    }
  };
  return (
    <form className="consent-form" onSubmit={(e) => void submit(e)} aria-label={t('consent.record.title')}>
      <h4>{t('consent.record.title')}</h4>
      <Select
        label={t('consent.record.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as ConsentKind)}
        error={problemFor(problem?.problems ?? [], 'kind')}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`consent.kind.${k}` as MessageId)}
          </option>
        ))}
      </Select>
      <HowFields
        method={method}
        note={note}
        problems={problem?.problems ?? []}
        methodLabel={t('consent.record.method')}
        onMethod={setMethod}
        onNote={setNote}
      />
      <FormProblem error={result.error} />
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id="consent.record.submit" />
        </Button>
      </div>
    </form>
  );
}

/** The confirmation before a withdrawal: what it does, how the withdrawal was received, an optional note. */
function WithdrawConsent({
  kind,
  who,
  variables,
  onDone,
  onCancel,
}: {
  kind: ConsentKind;
  who: string;
  variables: Variables;
  onDone(reports: PublishedReport[]): void;
  onCancel(): void;
}) {
  const t = useT();
  const [method, setMethod] = useState<ConsentMethod>('IN_PERSON');
  const [note, setNote] = useState('');
  const [result, withdraw] = useMutation(WithdrawConsentMutation);
  const problem = apiError(result.error);
  const label = t(`consent.kind.${kind}` as MessageId);
  const confirm = async () => {
    const sent = await withdraw({ ...variables, input: { kind, method, note: note.trim() || null } });
    if (sent.data) onDone(sent.data.withdrawStakeholderConsent.publishedReports);
  };
  return (
    <div className="confirm-box consent-withdraw" role="group" aria-label={t('consent.withdraw.label', { kind: label })}>
      <p>{t('consent.withdraw.question', { who, kind: label })}</p>
      <HowFields
        method={method}
        note={note}
        problems={problem?.problems ?? []}
        methodLabel={t('consent.withdraw.method')}
        onMethod={setMethod}
        onNote={setNote}
      />
      <FormProblem error={result.error} />
      <div className="form-actions">
        <Button variant="danger" disabled={result.fetching} onClick={() => void confirm()}>
          <FormattedMessage id="consent.withdraw.confirm" />
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </div>
  );
}

type ConsentRecord = {
  id: string;
  kind: ConsentKind;
  given: boolean;
  method: ConsentMethod;
  note?: string | null;
  legacy: boolean;
  recordedAt: string;
  recordedBy?: { fullName: string } | null;
};

/** Every record, newest first: what, given or withdrawn, how, when, and who recorded it. */
function ConsentHistory({ records }: { records: ConsentRecord[] }) {
  const t = useT();
  const intl = useIntl();
  if (!records.length) return <p className="muted">{t('consent.history.none')}</p>;
  return (
    <ol className="consent-history" data-testid="consent-history">
      {[...records].reverse().map((r) => (
        <li key={r.id} data-testid="consent-record">
          <p>
            <strong>{t(`consent.kind.${r.kind}` as MessageId)}</strong>:{' '}
            <span className={`tag ${r.given ? 'consent-yes' : 'consent-no'}`}>
              {t(r.given ? 'consent.history.given' : 'consent.history.withdrawn')}
            </span>
            {' · '}
            {t(`consent.method.${r.method}` as MessageId)}
          </p>
          <p className="muted">
            <time dateTime={r.recordedAt}>{intl.formatDate(r.recordedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {' · '}
            {r.legacy
              ? t('consent.history.legacy')
              : t('consent.history.by', { name: r.recordedBy?.fullName ?? t('consent.history.nobody') })}
          </p>
          {r.note && <p className="consent-note">{r.note}</p>}
        </li>
      ))}
    </ol>
  );
}
