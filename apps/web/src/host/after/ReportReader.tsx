import { FormattedMessage, useIntl } from 'react-intl';
import type { HostFindingsQuery } from '../../graphql/generated/graphql';
import { useT } from '../../i18n/i18n';
import { dateLocale } from '../../leader/zoned';
import { ReportDownloads, ReportFrame } from '../../report/ReportFiles';

type Report = HostFindingsQuery['reviewReports'][number];

/**
 * The published report (the API gives the host city published versions only), read in the page and
 * downloaded in each format; before publication, what to expect.
 */
export function ReportReader({ reports, city }: { reports: Report[]; city: string }) {
  const t = useT();
  const intl = useIntl();
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
          <ReportDownloads reportId={latest.id} formats={latest.formats} />
          <ReportFrame reportId={latest.id} title={t('hostAfter.report.frameTitle', { city })} testId="published-report" />
        </>
      )}
    </section>
  );
}
