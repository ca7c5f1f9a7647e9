import { APP_LANGUAGES, AppLanguage } from './choose-language';
import { useLanguage, useT } from './i18n';

/**
 * The language of the pages for someone not signed in (sign-in, email links), kept in this browser.
 * Signed in, the profile's setting is the one that counts (it is saved to the account).
 */
export function LanguageSwitch() {
  const t = useT();
  const { language, choose } = useLanguage();
  return (
    <select
      className="language-switch"
      aria-label={t('nav.language')}
      value={language}
      onChange={(e) => choose(e.target.value as AppLanguage)}
      // Beside the brand in the header, not a form's full-width field.
      style={{ marginLeft: 'auto', width: 'auto', minHeight: 36, padding: '0.3rem 0.5rem' }}
    >
      {APP_LANGUAGES.map(([tag, name]) => (
        <option key={tag} value={tag} lang={tag}>
          {name}
        </option>
      ))}
    </select>
  );
}
