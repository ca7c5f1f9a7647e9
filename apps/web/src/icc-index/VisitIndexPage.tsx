import { FormEvent, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { apiError, problemFor } from '../graphql/errors';
import type { IccIndexVisitVerdict, VisitIndexFieldsFragment } from '../graphql/generated/graphql';
import { MessageId, useLanguage, useT } from '../i18n/i18n';
import { Alert, Button, Select, TextArea } from '../ui/primitives';
import { ConfirmIndexResultMutation, VisitIndexQuery } from './visit-operations';
import './icc-index.css';

const VERDICTS: IccIndexVisitVerdict[] = ['CONFIRMED', 'PARTLY_CONFIRMED', 'NOT_CONFIRMED'];

/**
 * The expert visit and the Index: the host city's latest published Intercultural Cities Index, per
 * indicator, beside the review; the team records whether the visit confirms each result.
 */
export function VisitIndexPage() {
  const { reviewId = '' } = useParams();
  const { language } = useLanguage();
  const [{ data, error }, refetch] = useQuery({ query: VisitIndexQuery, variables: { reviewId, language } });
  if (error) return <Alert kind="error">{error.graphQLErrors[0]?.message ?? error.message}</Alert>;
  if (!data) return null;
  return (
    <section className="index-page" aria-labelledby="visit-index-title">
      <h1 id="visit-index-title">
        <FormattedMessage id="iccIndex.visit.title" />
      </h1>
      {data.review.iccIndex ? (
        <VisitIndex
          reviewId={reviewId}
          language={language}
          index={data.review.iccIndex}
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : (
        <p data-testid="visit-index-none">
          <FormattedMessage id="iccIndex.visit.none" />
        </p>
      )}
    </section>
  );
}

function VisitIndex(props: { reviewId: string; language: string; index: VisitIndexFieldsFragment; onChanged(): void }) {
  const { index } = props;
  return (
    <>
      <p>
        <FormattedMessage
          id="iccIndex.visit.intro"
          values={{
            code: index.definitionCode,
            version: index.definitionVersion,
            date: <FormattedDate value={index.publishedAt} dateStyle="long" />,
          }}
        />
      </p>
      {index.confirmRefusal && <Alert kind="info">{index.confirmRefusal}</Alert>}
      <table className="index-table" data-testid="visit-index-table">
        <caption>
          <FormattedMessage
            id="iccIndex.visit.caption"
            values={{ overall: index.overall === null ? '—' : <FormattedNumber value={index.overall} maximumFractionDigits={1} /> }}
          />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="iccIndex.visit.indicator" />
            </th>
            <th scope="col">
              <FormattedMessage id="iccIndex.visit.score" />
            </th>
            <th scope="col">
              <FormattedMessage id="iccIndex.visit.confirmation" />
            </th>
          </tr>
        </thead>
        <tbody>
          {index.indicators.map((indicator) => (
            <tr key={indicator.code} data-indicator={indicator.code}>
              <th scope="row">
                {indicator.number}. {indicator.name}
              </th>
              <td>{indicator.score === null ? '—' : <FormattedNumber value={indicator.score} maximumFractionDigits={1} />}</td>
              <td className="index-visit-cell">
                <Confirmation
                  reviewId={props.reviewId}
                  language={props.language}
                  indicator={indicator}
                  canConfirm={index.canConfirm}
                  onChanged={props.onChanged}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Confirmation({
  reviewId,
  language,
  indicator,
  canConfirm,
  onChanged,
}: {
  reviewId: string;
  language: string;
  indicator: VisitIndexFieldsFragment['indicators'][number];
  canConfirm: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const current = indicator.confirmation;
  const [verdict, setVerdict] = useState<IccIndexVisitVerdict | ''>(current?.verdict ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [result, confirm] = useMutation(ConfirmIndexResultMutation);
  const error = apiError(result.error);
  const recorded = current && (
    <p className="muted" data-testid={`visit-confirmation-${indicator.code}`}>
      <strong>{t(`iccIndex.visit.verdict.${current.verdict}` as MessageId)}</strong>
      {current.note && <> — {current.note}</>}
      <br />
      <FormattedMessage
        id="iccIndex.visit.recorded"
        values={{ name: current.recordedByName, date: <FormattedDate value={current.recordedAt} dateStyle="medium" timeStyle="short" /> }}
      />
    </p>
  );
  if (!canConfirm) return recorded || <span className="muted">—</span>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return;
    const r = await confirm({
      reviewId,
      indicatorCode: indicator.code,
      verdict,
      note,
      expectedVersion: current?.version ?? null,
      language,
    });
    if (!r.error) onChanged();
  };
  return (
    <form onSubmit={submit} className="index-visit-confirm">
      {recorded}
      <Select
        label={t('iccIndex.visit.verdictLabel', { indicator: indicator.name })}
        value={verdict}
        onChange={(e) => setVerdict(e.target.value as IccIndexVisitVerdict)}
        error={problemFor(error?.problems ?? [], 'verdict')}
      >
        <option value="">{t('iccIndex.visit.choose')}</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {t(`iccIndex.visit.verdict.${v}` as MessageId)}
          </option>
        ))}
      </Select>
      <TextArea
        label={t('iccIndex.visit.note', { indicator: indicator.name })}
        hint={t('iccIndex.visit.noteHint')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={problemFor(error?.problems ?? [], 'note')}
      />
      {error && !error.problems.length && <Alert kind="error">{error.message}</Alert>}
      <Button type="submit" variant="secondary" disabled={result.fetching || !verdict}>
        <FormattedMessage id="iccIndex.visit.save" />
      </Button>
    </form>
  );
}
