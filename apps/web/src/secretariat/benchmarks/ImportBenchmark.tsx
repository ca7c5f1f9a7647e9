import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { apiError, Problem } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button, TextField } from '../../ui/primitives';
import { ImportBenchmarkMutation } from '../operations-network';
import { readJsonFile } from './save-json';

type Outcome = { code: string; version: number; status: string; outcome: string };

/**
 * Imports a benchmark from a JSON file (the form the export gives). By default as the next version
 * of its code, whatever version the file names, and as a draft to look at before publishing. When
 * the API refuses it, every problem it found is listed with where it is in the file.
 */
export function ImportBenchmark({ onImported }: { onImported(b: Outcome): void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [asNext, setAsNext] = useState(true);
  const [publish, setPublish] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [{ fetching }, importBenchmark] = useMutation(ImportBenchmarkMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    setDone(null);
    if (!file) {
      setRefusal({ message: t('secretariat.benchmarks.import.noFile'), problems: [] });
      return;
    }
    const read = await readJsonFile(file);
    if ('invalid' in read) {
      setRefusal({ message: t('secretariat.benchmarks.import.notJson', { reason: read.invalid }), problems: [] });
      return;
    }
    let document = read.value;
    if (asNext && document && typeof document === 'object' && !Array.isArray(document)) {
      const { version: _ignored, ...rest } = document as Record<string, unknown>;
      document = rest;
    }
    const result = await importBenchmark({ document, publish });
    const problem = apiError(result.error);
    if (problem) setRefusal(problem);
    else if (result.error) setRefusal({ message: t('common.loadFailed'), problems: [] });
    else if (result.data) {
      const { benchmark, outcome } = result.data.importBenchmark;
      const imported = { code: benchmark.code, version: benchmark.version, status: benchmark.status, outcome };
      setDone(imported);
      onImported(imported);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="import-heading" data-testid="benchmark-import">
      <h2 id="import-heading">
        <FormattedMessage id="secretariat.benchmarks.import.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="secretariat.benchmarks.import.hint" />
      </p>
      <p className="muted">
        <FormattedMessage id="secretariat.benchmarks.import.translationHint" />
      </p>
      {refusal && (
        <div data-testid="import-problems">
          <Alert kind="error">
            {/* The API's sentence repeats every problem; listed one a line, a count says it better. */}
            <p>
              {refusal.problems.length ? t('secretariat.benchmarks.import.problems', { count: refusal.problems.length }) : refusal.message}
            </p>
            {refusal.problems.length > 0 && (
              <ul className="problem-list">
                {refusal.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path || t('secretariat.benchmarks.import.wholeFile')}</code>: {p.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {done && (
        <Alert kind="success">
          {t(
            done.outcome === 'unchanged'
              ? 'secretariat.benchmarks.import.unchanged'
              : done.outcome === 'translated'
                ? 'secretariat.benchmarks.import.translated'
                : done.status === 'PUBLISHED'
                  ? 'secretariat.benchmarks.import.published'
                  : 'secretariat.benchmarks.import.draft',
            { code: done.code, version: done.version },
          )}
        </Alert>
      )}
      <TextField
        label={t('secretariat.benchmarks.import.file')}
        type="file"
        accept=".json,application/json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <label className="check-field">
        <input type="checkbox" checked={asNext} onChange={(e) => setAsNext(e.target.checked)} />
        <FormattedMessage id="secretariat.benchmarks.import.asNext" />
      </label>
      <label className="check-field">
        <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
        <FormattedMessage id="secretariat.benchmarks.import.publish" />
      </label>
      <div className="form-actions">
        <Button type="submit" disabled={fetching}>
          <FormattedMessage id="secretariat.benchmarks.import.submit" />
        </Button>
      </div>
    </form>
  );
}
