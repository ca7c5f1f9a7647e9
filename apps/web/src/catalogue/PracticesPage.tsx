import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { apiError } from '../graphql/errors';
import type { GoodPracticeCriterionKey } from '../graphql/generated/graphql';
import { useLanguage, useT } from '../i18n/i18n';
import { Alert, Button, Select, TextField } from '../ui/primitives';
import { countryName, CRITERIA, fieldLabel, isCriterionKey, languageName, teaserOf } from './labels';
import { MyDrafts } from './MyDrafts';
import { CatalogueFiltersQuery, CataloguePracticesQuery } from './operations';

const PAGE_SIZE = 10;

/** What the listing shows, kept in the address so a filtered list can be bookmarked and shared. */
interface Filters {
  q: string;
  field: string;
  country: string;
  city: string;
  year: string;
  criteria: GoodPracticeCriterionKey[];
}

const NO_FILTERS: Filters = { q: '', field: '', country: '', city: '', year: '', criteria: [] };

function filtersOf(params: URLSearchParams): Filters {
  const year = params.get('year') ?? '';
  return {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    country: (params.get('country') ?? '').toUpperCase(),
    city: params.get('city') ?? '',
    year: /^\d{4}$/.test(year) ? year : '',
    criteria: (params.get('criteria') ?? '').split(',').filter(isCriterionKey),
  };
}

function paramsOf(filters: Filters, after?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'field', 'country', 'city', 'year'] as const) if (filters[key].trim()) params.set(key, filters[key].trim());
  if (filters.criteria.length) params.set('criteria', filters.criteria.join(','));
  if (after) params.set('after', after);
  return params;
}

/** The cursors of the pages before this one (history state), so "Previous page" goes back exactly. */
interface PageState {
  trail?: string[];
}

