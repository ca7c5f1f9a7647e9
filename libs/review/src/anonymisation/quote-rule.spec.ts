import { quoteAsShown, QuoteShown } from './quote-rule';

/** The quote rule, case by case: verbatim only with consent (or nobody linked), else the paraphrase, else pending. */
describe('quoteAsShown', () => {
  const consented = new Set(['agreed']);
  const mayQuote = (id: string) => consented.has(id);

  it.each([
    ['no quote', { quote: '  ', quotedStakeholderId: 'refused', paraphrase: 'words' }, QuoteShown.NONE, null],
    ['nobody linked', { quote: ' We wait. ', quotedStakeholderId: null, paraphrase: null }, QuoteShown.VERBATIM, 'We wait.'],
    [
      'consent to be quoted',
      { quote: 'We wait.', quotedStakeholderId: 'agreed', paraphrase: 'They wait.' },
      QuoteShown.VERBATIM,
      'We wait.',
    ],
    [
      'no consent, a paraphrase',
      { quote: 'We wait.', quotedStakeholderId: 'refused', paraphrase: ' They wait. ' },
      QuoteShown.PARAPHRASE,
      'They wait.',
    ],
    ['no consent, no paraphrase', { quote: 'We wait.', quotedStakeholderId: 'refused', paraphrase: ' ' }, QuoteShown.PENDING, null],
  ])('%s', (_case, evidence, shown, text) => {
    expect(quoteAsShown(evidence, mayQuote)).toEqual({ shown, text });
  });
});
