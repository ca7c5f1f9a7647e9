import { FormattedMessage, useIntl } from 'react-intl';
import { useT } from '../i18n/i18n';
import { Button } from '../ui/primitives';
import { languageName } from './labels';

/**
 * Which language a practice is shown in, that it is a translation when it is one (with the original a
 * click away), and the other languages it can be read in. `onRead(language)` shows it in that language.
 */
export function PracticeLanguages({
  written,
  translated,
  shown,
  original,
  onRead,
}: {
  /** The language the practice is written in. */
  written: string;
  /** The languages it has a translation into. */
  translated: readonly string[];
  /** The language of the texts shown, and whether they are the texts as written. */
  shown: string;
  original: boolean;
  onRead(language: string): void;
}) {
  const t = useT();
  const intl = useIntl();
  const name = (code: string) => languageName(code, intl.locale);
  // A translation shown: the original has its own button, so the list is of the other translations.
  const others = (original ? [written, ...translated] : translated).filter((code) => code !== shown);
  return (
    <section className="practice-languages" aria-label={t('catalogue.lang.languages')} data-testid="practice-languages">
      {original ? (
        <p>
          <FormattedMessage id="catalogue.lang.original" values={{ original: name(written) }} />
        </p>
      ) : (
        <p className="practice-translated">
          <FormattedMessage id="catalogue.lang.translated" values={{ shown: name(shown), original: name(written) }} />{' '}
          <Button variant="link" onClick={() => onRead(written)}>
            <FormattedMessage id="catalogue.lang.showOriginal" values={{ original: name(written) }} />
          </Button>
        </p>
      )}
      {others.length > 0 && (
        <p className="practice-other-languages">
          <FormattedMessage id="catalogue.lang.available" />{' '}
          {others.map((code) => (
            <Button key={code} variant="link" onClick={() => onRead(code)}>
              {code === written
                ? t('catalogue.lang.originalTag', { language: languageName(code, intl.locale, true) })
                : languageName(code, intl.locale, true)}
            </Button>
          ))}
        </p>
      )}
    </section>
  );
}
