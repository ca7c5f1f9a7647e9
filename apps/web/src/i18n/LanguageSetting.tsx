import { useState } from 'react';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import type { PersonFieldsFragment } from '../graphql/generated/graphql';
import { Alert, Select } from '../ui/primitives';
import { APP_LANGUAGES, AppLanguage, appLanguageOf } from './choose-language';
import { useLanguage, useT } from './i18n';
import { UpdateMyLanguageMutation } from './operations';

/**
 * The signed-in person's language: the app switches at once, and the choice is saved to their
 * account, so that their emails, calendar invitations and the app on every device follow it.
 */
export function LanguageSetting({ person }: { person: PersonFieldsFragment }) {
  const t = useT();
  const { language, choose } = useLanguage();
  const { updatePerson } = useAuth();
  const [result, save] = useMutation(UpdateMyLanguageMutation);
  const [failed, setFailed] = useState(false);
  const saved = appLanguageOf(person.locale) ?? 'en';

  async function change(next: AppLanguage) {
    setFailed(false);
    choose(next);
    const { data } = await save({ locale: next });
    if (data) updatePerson(data.updateMySettings);
    else {
      // Not saved (offline, or refused): back to the language the account has, and say so.
      choose(saved);
      setFailed(true);
    }
  }

  return (
    <div className="language-setting">
      <Select
        label={t('profile.language')}
        hint={t('profile.languageHint')}
        name="language"
        value={language}
        disabled={result.fetching}
        onChange={(e) => void change(e.target.value as AppLanguage)}
      >
        {APP_LANGUAGES.map(([tag, name]) => (
          <option key={tag} value={tag} lang={tag}>
            {name}
          </option>
        ))}
      </Select>
      {failed && <Alert kind="error">{t('profile.languageFailed')}</Alert>}
    </div>
  );
}
