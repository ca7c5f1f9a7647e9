import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { Loading } from '../leader/Loading';
import { MessageId, useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { HostPreviewQuery } from './operations';

/** The findings as the host city reads them: names withheld by the API's anonymiser, no evidence, no drafts. */
export function HostPreview({ reviewId, city }: { reviewId: string; city: string }) {
  const t = useT();
  const [{ data, error }] = useQuery({ query: HostPreviewQuery, variables: { reviewId }, requestPolicy: 'network-only' });
  if (!data) return <Loading error={error} />;
  const { conclusions, recommendations, visibleToHost } = data.hostPreview;
  return (
    <div className="host-preview" data-testid="host-preview" aria-label={t('report.hostViewOf', { city })} role="region">
      <Alert kind="info">
        <FormattedMessage id={visibleToHost ? 'report.hostSeesNow' : 'report.hostSeesLater'} values={{ city }} />
      </Alert>
      <h4>
        <FormattedMessage id="report.hostConclusions" />
      </h4>
      {conclusions.map((c) => (
        <article key={c.keyFactorId} className="host-conclusion">
          <h5>
            {c.keyFactorCode} {c.keyFactorHeading}
            {c.rating != null && <span className="tag">{t('findings.ratingShort', { rating: c.rating })}</span>}
            {c.status !== 'AGREED' && <span className="tag tag-warning">{t('findings.status.DRAFT')}</span>}
          </h5>
          <p>{c.summary}</p>
          {c.strengths && (
            <p>
              <strong>{t('findings.field.strengths')}:</strong> {c.strengths}
            </p>
          )}
          {c.areasToDevelop && (
            <p>
              <strong>{t('findings.field.areasToDevelop')}:</strong> {c.areasToDevelop}
            </p>
          )}
        </article>
      ))}
      <h4>
        <FormattedMessage id="report.hostRecommendations" />
      </h4>
      <ol>
        {recommendations.map((r) => (
          <li key={r.id}>
            {r.text} <span className="tag">{t(`findings.priority.${r.priority}` as MessageId)}</span>
            <span className="tag">{t(`findings.horizon.${r.horizon}` as MessageId)}</span>
            {r.keyFactorCodes.map((c) => (
              <span key={c} className="tag">
                {c}
              </span>
            ))}
            {r.suggestedOwner && <span className="muted"> · {r.suggestedOwner}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
