import { ReactNode, useEffect } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import en from './messages/en.json';

/**
 * Message catalogues, one JSON file per language (ICU message syntax, FormatJS). English is complete;
 * another language is one more file here with the same ids (a missing id falls back to English).
 */
const CATALOGUES: Record<string, Record<string, string>> = { en };

export type MessageId = keyof typeof en;

/** The best catalogue for a BCP 47 tag (nb-NO → nb → en). */
export function catalogueLocale(tag: string | undefined): string {
  const candidates = [tag, tag?.split('-')[0]].filter(Boolean) as string[];
  return candidates.find((c) => CATALOGUES[c]) ?? 'en';
}

export function I18n({ locale, children }: { locale?: string; children: ReactNode }) {
  const chosen = catalogueLocale(locale ?? navigator.language);
  useEffect(() => {
    document.documentElement.lang = chosen;
  }, [chosen]);
  return (
    <IntlProvider locale={chosen} defaultLocale="en" messages={{ ...en, ...CATALOGUES[chosen] }}>
      {children}
    </IntlProvider>
  );
}

/** t('id', values): a translated string, for attributes and places where a component does not fit. */
export function useT() {
  const intl = useIntl();
  return (id: MessageId, values?: Record<string, string | number | Date>) => intl.formatMessage({ id }, values);
}
