import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { HostDocumentFieldsFragment } from '../graphql/generated/graphql';
import { apiError } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { openFile } from '../files/download';
import { Loading } from '../leader/Loading';
import { Alert, Button, TextArea } from '../ui/primitives';
import { sizeLabel } from './documents/upload';
import { UploadForm } from './documents/UploadForm';
import { HostDocumentsQuery, HostRetractDocumentMutation } from './operations-self-assessment';
import '../leader/leader.css';
import './host.css';
import { when } from './self-assessment/when';

type Doc = HostDocumentFieldsFragment;

/** Documents can be added until the review is closed or cancelled. */
const CLOSED_STATUSES = ['CLOSED', 'CANCELLED'];

/**
 * The host city's documentary evidence: add a file (dropped, chosen, or photographed), see each one's
 * checksum and who added it when, open it, and (the coordinator) replace it with a new version or
 * retract it with a reason. Nothing is deleted: earlier versions and retracted documents stay listed.
 */
export function DocumentsPage() {
  const { reviewId = '' } = useParams();
  const [params] = useSearchParams();
  const [{ data, error }, refetch] = useQuery({ query: HostDocumentsQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [replacing, setReplacing] = useState<Doc | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  if (!data) return <Loading error={error} />;

  const review = data.review;
  const all = data.reviewDocuments;
  // The coordinator (and the team) may retract; replacing retracts the earlier version, so it is theirs too.
  const mayRetract = review.myRoles.some((r) => r === 'HOST_COORDINATOR' || r === 'EXPERT_LEADER');
  const canAdd = !CLOSED_STATUSES.includes(review.status);
  const byId = new Map(all.map((d) => [d.id, d]));
  const replacedIds = new Set(all.map((d) => d.replacesDocumentId).filter((id): id is string => !!id));
  const current = all.filter((d) => !d.retractedAt);
  // Retracted on their own (not replaced by a newer version): listed apart, with the reason.
  const retracted = all.filter((d) => d.retractedAt && !replacedIds.has(d.id));
  const historyOf = (d: Doc): Doc[] => {
    const earlier: Doc[] = [];
    for (let id = d.replacesDocumentId; id && byId.has(id) && earlier.length < 50; id = byId.get(id)!.replacesDocumentId)
      earlier.push(byId.get(id)!);
    return earlier;
  };
  const kf = params.get('kf');
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  return (
    <div className="leader-page host-page">
      <h1>
        <FormattedMessage id="host.docs.pageTitle" />
      </h1>
      <p className="lead">
        <FormattedMessage id="host.docs.lead" />
      </p>

      {canAdd ? (
        <UploadForm
          key={replacing?.id ?? 'new'}
          reviewId={reviewId}
          keyFactors={review.keyFactorsInScope}
          initialKeyFactorIds={kf && review.keyFactorsInScope.some((k) => k.id === kf) ? [kf] : []}
          replaces={replacing}
          added={added}
          onCancelReplace={() => setReplacing(null)}
          onUploaded={(d) => {
            setAdded(d.title);
            setReplacing(null);
            refresh();
          }}
        />
      ) : (
        <Alert kind="info">
          <FormattedMessage id="host.docs.closed" />
        </Alert>
      )}

      <section aria-labelledby="docs-heading" className="documents">
        <h2 id="docs-heading">
          <FormattedMessage id="host.docs.listTitle" values={{ count: current.length }} />
        </h2>
        {current.length === 0 && (
          <p className="muted">
            <FormattedMessage id="host.docs.none" />
          </p>
        )}
        <ul className="document-list">
          {current.map((d) => (
            <li key={d.id}>
              <DocumentCard
                document={d}
                keyFactors={review.keyFactorsInScope}
                history={historyOf(d)}
                mayRetract={mayRetract}
                onReplace={() => {
                  setAdded(null);
                  setReplacing(d);
                  document.getElementById('upload')?.scrollIntoView({ block: 'start' });
                }}
                onRetracted={refresh}
              />
            </li>
          ))}
        </ul>
      </section>

      {retracted.length > 0 && (
        <section aria-labelledby="retracted-heading" className="documents retracted">
          <h2 id="retracted-heading">
            <FormattedMessage id="host.docs.retractedTitle" />
          </h2>
          <ul className="document-list">
            {retracted.map((d) => (
              <li key={d.id}>
                <DocumentCard
                  document={d}
                  keyFactors={review.keyFactorsInScope}
                  history={historyOf(d)}
                  mayRetract={false}
                  onReplace={() => undefined}
                  onRetracted={refresh}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function DocumentCard({
  document: d,
  keyFactors,
  history,
  mayRetract,
  onReplace,
  onRetracted,
}: {
  document: Doc;
  keyFactors: { id: string; code: string; heading: string }[];
  history: Doc[];
  mayRetract: boolean;
  onReplace(): void;
  onRetracted(): void;
}) {
  const t = useT();
  const [retracting, setRetracting] = useState(false);
  const [reason, setReason] = useState('');
  const [result, retract] = useMutation(HostRetractDocumentMutation);
  const headingId = `doc-${d.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await retract({ documentId: d.id, reason });
    if (r.data) {
      setRetracting(false);
      onRetracted();
    }
  };
  const problem = apiError(result.error);
  return (
    <article className={`card document ${d.retractedAt ? 'is-retracted' : ''}`} aria-labelledby={headingId} data-testid="document">
      <h3 id={headingId}>{d.title}</h3>
      <DocumentFacts document={d} keyFactors={keyFactors} />
      {d.retractedAt && <RetractedNote document={d} />}
      <div className="form-actions">
        <OpenButton document={d} />
        {mayRetract && !d.retractedAt && (
          <>
            <Button variant="secondary" onClick={onReplace} aria-label={t('host.docs.replaceNamed', { title: d.title })}>
              <FormattedMessage id="host.docs.replace" />
            </Button>
            <Button
              variant="secondary"
              onClick={() => setRetracting(!retracting)}
              aria-label={t('host.docs.retractNamed', { title: d.title })}
            >
              <FormattedMessage id="host.docs.retract" />
            </Button>
          </>
        )}
      </div>
      {retracting && (
        <form onSubmit={submit} className="retract-form">
          <TextArea
            label={t('host.docs.retractReason')}
            hint={t('host.docs.retractHint')}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problem?.problems.find((p) => p.path === 'reason')?.message ?? problem?.message}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-danger" disabled={result.fetching}>
              <FormattedMessage id="host.docs.retractConfirm" />
            </button>
            <Button variant="secondary" onClick={() => setRetracting(false)}>
              <FormattedMessage id="common.cancel" />
            </Button>
          </div>
        </form>
      )}
      {history.length > 0 && (
        <details className="history" data-testid="history">
          <summary>
            <FormattedMessage id="host.docs.history" values={{ count: history.length }} />
          </summary>
          <ol>
            {history.map((h) => (
              <li key={h.id}>
                <p className="history-title">{h.title}</p>
                <DocumentFacts document={h} keyFactors={keyFactors} />
                <RetractedNote document={h} />
                <OpenButton document={h} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

function DocumentFacts({ document: d, keyFactors }: { document: Doc; keyFactors: { id: string; code: string }[] }) {
  const t = useT();
  const intl = useIntl();
  const codes = keyFactors.filter((k) => d.keyFactorIds.includes(k.id)).map((k) => k.code);
  return (
    <dl className="doc-facts">
      <div>
        <dt>{t('host.docs.type')}</dt>
        <dd>{t(`host.docs.type.${d.type}` as MessageId)}</dd>
      </div>
      <div>
        <dt>{t('host.docs.keyFactors')}</dt>
        <dd>{codes.length ? codes.join(', ') : t('host.docs.noKeyFactors')}</dd>
      </div>
      {d.fileName && (
        <div>
          <dt>{t('host.docs.file')}</dt>
          <dd>
            {d.fileName} · {sizeLabel(d.sizeBytes, intl.locale)}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('host.docs.added')}</dt>
        <dd>
          <FormattedMessage id="host.docs.addedBy" values={{ who: d.addedBy?.fullName ?? '—', when: when(d.addedAt, intl.locale) }} />
        </dd>
      </div>
      {d.sha256 && (
        <div>
          <dt>{t('host.docs.checksum')}</dt>
          <dd>
            <code className="checksum" data-testid="checksum">
              {d.sha256}
            </code>
          </dd>
        </div>
      )}
    </dl>
  );
}

function RetractedNote({ document: d }: { document: Doc }) {
  const intl = useIntl();
  if (!d.retractedAt) return null;
  return (
    <p className="retracted-note">
      <FormattedMessage
        id="host.docs.retractedOn"
        values={{ when: when(d.retractedAt, intl.locale, 'date'), reason: d.retractionReason ?? '' }}
      />
    </p>
  );
}

function OpenButton({ document: d }: { document: Doc }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (d.downloadPath) {
    return (
      <>
        <Button
          variant="secondary"
          aria-label={t('host.docs.openNamed', { title: d.title })}
          onClick={() => {
            setFailed(false);
            openFile(d.downloadPath!).catch(() => setFailed(true));
          }}
        >
          <FormattedMessage id="host.docs.open" />
        </Button>
        {failed && <span className="field-error">{t('common.loadFailed')}</span>}
      </>
    );
  }
  return d.url ? (
    <a className="btn btn-secondary" href={d.url} target="_blank" rel="noreferrer">
      <FormattedMessage id="host.docs.openLink" />
    </a>
  ) : null;
}
