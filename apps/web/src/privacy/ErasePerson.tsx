import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import type { ErasePersonMutation as Erased } from '../graphql/generated/graphql';
import { apiError, problemFor } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextArea } from '../ui/primitives';
import { ErasePersonMutation } from './operations';

export type ErasureResult = Erased['erasePerson'];

/**
 * Erasing a person, for the secretariat: what it does, why (required, kept in the erasure record), and
 * a confirmation. Cannot be undone; the API refuses an administrator with a sentence shown as it is.
 */
export function ErasePerson({
  person,
  onErased,
  onCancel,
}: {
  person: { id: string; fullName: string; email: string };
  onErased(result: ErasureResult): void;
  onCancel(): void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [result, erase] = useMutation(ErasePersonMutation);
  const problem = apiError(result.error);
  const confirm = async () => {
    const sent = await erase({ personId: person.id, reason });
    if (sent.data) onErased(sent.data.erasePerson);
  };
  return (
    <section className="card" aria-labelledby={`erase-${person.id}`} data-testid="erase-panel">
      <h2 id={`erase-${person.id}`}>{t('personalData.erase.title', { name: person.fullName })}</h2>
      <p>
        <FormattedMessage id="personalData.erase.what" values={{ name: person.fullName, email: person.email }} />
      </p>
      <TextArea
        label={t('personalData.erase.reason')}
        hint={t('personalData.erase.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problem && problemFor(problem.problems, 'reason') ? problem.message : undefined}
      />
      {problem && !problemFor(problem.problems, 'reason') && <Alert kind="error">{problem.message}</Alert>}
      <div className="item-actions-row">
        <Button variant="danger" disabled={result.fetching} onClick={() => void confirm()}>
          {t('personalData.erase.confirm', { name: person.fullName })}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </section>
  );
}

/** What an erasure did: the pseudonym, and the published report versions whose leaders were told. */
export function ErasureDone({ result }: { result: ErasureResult }) {
  const t = useT();
  return (
    <Alert kind="success">
      <span data-testid="erase-done">{t('personalData.erase.done', { pseudonym: result.pseudonym })}</span>
      {result.publishedReports.length > 0 && (
        <>
          {' '}
          {t('personalData.erase.reports')}
          <ul>
            {result.publishedReports.map((r) => (
              <li key={`${r.reviewId}-${r.version}`}>
                {t('personalData.erase.report', { review: r.reviewTitle, version: r.version, language: r.language })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
