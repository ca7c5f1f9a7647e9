import { useState } from 'react';
import { downloadFile } from '../files/download';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';

type What = 'ratings' | 'recommendations' | 'evidence' | 'network';

/**
 * Download buttons for a spreadsheet export (XLSX and CSV) of the API's /exports routes, with the
 * signed-in person's token; the API decides who may have it. Evidence offers to anonymise it as the
 * report does.
 */
export function ExportButtons({ what, path, query = '' }: { what: What; path: string; query?: string }) {
  const t = useT();
  const [anonymise, setAnonymise] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const label = t(`exports.${what}` as MessageId);
  const download = async (format: 'xlsx' | 'csv') => {
    const params = new URLSearchParams(query);
    if (what === 'evidence' && anonymise) params.set('anonymise', 'true');
    const search = params.toString();
    setBusy(true);
    setFailed(false);
    try {
      await downloadFile(`${path}.${format}${search ? `?${search}` : ''}`, `${what}.${format}`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="export-buttons"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem', margin: '0.5rem 0' }}
      role="group"
      aria-label={t('exports.group', { what: label })}
      data-testid={`export-${what}`}
    >
      <span className="muted">{t('exports.download', { what: label })}</span>{' '}
      {what === 'evidence' && (
        <label className="export-anonymise">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} data-testid="export-anonymise" />{' '}
          {t('exports.anonymise')}
        </label>
      )}{' '}
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          variant="secondary"
          disabled={busy}
          aria-label={t('exports.as', { what: label, format: format.toUpperCase() })}
          data-testid={`export-${what}-${format}`}
          onClick={() => void download(format)}
        >
          {t(format === 'xlsx' ? 'exports.xlsx' : 'exports.csv')}
        </Button>
      ))}
      {failed && <Alert kind="error">{t('exports.failed')}</Alert>}
    </div>
  );
}