/** The public catalogue: browse, filter and search the published good practices, no sign-in needed. */
export function PracticesPage() {
  const t = useT();
  const { language } = useLanguage();
  const intl = useIntl();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const after = params.get('after') ?? '';
  const trail = (location.state as PageState | null)?.trail ?? [];
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);

  const [options] = useQuery({ query: CatalogueFiltersQuery });
  const [result] = useQuery({
    query: CataloguePracticesQuery,
    variables: {
      search: filters.q || null,
      fieldOfAction: filters.field || null,
      country: filters.country || null,
      city: filters.city || null,
      year: filters.year ? Number(filters.year) : null,
      criteria: filters.criteria.length ? filters.criteria : null,
      first: PAGE_SIZE,
      after: after || null,
      language,
    },
  });

  // What the controls show: the address's filters, ahead of it while a change is on its way there.
  const [shown, setShown] = useState(filters);
  useEffect(() => setShown(filters), [filters]);
  const apply = (next: Filters) => {
    setShown(next);
    navigate({ search: paramsOf(next).toString() });
  };
  const set = (change: Partial<Filters>) => apply({ ...shown, ...change, q: change.q ?? filters.q });
  const active = [shown.field, shown.country, shown.city, shown.year].filter(Boolean).length + shown.criteria.length;

  // The filters start open on a wide screen and folded on a phone (the results come first there).
  const [open, setOpen] = useState(() => active > 0 || window.matchMedia?.('(min-width: 48rem)').matches === true);

  // "Next page" and "Previous page" move the focus to the results, where a screen reader or keyboard user reads on.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const paged = useRef(false);
  useEffect(() => {
    if (!paged.current) return;
    paged.current = false;
    resultsHeading.current?.focus();
  }, [after]);

  const facets = options.data?.goodPracticeFacets;
  const countries = facets?.countries ?? [];
  const cities = (facets?.cities ?? []).filter((c) => !shown.country || c.country === shown.country);
  const years = facets?.firstYear && facets.lastYear ? range(facets.lastYear, facets.firstYear) : [];
  const fields = options.data?.fieldsOfAction ?? [];

  const page = result.data?.goodPractices;
  // Opened from a shared link to a later page, the pages before it are not known.
  const knownPage = !after || trail.length > 0;
  const from = trail.length * PAGE_SIZE + 1;
  const failure = apiError(result.error);
  const criteriaId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    set({ q: text });
  }

  return (
    <main className="catalogue">
      <h1>
        <FormattedMessage id="catalogue.title" />
      </h1>
      <p className="catalogue-intro">
        <FormattedMessage id="catalogue.intro" />
      </p>

      <MyDrafts />

      <form role="search" aria-label={t('catalogue.search.region')} onSubmit={submit} className="catalogue-form">
        <div className="catalogue-search">
          <TextField
            label={t('catalogue.search.label')}
            hint={t('catalogue.search.hint')}
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit">
            <FormattedMessage id="catalogue.search.submit" />
          </Button>
        </div>

        <details className="catalogue-filters" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>
            <FormattedMessage id="catalogue.filters" values={{ count: active }} />
          </summary>
          <div className="catalogue-filter-grid">
            <Select label={t('catalogue.filter.field')} value={shown.field} onChange={(e) => set({ field: e.target.value })}>
              <option value="">{t('catalogue.filter.anyField')}</option>
              {fields.map((f) => [
                <option key={f.id} value={f.code}>
                  {fieldLabel(f)}
                </option>,
                ...f.subFields.map((s) => (
                  <option key={s.id} value={s.code}>
                    {`\u00a0\u00a0\u00a0${fieldLabel(s)}`}
                  </option>
                )),
              ])}
            </Select>
            <Select
              label={t('catalogue.filter.country')}
              value={shown.country}
              onChange={(e) => set({ country: e.target.value, city: '' })}
            >
              <option value="">{t('catalogue.filter.anyCountry')}</option>
              {withSelected(
                countries.map((c) => ({ value: c.country, label: `${countryName(c.country, intl.locale)} (${c.count})` })),
                shown.country,
                countryName(shown.country, intl.locale),
              ).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <Select label={t('catalogue.filter.city')} value={shown.city} onChange={(e) => set({ city: e.target.value })}>
              <option value="">{t('catalogue.filter.anyCity')}</option>
              {withSelected(
                cities.map((c) => ({ value: c.city, label: `${c.city} (${c.count})` })),
                shown.city,
                shown.city,
              ).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
            <Select label={t('catalogue.filter.year')} value={shown.year} onChange={(e) => set({ year: e.target.value })}>
              <option value="">{t('catalogue.filter.anyYear')}</option>
              {withSelected(
                years.map((y) => ({ value: String(y), label: String(y) })),
                shown.year,
                shown.year,
              ).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </div>
          <fieldset className="catalogue-criteria" aria-describedby={`${criteriaId}-hint`}>
            <legend>
              <FormattedMessage id="catalogue.filter.criteria" />
            </legend>
            <p className="hint" id={`${criteriaId}-hint`}>
              <FormattedMessage id="catalogue.filter.criteriaHint" />
            </p>
            <div className="catalogue-checks">
              {CRITERIA.map((c) => (
                <label key={c.key} className="check">
                  <input
                    type="checkbox"
                    checked={shown.criteria.includes(c.key)}
                    onChange={(e) =>
                      set({
                        criteria: e.target.checked
                          ? CRITERIA.map((x) => x.key).filter((k) => k === c.key || shown.criteria.includes(k))
                          : shown.criteria.filter((k) => k !== c.key),
                      })
                    }
                  />
                  <FormattedMessage id={c.label} />
                </label>
              ))}
            </div>
          </fieldset>
        </details>
        {(active > 0 || filters.q) && (
          <Button variant="link" onClick={() => apply(NO_FILTERS)}>
            <FormattedMessage id="catalogue.filter.clear" />
          </Button>
        )}
      </form>

      <section aria-labelledby="catalogue-results" className="catalogue-results">
        <h2 id="catalogue-results" ref={resultsHeading} tabIndex={-1}>
          <FormattedMessage id="catalogue.results" />
        </h2>
        <p role="status" className="catalogue-count" data-testid="catalogue-count">
          {page ? (
            page.totalCount === 0 ? (
              <FormattedMessage id="catalogue.none" />
            ) : !knownPage ? (
              <FormattedMessage id="catalogue.total" values={{ total: page.totalCount }} />
            ) : (
              <FormattedMessage
                id="catalogue.count"
                values={{ total: page.totalCount, from, to: Math.min(from + page.nodes.length - 1, page.totalCount) }}
              />
            )
          ) : failure || result.error ? null : (
            <FormattedMessage id="common.loading" />
          )}
        </p>
        {failure && <Alert kind="error">{failure.message}</Alert>}
        {!failure && result.error && (
          <Alert kind="error">
            <FormattedMessage id="common.loadFailed" />
          </Alert>
        )}
        {page && page.totalCount === 0 && (active > 0 || filters.q) && (
          <p>
            <FormattedMessage id="catalogue.noneHint" />
          </p>
        )}
        {page && page.nodes.length > 0 && (
          <ol className="practice-list" start={knownPage ? from : undefined}>
            {page.nodes.map((p) => {
              const met = p.criteria.filter((c) => c.met).length;
              // In the reader's language where translated; the API's teaser is of the text as written.
              const texts = p.translation;
              const teaser = texts.original ? p.teaser : teaserOf(texts.purpose || texts.mainPurpose || texts.impact);
              return (
                <li key={p.id}>
                  <article className="card practice-card" data-testid="practice-card" aria-labelledby={`practice-${p.id}`}>
                    <h3 id={`practice-${p.id}`}>
                      <Link to={`/practices/${p.id}`} state={{ from: location.pathname + location.search }} lang={texts.language}>
                        {texts.title}
                      </Link>
                    </h3>
                    {!texts.original && (
                      <p className="muted practice-translated-from">
                        <FormattedMessage id="catalogue.lang.listTranslated" values={{ original: languageName(p.language, intl.locale) }} />
                      </p>
                    )}
                    <p className="practice-meta">
                      <span>
                        {p.city}
                        {p.country ? `, ${countryName(p.country, intl.locale)}` : ''}
                      </span>
                      {p.implementationPeriod && <span>{p.implementationPeriod}</span>}
                    </p>
                    {teaser && (
                      <p className="practice-teaser" lang={texts.language}>
                        {teaser}
                      </p>
                    )}
                    <p className="practice-tags">
                      <span className="visually-hidden">
                        <FormattedMessage id="catalogue.fieldsOfAction" />:{' '}
                      </span>
                      {p.fieldsOfAction.map((f) => (
                        <span key={f.id} className="tag">
                          {fieldLabel(f)}
                        </span>
                      ))}
                    </p>
                    <p className="muted practice-criteria-count">
                      <FormattedMessage id="catalogue.criteriaMet" values={{ count: met }} />
                    </p>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
        {page && (after || page.pageInfo.hasNextPage) && (
          <nav className="pager" aria-label={t('catalogue.pages')}>
            {!knownPage && (
              <Link className="btn btn-secondary" to={{ search: paramsOf(filters).toString() }}>
                <FormattedMessage id="catalogue.firstPage" />
              </Link>
            )}
            {trail.length > 0 && (
              <Link
                className="btn btn-secondary"
                to={{ search: paramsOf(filters, trail[trail.length - 1]).toString() }}
                state={{ trail: trail.slice(0, -1) } satisfies PageState}
                onClick={() => (paged.current = true)}
              >
                <FormattedMessage id="catalogue.previous" />
              </Link>
            )}
            {knownPage && (
              <span className="muted">
                <FormattedMessage
                  id="catalogue.pageOf"
                  values={{ page: trail.length + 1, pages: Math.max(1, Math.ceil(page.totalCount / PAGE_SIZE)) }}
                />
              </span>
            )}
            {page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
              <Link
                className="btn btn-secondary"
                to={{ search: paramsOf(filters, page.pageInfo.endCursor).toString() }}
                state={{ trail: [...trail, after] } satisfies PageState}
                onClick={() => (paged.current = true)}
              >
                <FormattedMessage id="catalogue.next" />
              </Link>
            )}
          </nav>
        )}
      </section>
    </main>
  );
}

/** last, last-1, …, first. */
function range(last: number, first: number): number[] {
  const out: number[] = [];
  for (let y = last; y >= first && out.length < 200; y--) out.push(y);
  return out;
}

/** The options, plus the selected value when it is not among them (a shared link), so the select shows it. */
function withSelected(options: { value: string; label: string }[], selected: string, label: string) {
  return selected && !options.some((o) => o.value === selected) ? [{ value: selected, label }, ...options] : options;
}
