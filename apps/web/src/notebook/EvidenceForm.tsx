import { FormEvent, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { EvidenceSource, EvidenceStance, StakeholderCategory } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Button, Choice, Select, TextArea } from '../ui/primitives';
import { KeyFactorOption, KeyFactorPicker } from './KeyFactorPicker';
import { CATEGORIES, SOURCES, STANCES } from './labels';

export interface EvidenceDraft {
  statement: string;
  quote: string;
  /** '' for nobody in particular. */
  quotedStakeholderId: string;
  paraphrase: string;
  stance: EvidenceStance;
  keyFactorIds: string[];
  stakeholderCategory: StakeholderCategory | '';
  source: EvidenceSource;
}

/** Someone the team may quote, with whether they agreed to be quoted word for word. */
export interface QuotableStakeholder {
  id: string;
  name?: string | null;
  position?: string | null;
  consentToBeQuoted: boolean;
}

/**
 * Logging an item with one thumb: the statement first, the rest kept from the previous item (same
 * interview, same key factors, same speaker's category) so the next one is quicker still.
 */
export function EvidenceForm({
  keyFactors,
  suggestedKeyFactors,
  sources,
  stakeholders = [],
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  keepAfterSubmit = true,
}: {
  keyFactors: KeyFactorOption[];
  suggestedKeyFactors?: string[];
  sources?: EvidenceSource[];
  stakeholders?: QuotableStakeholder[];
  initial: EvidenceDraft;
  submitLabel: MessageId;
  onSubmit(draft: EvidenceDraft): Promise<void> | void;
  onCancel?(): void;
  keepAfterSubmit?: boolean;
}) {
  const t = useT();
  const [draft, setDraft] = useState<EvidenceDraft>(initial);
  const [errors, setErrors] = useState<{ statement?: string; keyFactorIds?: string }>({});
  const statementRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const nameOf = (s: QuotableStakeholder) => s.name || s.position || '—';
  const quoted = stakeholders.find((s) => s.id === draft.quotedStakeholderId);
  // The quote rule: without their consent, readers outside the team get this paraphrase, never the quote.
  const asksParaphrase = !!quoted && !quoted.consentToBeQuoted;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      statement: draft.statement.trim() ? undefined : t('log.statementRequired'),
      keyFactorIds: draft.keyFactorIds.length ? undefined : t('log.keyFactorRequired'),
    };
    setErrors(problems);
    if (problems.statement || problems.keyFactorIds) return;
    await onSubmit(draft);
    if (keepAfterSubmit) {
      setDraft((d) => ({ ...d, statement: '', quote: '', paraphrase: '' }));
      statementRef.current?.focus();
    }
  }

  return (
    <form className="evidence-form" onSubmit={submit} noValidate>
      <TextArea
        ref={statementRef}
        label={t('log.statement')}
        name="statement"
        rows={3}
        value={draft.statement}
        error={errors.statement}
        onChange={(e) => set('statement', e.target.value)}
      />
      <TextArea
        label={t('log.quote')}
        hint={t('log.quoteHint')}
        name="quote"
        rows={2}
        value={draft.quote}
        onChange={(e) => set('quote', e.target.value)}
      />
      {stakeholders.length > 0 && (
        <Select
          label={t('log.quotedStakeholder')}
          name="quotedStakeholderId"
          value={draft.quotedStakeholderId}
          onChange={(e) => set('quotedStakeholderId', e.target.value)}
        >
          <option value="">{t('log.quotedStakeholderNone')}</option>
          {stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {nameOf(s)}
            </option>
          ))}
        </Select>
      )}
      {asksParaphrase && (
        <TextArea
          label={t('log.paraphrase')}
          hint={t('log.paraphraseHint', { name: nameOf(quoted) })}
          name="paraphrase"
          rows={2}
          value={draft.paraphrase}
          onChange={(e) => set('paraphrase', e.target.value)}
        />
      )}
      <Choice
        legend={t('log.stance')}
        name="stance"
        value={draft.stance}
        onChange={(v) => set('stance', v)}
        options={STANCES.map((s) => ({ value: s, label: <FormattedMessage id={`stance.${s}` as MessageId} /> }))}
      />
      <KeyFactorPicker
        options={keyFactors}
        chosen={draft.keyFactorIds}
        suggested={suggestedKeyFactors}
        error={errors.keyFactorIds}
        onChange={(ids) => set('keyFactorIds', ids)}
      />
      <div className="form-row">
        <Select
          label={t('log.category')}
          name="stakeholderCategory"
          value={draft.stakeholderCategory}
          onChange={(e) => set('stakeholderCategory', e.target.value as StakeholderCategory | '')}
        >
          <option value="">{t('log.categoryNone')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}` as MessageId)}
            </option>
          ))}
        </Select>
        <Select
          label={t('log.source')}
          name="source"
          value={draft.source}
          onChange={(e) => set('source', e.target.value as EvidenceSource)}
        >
          {(sources ?? SOURCES).map((s) => (
            <option key={s} value={s}>
              {t(`source.${s}` as MessageId)}
            </option>
          ))}
        </Select>
      </div>
      <div className="form-actions">
        <Button type="submit" className="btn-log">
          <FormattedMessage id={submitLabel} />
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            <FormattedMessage id="common.cancel" />
          </Button>
        )}
      </div>
    </form>
  );
}
