import { useEffect, useState } from 'react';
import { downloadFile } from '../files/download';
import { authenticatedFetch } from '../graphql/client';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';

const FORMATS = ['pdf', 'docx', 'html'] as const;

/**
 * A button per format the report version has (downloads need the access token, so they go through
 * fetch and a blob rather than a plain link), and a note when a download failed.
 */
export function ReportDownloads({ reportId, formats }: { reportId: string; formats: readonly string[] }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <div className="form-actions">
        {FORMATS.filter((f) => formats.includes(f)).map((f) => (
          <Button
            key={f}
            variant="secondary"
            onClick={() => {
              setFailed(false);
              downloadFile(`/reports/${reportId}/${f}`, `report.${f}`).catch(() => setFailed(true));
            }}
          >
            {t(`report.download.${f}` as MessageId)}
          </Button>
        ))}
      </div>
      {failed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
    </>
  );
}

/** The report's HTML in the page: a sandboxed frame (no scripts, no same-origin access). */
export function ReportFrame({ reportId, title, testId }: { reportId: string; title: string; testId: string }) {
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
  return <iframe className="report-frame" title={title} sandbox="" srcDoc={html} data-testid={testId} />;
}
