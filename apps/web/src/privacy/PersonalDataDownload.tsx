import { useState } from 'react';
import { downloadFile } from '../files/download';
import { useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';

/**
 * Downloads everything PeerVisit holds about a person (their own, from the profile; anyone's, for the
 * secretariat) or a stakeholder, as one ZIP of JSON and uploaded files; the API decides who may.
 */
export function PersonalDataDownload({ path, fileName, label }: { path: string; fileName: string; label?: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await downloadFile(path, fileName);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" disabled={busy} onClick={() => void download()} data-testid="personal-data-download">
        {label ?? t('personalData.download')}
      </Button>
      {failed && <Alert kind="error">{t('personalData.failed')}</Alert>}
    </>
  );
}
