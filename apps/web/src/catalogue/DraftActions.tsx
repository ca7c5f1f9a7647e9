import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError } from '../graphql/errors';
import type { GoodPracticeStatus } from '../graphql/generated/graphql';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';
import { PublishPracticeMutation, ReturnPracticeMutation, SubmitPracticeMutation } from './operations-drafts';

/**
 * The way to publication on a practice that is not public yet: its author submits the draft; the
 * secretariat publishes it or sends it back with a reason. The API decides who may; a refusal shows here.
 */
export function DraftActions({ practice, onChanged }: { practice: { id: string; status: GoodPracticeStatus }; onChanged(): void }) {
  const { session } = useAuth();
  const t = useT();
  const [submitted, submit] = useMutation(SubmitPracticeMutation);
  const [published, publish] = useMutation(PublishPracticeMutation);
  const [returned, sendBack] = useMutation(ReturnPracticeMutation);
  const [reason, setReason] = useState('');
  if (!session || practice.status === 'PUBLISHED') return null;
  const problem = apiError(submitted.error ?? published.error ?? returned.error);
  const after = (result: { data?: unknown }) => {
    if (result.data) onChanged();
  };
  return (
    <section className="card draft-actions" aria-labelledby="draft-actions-heading">
      <h2 id="draft-actions-heading">
        <FormattedMessage id="catalogue.draftActions.title" />
      </h2>
      {problem && <Alert kind="error">{problem.message}</Alert>}
      {practice.status === 'DRAFT' && (
        <>
          <p className="muted">
            <FormattedMessage id="catalogue.draftActions.submitHint" />
          </p>
          <Button disabled={submitted.fetching} onClick={async () => after(await submit({ id: practice.id }))}>
            <FormattedMessage id="catalogue.draftActions.submit" />
          </Button>
        </>
      )}
      {practice.status === 'SUBMITTED' && (
        <>
          <p className="muted">
            <FormattedMessage id="catalogue.draftActions.waiting" />
          </p>
          {session.person.isAdmin && (
            <div className="form-actions">
              <Button disabled={published.fetching} onClick={async () => after(await publish({ id: practice.id }))}>
                <FormattedMessage id="catalogue.draftActions.publish" />
              </Button>
            </div>
          )}
          <TextField label={t('catalogue.draftActions.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button
            variant="secondary"
            disabled={returned.fetching}
            onClick={async () => after(await sendBack({ id: practice.id, reason: reason.trim() || null }))}
          >
            <FormattedMessage id="catalogue.draftActions.return" />
          </Button>
        </>
      )}
    </section>
  );
}
