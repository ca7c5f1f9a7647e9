import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { authenticatedFetch } from '../../graphql/client';
import type { HostFindingsQuery } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';
import { downloadFile } from '../../leader/download';
import { dateLocale } from '../../leader/zoned';
import { Alert, Button } from '../../ui/primitives';

type Report = HostFindingsQuery['reviewReports'][number];

const FORMATS = ['pdf', 'docx', 'html'] as const;

/** The report's HTML in the page: a sandboxed frame (no scripts, no same-origin access), as the leader previews it. */
function ReportFrame({ reportId, title }: { reportId: string; title: string }) {
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
  return <iframe className="report-frame" title={title} sandbox="" srcDoc={html} data-testid="published-report" />;
}

/**
 * The published report (the API gives the host city published versions only), read in the page and
 * downloaded in each format; before publication, what to expect.
 */
export function ReportReader({ reports, city }: { reports: Report[]; city: string }) {
  const t = useT();
  const intl = useIntl();
  const [failed, setFailed] = useState(false);
  const latest = reports.find((r) => r.published && r.status === 'READY');
  return (
    <section className="card host-report" aria-labelledby="report-heading">
      <h2 id="report-heading">
        <FormattedMessage id="hostAfter.report.title" />
      </h2>
      {!latest ? (
        <p className="muted" data-testid="report-not-yet">
          <FormattedMessage id="hostAfter.report.notYet" values={{ city }} />
        </p>
      ) : (
        <>
          <p data-testid="report-published">
            <FormattedMessage
              id="hostAfter.report.published"
              values={{
                version: latest.version,
                date: latest.publishedAt
                  ? new Intl.DateTimeFormat(dateLocale(intl.locale), { dateStyle: 'long' }).format(new Date(latest.publishedAt))
                  : '—',
              }}
            />
          </p>
          <div className="form-actions">
            {FORMATS.filter((f) => latest.formats.includes(f)).map((f) => (
              <Button
                key={f}
                variant="secondary"
                onClick={() => {
                  setFailed(false);
                  downloadFile(`/reports/${latest.id}/${f}`, `report.${f}`).catch(() => setFailed(true));
                }}
              >
                {t(`report.download.${f}` as MessageId)}
              </Button>
            ))}
          </div>
          {failed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
          <ReportFrame reportId={latest.id} title={t('hostAfter.report.frameTitle', { city })} />
        </>
      )}
    </section>
  );
}
