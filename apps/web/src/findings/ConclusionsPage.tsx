import { FormattedMessage } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { ConclusionEditor } from './ConclusionEditor';
import { draftedKeyFactors } from './drafts';
import { FindingsQuery } from './operations';
import './findings.css';

/**
 * Conclusions, one per key factor in scope: the list says which are agreed, drafted, flagged by the
 * rigour check or waiting as an unsaved draft on this device; the chosen one opens in the editor.
 */
export function ConclusionsPage() {
  const { reviewId = '' } = useParams();
  const [params] = useSearchParams();
  const { person } = useAuth();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: FindingsQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });

  if (!data || !person) return <Loading error={error} />;
  const { review } = data;
  const drafted = draftedKeyFactors(person.id, reviewId);
  const chosen = review.keyFactorsInScope.find((k) => k.id === params.get('kf')) ?? review.keyFactorsInScope[0];
  const conclusionOf = (id: string) => data.reviewConclusions.find((c) => c.keyFactorId === id);
  const issuesOf = (id: string) => data.conclusionRigour.find((r) => r.conclusion.keyFactorId === id)?.issues ?? [];

  return (
    <section className="findings" aria-labelledby="conclusions-heading">
      <h2 id="conclusions-heading">
        <FormattedMessage id="findings.title" />
      </h2>
      <div className="findings-layout">
        <nav aria-label={t('findings.keyFactors')}>
          <ol className="conclusion-kfs kf-links">
            {review.keyFactorsInScope.map((k) => {
              const conclusion = conclusionOf(k.id);
              const issues = issuesOf(k.id);
              return (
                <li key={k.id}>
                  <Link to={`?kf=${k.id}`} aria-current={k.id === chosen?.id ? 'page' : undefined} data-testid={`kf-${k.code}`}>
                    <span className="kf-code">{k.code}</span> <span className="kf-heading">{k.heading}</span>
                    <span className="kf-tags">
                      <span className={`tag tag-${conclusion?.status ?? 'NONE'}`}>
                        {t(`findings.status.${conclusion?.status ?? 'NONE'}` as MessageId)}
                      </span>
                      {conclusion?.rating != null && (
                        <span className="tag">{t('findings.ratingShort', { rating: conclusion.rating })}</span>
                      )}
                      {drafted.has(k.id) && <span className="tag tag-unsaved">{t('findings.unsavedTag')}</span>}
                      {issues.length > 0 && <span className="tag tag-warning">{t('findings.rigourTag', { count: issues.length })}</span>}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </nav>
        {chosen && (
          <ConclusionEditor
            key={chosen.id}
            reviewId={reviewId}
            personId={person.id}
            keyFactor={chosen}
            conclusion={conclusionOf(chosen.id) ?? null}
            scale={review.benchmark.ratingScale}
            selfRating={review.selfAssessment.find((e) => e.keyFactorId === chosen.id)?.rating ?? null}
            isLeader={review.myRoles.includes('EXPERT_LEADER')}
            savedIssues={issuesOf(chosen.id)}
            onChanged={() => refetch({ requestPolicy: 'network-only' })}
          />
        )}
      </div>
    </section>
  );
}
