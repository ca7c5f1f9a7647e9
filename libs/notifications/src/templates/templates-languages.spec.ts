import { formattingLocale, Language, LANGUAGES } from '@peervisit/platform';
import { catalogueOf, formatMessage } from './catalogue';
import { TEMPLATE_NAMES, TemplateName, TemplateRenderer } from './template-renderer';

/**
 * Every email template rendered in every shipped language, read back: the words are the language's
 * (greeting, body, footer, button), the HTML says its language, dates are written the language's way,
 * and nothing of the English text is left in the others.
 */
const renderer = new TemplateRenderer(__dirname, { strict: true });
const PARIS = (language: Language) => ({ timeZone: 'Europe/Paris', locale: formattingLocale(language), language });

const GREETING: Record<Language, string> = { en: 'Hello', fr: 'Bonjour', de: 'Guten Tag' };
const WHY: Record<Language, string> = {
  en: 'You get this because',
  fr: 'Vous recevez ce message parce',
  de: 'Sie erhalten diese Nachricht, weil',
};
/** English words that would betray an untranslated template. */
const ENGLISH = /\b(You get this|Hello|Your role|When:|Where:|Review:|optional reminders|the peer review|paste this address)\b/;

describe.each(LANGUAGES.map((l) => [l]))('emails in %s', (language: Language) => {
  it.each(TEMPLATE_NAMES.map((name) => [name]))('%s reads in the language', (name: TemplateName) => {
    const sample = renderer.sample(name);
    const { subject, text, html } = renderer.render(name, sample, PARIS(language));
    expect(html).toContain(`<html lang="${formattingLocale(language)}">`);
    expect(text.startsWith(GREETING[language])).toBe(true);
    expect(html).toContain(`>${GREETING[language]}`);
    expect(text).toContain(WHY[language]);
    expect(html).toContain(WHY[language]);
    const footer = formatMessage(
      language,
      formattingLocale(language),
      name === 'password-reset' || name === 'invitation' ? 'common.alwaysSent' : 'common.optionalOff',
    );
    expect(text).toContain(footer);
    // The subject is the catalogue's, not the English one.
    const english = renderer.render(name, sample, PARIS('en'));
    if (language !== 'en') {
      expect(subject).not.toBe(english.subject);
      expect(text).not.toMatch(ENGLISH);
      expect(html).not.toMatch(ENGLISH);
    }
    expect(Object.keys(catalogueOf(language)).some((key) => key.startsWith(`${name}.subject`))).toBe(true);
  });

  it('writes dates, times and plurals the language’s way, with the host city’s time first', () => {
    const sample = renderer.sample('session-reminder'); // 2027-03-10 08:00Z, Amsterdam
    const { text } = renderer.render('session-reminder', { ...sample, daysBefore: 3 }, { ...PARIS(language), timeZone: 'Europe/Lisbon' });
    const when = {
      en: 'Wednesday, 10 March 2027, 09:00–10:30 CET (Wednesday, 10 March 2027, 08:00–09:30 WET your time)',
      fr: 'mercredi 10 mars 2027, 09:00–10:30 UTC+1 (mercredi 10 mars 2027, 08:00–09:30 UTC+0 à votre heure)',
      de: 'Mittwoch, 10. März 2027, 09:00–10:30 MEZ (Mittwoch, 10. März 2027, 08:00–09:30 WEZ Ihre Zeit)',
    }[language];
    expect(text).toContain(when);
    const days = { en: 'In 3 days', fr: 'Dans 3 jours', de: 'In 3 Tagen' }[language];
    expect(text).toContain(days);
    const conclusions = renderer.render('conclusions-due', renderer.sample('conclusions-due'), PARIS(language)).text;
    expect(conclusions).toContain(
      {
        en: '2 key factors are still without a conclusion:',
        fr: '2 facteurs clés sont encore sans conclusion :',
        de: '2 Schlüsselfaktoren sind noch ohne Schlussfolgerung:',
      }[language],
    );
  });
});
