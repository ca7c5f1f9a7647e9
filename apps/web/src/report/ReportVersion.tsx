import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { authenticatedFetch } from '../graphql/client';
import { apiError } from '../graphql/errors';
import type { ReportFieldsFragment } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';
import { PublishReportMutation, ReportNameCheckQuery } from './operations';

const FORMATS = ['pdf', 'docx', 'html'] as const;

const fileNameOf = (response: Response, fallback: string) => {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
};

/** Downloads need the access token, so they go through fetch and a blob rather than a plain link. */
async function download(reportId: string, format: string) {
  const response = await authenticatedFetch(`/reports/${reportId}/${format}`);
  if (!response.ok) throw new Error(String(response.status));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response, `report.${format}`);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The report's HTML in the page: a sandboxed frame (no scripts, no same-origin access). */
function HtmlPreview({ reportId }: { reportId: string }) {
  const t = useT();
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    authenticatedFetch(`/reports/${reportId}/html`)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => !cancelled && setHtml(text))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [reportId]);
  if (failed) return <Alert kind="error">{t('common.loadFailed')}</Alert>;
  if (html === null) return <p role="status">{t('common.loading')}</p>;
  return <iframe className="report-frame" title={t('report.previewTitle')} sandbox="" srcDoc={html} data-testid="report-preview" />;
}

/** Every place a name was withheld, or may still stand, in this version: what to check before publishing. */
function NameCheck({ reportId }: { reportId: string }) {
  const t = useT();
  const [{ data, error }] = useQuery({ query: ReportNameCheckQuery, variables: { reportId }, requestPolicy: 'network-only' });
  if (error && !data) return <Alert kind="error">{apiError(error)?.message ?? t('common.loadFailed')}</Alert>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const { places, upToDate } = data.reportNameCheck;
  const standing = places.filter((p) => p.status === 'STANDING').length;
  return (
    <section aria-labelledby="name-check-heading" data-testid="name-check">
      <h4 id="name-check-heading">
        <FormattedMessage id="report.names.title" />
      </h4>
      <p data-testid="name-check-summary">
        <FormattedMessage id="report.names.summary" values={{ withheld: places.length - standing, standing }} />
      </p>
      {!upToDate && (
        <Alert kind="info">
          <FormattedMessage id="report.names.outdated" />
        </Alert>
      )}
      {places.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('report.names.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.names.where')}</th>
                <th scope="col">{t('report.names.name')}</th>
                <th scope="col">{t('report.names.status')}</th>
                <th scope="col">{t('report.names.excerpt')}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((p, i) => (
                <tr key={`${p.field}-${i}`} className={p.status === 'STANDING' ? 'row-warning' : undefined}>
                  <td>{p.where}</td>
                  <td>
                    {p.name}
                    {p.found !== p.name && <span className="muted"> ({p.found})</span>}
                  </td>
                  <td>
                    {t(`report.names.status.${p.status}` as MessageId)}
                    <span className="muted"> · {t(`report.names.reason.${p.reason}` as MessageId)}</span>
                  </td>
                  <td>{p.excerpt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One report version: its status, and once READY the preview, the downloads, the name check and publishing. */
export function ReportVersion({ report, isLeader, onPublished }: { report: ReportFieldsFragment; isLeader: boolean; onPublished(): void }) {
  const t = useT();
  const [publishResult, publish] = useMutation(PublishReportMutation);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const ready = report.status === 'READY';
  return (
    <article className="card report-version" aria-labelledby={`report-${report.id}`} data-testid="report-version">
      <h3 id={`report-${report.id}`}>
        <FormattedMessage id="report.version" values={{ version: report.version }} />{' '}
        <span className={`tag tag-report-${report.status}`} data-testid="report-status" role="status">
          {t(`report.status.${report.status}` as MessageId)}
        </span>
        {report.published && <span className="tag tag-AGREED">{t('report.published')}</span>}
      </h3>
      {report.status === 'FAILED' && <Alert kind="error">{report.failureReason ?? t('report.failed')}</Alert>}
      {ready && (
        <>
          <div className="form-actions">
            {FORMATS.filter((f) => report.formats.includes(f)).map((f) => (
              <Button
                key={f}
                variant="secondary"
                onClick={() => {
                  setDownloadFailed(false);
                  download(report.id, f).catch(() => setDownloadFailed(true));
                }}
              >
                {t(`report.download.${f}` as MessageId)}
              </Button>
            ))}
          </div>
          {downloadFailed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
          <HtmlPreview reportId={report.id} />
          {!report.published && isLeader && (
            <>
              <NameCheck reportId={report.id} />
              <Button
                disabled={publishResult.fetching}
                onClick={async () => {
                  const result = await publish({ reportId: report.id });
                  if (result.data) onPublished();
                }}
              >
                <FormattedMessage id="report.publish" />
              </Button>
              {publishResult.error && <Alert kind="error">{apiError(publishResult.error)?.message ?? t('common.offlineTryLater')}</Alert>}
            </>
          )}
        </>
      )}
    </article>
  );
}
