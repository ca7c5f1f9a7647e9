import { DragEvent, FormEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { problemFor, Problem } from '../../graphql/errors';
import { MessageId, useT } from '../../i18n/i18n';
import { Alert, Button, Select, TextField } from '../../ui/primitives';
import { sizeLabel, titleFromFileName, uploadDocument } from './upload';

export const DOCUMENT_TYPES = ['STRATEGY', 'ANNUAL_REPORT', 'MONITORING_DATA', 'MINUTES', 'BRIEFING', 'PRESS_RELEASE', 'OTHER'] as const;
const ACCEPT = 'application/pdf,image/*';

interface KeyFactor {
  id: string;
  code: string;
  heading: string;
}

/**
 * Adding a document: dropped on the page, chosen from the computer, or photographed with a phone's
 * camera (a printed page); with its type and the key factors it speaks to. With `replaces`, the upload
 * is a new version of that document, which is retracted and kept in its history.
 */
export function UploadForm({
  reviewId,
  keyFactors,
  initialKeyFactorIds,
  replaces,
  added,
  onCancelReplace,
  onUploaded,
}: {
  reviewId: string;
  keyFactors: KeyFactor[];
  initialKeyFactorIds: string[];
  replaces: { id: string; title: string; type: string; keyFactorIds: string[] } | null;
  /** The title of the document just added (the form starts afresh after an upload, so the page keeps it). */
  added: string | null;
  onCancelReplace(): void;
  onUploaded(document: { id: string; title: string; sha256: string | null }): void;
}) {
  const t = useT();
  const intl = useIntl();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState(replaces?.title ?? '');
  const [type, setType] = useState<string>(replaces?.type ?? '');
  const [chosen, setChosen] = useState<string[]>(replaces?.keyFactorIds ?? initialKeyFactorIds);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; problems: Problem[] } | null>(null);
  const titleTouched = useRef(!!replaces);
  const pickRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);

  const take = (f: File | undefined | null) => {
    if (!f) return;
    setFile(f);
    setFailure(null);
    if (!titleTouched.current) setTitle(titleFromFileName(f.name));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files[0]);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFailure({ message: t('host.docs.chooseFirst'), problems: [] });
      return;
    }
    setBusy(true);
    const outcome = await uploadDocument(reviewId, file, { title, type, keyFactorIds: chosen, replacesDocumentId: replaces?.id });
    setBusy(false);
    if (outcome.ok) {
      setFile(null);
      setTitle('');
      titleTouched.current = false;
      setType('');
      setFailure(null);
      if (pickRef.current) pickRef.current.value = '';
      if (cameraRef.current) cameraRef.current.value = '';
      onUploaded(outcome.document);
    } else setFailure({ message: outcome.message || t('common.offlineTryLater'), problems: outcome.problems });
  };
  const problems = failure?.problems ?? [];
  const keyFactorProblem = problems.find((p) => p.path.startsWith('keyFactorIds'))?.message;

  return (
    <section className="card upload" aria-labelledby="upload-heading" id="upload">
      <h2 id="upload-heading">
        {replaces ? (
          <FormattedMessage id="host.docs.replaceTitle" values={{ title: replaces.title }} />
        ) : (
          <FormattedMessage id="host.docs.addTitle" />
        )}
      </h2>
      {replaces && (
        <Alert kind="info">
          <FormattedMessage id="host.docs.replaceIntro" values={{ title: replaces.title }} />{' '}
          <Button variant="link" onClick={onCancelReplace}>
            <FormattedMessage id="host.docs.replaceCancel" />
          </Button>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <div
          className={`drop-zone ${dragging ? 'dragging' : ''} ${file ? 'has-file' : ''}`}
          data-testid="drop-zone"
          onDragEnter={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragOver={(e) => e.preventDefault()}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {file ? (
            <p className="chosen-file" data-testid="chosen-file">
              <FormattedMessage id="host.docs.chosen" values={{ name: file.name, size: sizeLabel(file.size, intl.locale) }} />
            </p>
          ) : (
            <p>
              <FormattedMessage id="host.docs.dropHere" />
            </p>
          )}
          <div className="drop-actions">
            <label className="btn btn-secondary file-button">
              <FormattedMessage id="host.docs.chooseFile" />
              <input ref={pickRef} type="file" accept={ACCEPT} className="visually-hidden" onChange={(e) => take(e.target.files?.[0])} />
            </label>
            <label className="btn btn-secondary file-button">
              <FormattedMessage id="host.docs.takePhoto" />
              <input
                ref={cameraRef}
                type="file"
                accept="image/*"
                capture="environment"
                className="visually-hidden"
                onChange={(e) => take(e.target.files?.[0])}
              />
            </label>
          </div>
          <p className="hint">
            <FormattedMessage id="host.docs.accepted" />
          </p>
          {problemFor(problems, 'file') && <p className="field-error">{problemFor(problems, 'file')}</p>}
        </div>

        <TextField
          label={t('host.docs.title')}
          value={title}
          onChange={(e) => {
            titleTouched.current = true;
            setTitle(e.target.value);
          }}
          error={problemFor(problems, 'title')}
          maxLength={300}
        />
        <Select label={t('host.docs.type')} value={type} onChange={(e) => setType(e.target.value)} error={problemFor(problems, 'type')}>
          <option value="">{t('host.docs.chooseType')}</option>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`host.docs.type.${d}` as MessageId)}
            </option>
          ))}
        </Select>
        <fieldset className="kf-choice">
          <legend>
            <FormattedMessage id="host.docs.keyFactors" />
          </legend>
          <ul>
            {keyFactors.map((k) => (
              <li key={k.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(k.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, k.id] : chosen.filter((id) => id !== k.id))}
                  />
                  <span className="kf-code">{k.code}</span> {k.heading}
                </label>
              </li>
            ))}
          </ul>
          {keyFactorProblem && <p className="field-error">{keyFactorProblem}</p>}
        </fieldset>
        {problemFor(problems, 'replacesDocumentId') && <Alert kind="error">{problemFor(problems, 'replacesDocumentId')}</Alert>}
        {failure && <Alert kind="error">{failure.message}</Alert>}
        {added && !file && (
          <Alert kind="success">
            <FormattedMessage id="host.docs.uploaded" values={{ title: added }} />
          </Alert>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            <FormattedMessage id={busy ? 'host.docs.uploading' : replaces ? 'host.docs.uploadVersion' : 'host.docs.upload'} />
          </button>
        </div>
      </form>
    </section>
  );
}
