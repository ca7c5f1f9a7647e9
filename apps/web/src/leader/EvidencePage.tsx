import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PromoteToPractice } from '../catalogue/PromoteToPractice';
import { QuotesNeedingParaphrase } from '../privacy/QuotesNeedingParaphrase';
import { ExportButtons } from '../exports/ExportButtons';
import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { EvidenceStance } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { CATEGORIES, STANCES } from '../notebook/labels';
import { Button, Select, TextField } from '../ui/primitives';
import { Loading } from './Loading';
import { LeaderEvidenceContextQuery, LeaderEvidenceQuery } from './operations';
import { localClock, localDay } from './zoned';
import './leader.css';

type Filter = 'kf' | 'session' | 'category' | 'stance' | 'peer' | 'q';

/** The evidence of a key factor, narrowed by session, stakeholder category, stance and peer, with full-text search. The filters live in the URL, so a view can be shared and survives a reload. */
export function EvidencePage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const get = (k: Filter) => params.get(k) || undefined;
  const [words, setWords] = useState(get('q') ?? '');
  // Only a known category goes to the API (a hand-edited URL must not break the page).
  const category = CATEGORIES.find((c) => c === get('category'));
  const [context] = useQuery({ query: LeaderEvidenceContextQuery, variables: { reviewId } });
  const [{ data, error, fetching }] = useQuery({
    query: LeaderEvidenceQuery,
    variables: {
      reviewId,
      keyFactorId: get('kf'),
      sessionId: get('session'),
      stakeholderCategory: category,
      stance: get('stance') as EvidenceStance | undefined,
      loggedById: get('peer'),
      search: get('q'),
    },
    requestPolicy: 'cache-and-network',
  });
  if (!context.data) return <Loading error={context.error} />;
  const { review, visitProgramme } = context.data;
  const sessions = visitProgramme.days.flatMap((d) => d.sessions);
  const set = (k: Filter, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    set('q', words.trim());
  };
  const items = data?.reviewEvidence.nodes ?? [];
  const sessionOf = (id: string | null) => sessions.find((s) => s.id === id);
  const codes = (ids: string[]) =>
    ids
      .map((id) => review.keyFactorsInScope.find((k) => k.id === id)?.code)
      .filter(Boolean)
      .join(', ');

  return (
    <div className="leader-page">
      <h1>
        <FormattedMessage id="leader.evidence.title" />
      </h1>
      <QuotesNeedingParaphrase reviewId={reviewId} />
      <form className="filters" onSubmit={search} role="search">
        <Select label={t('leader.evidence.keyFactor')} value={get('kf') ?? ''} onChange={(e) => set('kf', e.target.value)}>
          <option value="">{t('leader.evidence.all')}</option>
          {review.keyFactorsInScope.map((k) => (
            <option key={k.id} value={k.id}>
              {k.code} {k.heading}
            </option>
          ))}
        </Select>
        <Select label={t('leader.evidence.session')} value={get('session') ?? ''} onChange={(e) => set('session', e.target.value)}>
          <option value="">{t('leader.evidence.all')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {localDay(s.start.local)} {localClock(s.start.local)} {s.title}
            </option>
          ))}
        </Select>
        <Select label={t('leader.evidence.category')} value={category ?? ''} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('leader.evidence.all')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}` as MessageId)}
            </option>
          ))}
        </Select>
        <Select label={t('leader.evidence.stance')} value={get('stance') ?? ''} onChange={(e) => set('stance', e.target.value)}>
          <option value="">{t('leader.evidence.all')}</option>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {t(`stance.${s}` as MessageId)}
            </option>
          ))}
        </Select>
        <Select label={t('leader.evidence.peer')} value={get('peer') ?? ''} onChange={(e) => set('peer', e.target.value)}>
          <option value="">{t('leader.evidence.all')}</option>
          {review.team
            .filter((m) => m.role === 'PEER' || m.role === 'EXPERT_LEADER')
            .map((m) => (
              <option key={m.id} value={m.person.id}>
                {m.person.fullName}
              </option>
            ))}
        </Select>
        <div className="search-form">
          <TextField label={t('search.words')} type="search" value={words} onChange={(e) => setWords(e.target.value)} />
          <Button type="submit">
            <FormattedMessage id="search.submit" />
          </Button>
        </div>
      </form>
      <ExportButtons what="evidence" path={`/exports/reviews/${reviewId}/evidence`} />
      {error && !data ? (
        <Loading error={error} />
      ) : (
        <p className="muted" role="status" data-testid="evidence-count">
          {fetching && !data ? t('common.loading') : t('leader.evidence.count', { count: data?.reviewEvidence.totalCount ?? 0 })}
        </p>
      )}
      <ul className="item-list">
        {items.map((i) => (
          <li key={i.id} className="item" data-testid="evidence-item">
            <div className="item-head">
              <span className={`stance stance-${i.stance}`}>{t(`stance.${i.stance}` as MessageId)}</span>
              <span className="tag">{t(`source.${i.source}` as MessageId)}</span>
              {i.stakeholderCategory && <span className="tag">{t(`category.${i.stakeholderCategory}` as MessageId)}</span>}
              <span className="muted">{codes(i.keyFactorIds)}</span>
            </div>
            <p className="item-statement">{i.statement}</p>
            {i.quote && <blockquote>{i.quote}</blockquote>}
            <p className="session-meta">
              {i.loggedBy.fullName} · {sessionOf(i.sessionId)?.title ?? t('leader.evidence.noSession')} ·{' '}
              {intl.formatDate(i.observedAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}
            </p>
            <PromoteToPractice from={{ evidenceId: i.id }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
