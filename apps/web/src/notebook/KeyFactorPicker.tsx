import { useId, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/i18n';

export interface KeyFactorOption {
  id: string;
  code: string;
  heading: string;
}

/** Key factors in scope, found by code or words; the chosen ones stay listed above the search. */
export function KeyFactorPicker({
  options,
  chosen,
  onChange,
  error,
  suggested = [],
}: {
  options: KeyFactorOption[];
  chosen: string[];
  onChange(ids: string[]): void;
  error?: string;
  suggested?: string[];
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = options.filter((o) =>
      words.every((w) => o.code === w.padStart(2, '0') || o.code.includes(w) || o.heading.toLowerCase().includes(w)),
    );
    // The session's key factors first: they are the likely ones.
    return [...matches.filter((o) => suggested.includes(o.id)), ...matches.filter((o) => !suggested.includes(o.id))];
  }, [options, search, suggested]);
  const toggle = (kf: string) => onChange(chosen.includes(kf) ? chosen.filter((c) => c !== kf) : [...chosen, kf]);
  return (
    <fieldset className="kf-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        <FormattedMessage id="log.keyFactors" />
      </legend>
      {chosen.length > 0 && (
        <ul className="chips" aria-label={t('log.keyFactorsChosen')}>
          {chosen.map((kf) => {
            const option = options.find((o) => o.id === kf);
            return (
              <li key={kf}>
                <button
                  type="button"
                  className={`chip ${option ? '' : 'chip-unknown'}`}
                  onClick={() => toggle(kf)}
                  aria-label={option ? t('log.removeKeyFactor', { code: option.code, heading: option.heading }) : t('log.removeOutOfScope')}
                >
                  {option ? option.code : t('log.outOfScope')} <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={`${id}-search`} className="visually-hidden">
        <FormattedMessage id="log.keyFactorSearch" />
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={t('log.keyFactorSearch')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="kf-list">
        {visible.map((o) => (
          <label key={o.id} className={chosen.includes(o.id) ? 'chosen' : ''}>
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />
            <span className="kf-code">{o.code}</span> {o.heading}
          </label>
        ))}
        {!visible.length && (
          <p className="muted">
            <FormattedMessage id="log.noKeyFactorMatch" />
          </p>
        )}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
