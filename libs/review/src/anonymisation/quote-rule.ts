import { registerEnumType } from '@nestjs/graphql';

/** How a quote reaches readers outside the review team (the host city, observers, every report and anonymised export). */
export enum QuoteShown {
  /** No quote. */
  NONE = 'NONE',
  /** Word for word: nobody is linked, or the person quoted agreed to be quoted. */
  VERBATIM = 'VERBATIM',
  /** The team's paraphrase: the person quoted has not agreed to be quoted. */
  PARAPHRASE = 'PARAPHRASE',
  /** Neither: no consent and no paraphrase yet; readers get a "paraphrase pending" placeholder in their language. */
  PENDING = 'PENDING',
}
registerEnumType(QuoteShown, { name: 'QuoteShown' });

/** The placeholder where a catalogue has no language to offer (the exports' English sheets); reports translate it. */
export const PARAPHRASE_PENDING = '[paraphrase pending]';

export interface QuoteFacts {
  quote: string | null;
  quotedStakeholderId?: string | null;
  paraphrase?: string | null;
}

/**
 * The quote rule, in one place: a quote from a stakeholder who has not agreed to be quoted is shown
 * only as the paraphrase the team wrote, never verbatim; without a paraphrase, `text` is null and the
 * caller shows its translated placeholder. `mayQuote` answers a stakeholder's current consent to be
 * quoted (the stakeholder's consent_to_be_quoted, the latest QUOTED record). The text still goes
 * through the name anonymiser afterwards.
 */
export function quoteAsShown(e: QuoteFacts, mayQuote: (stakeholderId: string) => boolean): { shown: QuoteShown; text: string | null } {
  const quote = e.quote?.trim();
  if (!quote) return { shown: QuoteShown.NONE, text: null };
  if (!e.quotedStakeholderId || mayQuote(e.quotedStakeholderId)) return { shown: QuoteShown.VERBATIM, text: quote };
  const paraphrase = e.paraphrase?.trim();
  return paraphrase ? { shown: QuoteShown.PARAPHRASE, text: paraphrase } : { shown: QuoteShown.PENDING, text: null };
}
