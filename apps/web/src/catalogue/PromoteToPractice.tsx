import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button, Select } from '../ui/primitives';
import { fieldLabel } from './labels';
import { FieldsOfActionQuery, PromoteEvidenceMutation, PromoteRecommendationMutation } from './operations-drafts';

/**
 * "Draft a good practice…" on an evidence item or a recommendation of a review: the API fills in the
 * city, country, title and purpose from it; the person picks the ICC field of action, and the draft
 * (theirs, private until the secretariat publishes it) opens in the catalogue.
 */
export function PromoteToPractice({ from }: { from: { evidenceId: string } | { recommendationId: string } }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [field, setField] = useState('');
  const [missing, setMissing] = useState(false);
  const [{ data }] = useQuery({ query: FieldsOfActionQuery, pause: !open });
  const [evidenceResult, promoteEvidence] = useMutation(PromoteEvidenceMutation);
  const [recommendationResult, promoteRecommendation] = useMutation(PromoteRecommendationMutation);
  const [draft, setDraft] = useState<{ id: string; title: string } | null>(null);
  const result = 'evidenceId' in from ? evidenceResult : recommendationResult;
  const problem = apiError(result.error);

  if (draft)
    return (
      <p className="promoted" role="status">
        <FormattedMessage id="catalogue.promote.done" />{' '}
        <Link to={`/practices/${draft.id}`}>{t('catalogue.promote.open', { title: draft.title })}</Link>
      </p>
    );
  if (!open)
    return (
      <Button variant="link" onClick={() => setOpen(true)}>
        <FormattedMessage id="catalogue.promote.button" />
      </Button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!field);
    if (!field) return;
    if ('evidenceId' in from) {
      const done = await promoteEvidence({ evidenceId: from.evidenceId, field });
      if (done.data) setDraft(done.data.promoteEvidenceToGoodPractice);
    } else {
      const done = await promoteRecommendation({ recommendationId: from.recommendationId, field });
      if (done.data) setDraft(done.data.promoteRecommendationToGoodPractice);
    }
  };
  return (
    <form className="promote-form" onSubmit={(e) => void submit(e)} aria-label={t('catalogue.promote.form')}>
      {problem && <Alert kind="error">{problem.message}</Alert>}
      <Select
        label={t('catalogue.promote.field')}
        value={field}
        error={missing ? t('catalogue.promote.fieldMissing') : undefined}
        onChange={(e) => setField(e.target.value)}
      >
        <option value="">{t('catalogue.promote.chooseField')}</option>
        {data?.fieldsOfAction.map((f) => [
          <option key={f.id} value={f.code}>
            {fieldLabel(f)}
          </option>,
          ...f.subFields.map((s) => (
            <option key={s.id} value={s.code}>
              {`  ${fieldLabel(s)}`}
            </option>
          )),
        ])}
      </Select>
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id="catalogue.promote.create" />
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </form>
  );
}
