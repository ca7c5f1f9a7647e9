import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { apiError } from '../graphql/errors';
import type { ReportFieldsFragment } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';
import { PublishReportMutation, ReportNameCheckQuery } from './operations';
import { ReportDownloads, ReportFrame } from './ReportFiles';

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
          <ReportDownloads reportId={report.id} formats={report.formats} />
          <ReportFrame reportId={report.id} title={t('report.previewTitle')} testId="report-preview" />
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
