import { ErrorCode } from '../errors/app-error';
import { localisedErrorMessage } from '../errors/error-messages';
import { formattingLocale, languageFromAcceptLanguage, languageOf } from './languages';

describe('languages', () => {
  it('maps any BCP 47 tag to a shipped language, English otherwise', () => {
    expect(['fr', 'fr-CH', 'FR_be', 'de-AT', 'en-US', 'nb-NO', '', null].map(languageOf)).toEqual([
      'fr',
      'fr',
      'fr',
      'de',
      'en',
      'en',
      'en',
      'en',
    ]);
    expect([
      formattingLocale('en'),
      formattingLocale('fr', 'fr-CH'),
      formattingLocale('fr', 'de-DE'),
      formattingLocale('de', 'de'),
    ]).toEqual(['en-GB', 'fr-CH', 'fr-FR', 'de-DE']);
  });

  it('reads Accept-Language by weight, skipping languages not shipped', () => {
    expect(languageFromAcceptLanguage('nb-NO, de;q=0.8, fr;q=0.9')).toBe('fr');
    expect(languageFromAcceptLanguage('es, it;q=0.5')).toBeUndefined();
    expect(languageFromAcceptLanguage('fr;q=0, de;q=0.1')).toBe('de');
    expect(languageFromAcceptLanguage('*')).toBeUndefined();
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
  });

  it("writes an error's message in the language, keeping the English detail", () => {
    expect(localisedErrorMessage(ErrorCode.FORBIDDEN, 'You are not a member of this review.', 'en')).toBe(
      'You are not a member of this review.',
    );
    expect(localisedErrorMessage(ErrorCode.FORBIDDEN, 'You are not a member of this review.', 'fr')).toBe(
      'Vous n’êtes pas autorisé à faire ceci. (En anglais : You are not a member of this review.)',
    );
    expect(localisedErrorMessage(ErrorCode.NOT_FOUND, 'This was not found.', 'de')).toBe('Das wurde nicht gefunden.');
  });
});
