import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useSubscription } from 'urql';
import { EvidenceBySourceChart } from '../charts/EvidenceBySource';
import type { EvidenceStance } from '../graphql/generated/graphql';
import { CoverageQuery, EvidenceChangedSubscription } from '../graphql/operations';
import { MessageId, useT } from '../i18n/i18n';
import { SourceLegend } from '../notebook/CoveragePage';
import { STANCES } from '../notebook/labels';
import { Loading } from './Loading';
import { EvidenceContributorsQuery } from './operations';
import './leader.css';

type Flag = 'noEvidence' | 'oneSource' | 'contradicting';

/**
 * The leader's coverage board: per key factor, its evidence by source type and by stance, who
 * contributed, and the rigour flags, redrawn live as the team logs.
 */
export function BoardPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  // The notebook's coverage query, and who contributed: both redrawn when anyone logs, edits or retracts.
  const [{ data, error }, refetch] = useQuery({ query: CoverageQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [contributors, refetchContributors] = useQuery({
    query: EvidenceContributorsQuery,
    variables: { reviewId },
    requestPolicy: 'cache-and-network',
  });
  const [live] = useSubscription({ query: EvidenceChangedSubscription, variables: { reviewId } });
  const changed = live.data?.evidenceChanged;
  useEffect(() => {
    if (!changed) return;
    refetch({ requestPolicy: 'network-only' });
    refetchContributors({ requestPolicy: 'network-only' });
  }, [changed, refetch, refetchContributors]);
  if (!data) return <Loading error={error} />;
  const rows = data.evidenceCoverage.keyFactors;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const flagged = (f: Flag) => rows.filter((r) => flagsOf(r).includes(f)).length;

  return (
    <div className="leader-page">
      <h1>
        <FormattedMessage id="leader.board.title" />
      </h1>
      <p className="muted" data-testid="board-total">
        <FormattedMessage id="coverage.total" values={{ count: data.reviewEvidence.totalCount }} />
      </p>
      <ul className="board-summary">
        {(['noEvidence', 'oneSource', 'contradicting'] as Flag[]).map((f) => (
          <li key={f} className={`flag flag-${f}`}>
            {t(`leader.board.flag.${f}` as MessageId)}: <strong>{flagged(f)}</strong>
          </li>
        ))}
      </ul>
      <SourceLegend />
      <ol className="board-rows">
        {rows.map((row) => {
          const flags = flagsOf(row);
          const stance = new Map<EvidenceStance, number>(row.byStance.map((s) => [s.stance, s.count]));
          const people = (contributors.data?.evidenceContributors ?? []).filter((c) => c.keyFactorId === row.keyFactor.id);
          const described = t('coverage.row', {
            code: row.keyFactor.code,
            heading: row.keyFactor.heading,
            count: row.total,
            sources: row.bySource.map((s) => `${t(`source.${s.source}` as MessageId)} ${s.count}`).join(', ') || '—',
          });
          return (
            <li key={row.keyFactor.id} className="card board-row" data-key-factor={row.keyFactor.code} data-total={row.total}>
              <div className="board-head">
                <span className="kf-code">{row.keyFactor.code}</span>
                <Link to={`/reviews/${reviewId}/evidence?kf=${row.keyFactor.id}`} className="kf-heading">
                  {row.keyFactor.heading}
                </Link>
                <span className="count">{row.total}</span>
              </div>
              <span className={`bar ${row.total === 0 ? 'empty' : ''}`} role="img" aria-label={described}>
                {row.bySource.map((s) => (
                  <span key={s.source} className={`segment source-${s.source}`} style={{ width: `${(s.count / max) * 100}%` }} />
                ))}
              </span>
              <p className="stances">
                {STANCES.map((s) => (
                  <span key={s} className={`stance stance-${s}`}>
                    {t(`stance.${s}` as MessageId)} {stance.get(s) ?? 0}
                  </span>
                ))}
              </p>
              <p className="contributors" data-testid="contributors">
                {people.length
                  ? t('leader.board.by', { names: people.map((p) => `${p.person.fullName} (${p.items})`).join(', ') })
                  : t('leader.board.nobody')}
              </p>
              {flags.length > 0 && (
                <ul className="flags" aria-label={t('leader.board.flags')}>
                  {flags.map((f) => (
                    <li key={f} className={`flag flag-${f}`} data-flag={f}>
                      {t(`leader.board.flag.${f}` as MessageId)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <EvidenceBySourceChart rows={rows} />
    </div>
  );
}

/** The rigour flags of a key factor's evidence: none at all, a single source type, any contradicting item. */
function flagsOf(row: { total: number; bySource: { count: number }[]; byStance: { stance: EvidenceStance; count: number }[] }): Flag[] {
  const flags: Flag[] = [];
  if (row.total === 0) flags.push('noEvidence');
  else if (row.bySource.filter((s) => s.count > 0).length === 1) flags.push('oneSource');
  if (row.byStance.some((s) => s.stance === 'CONTRADICTS' && s.count > 0)) flags.push('contradicting');
  return flags;
}
