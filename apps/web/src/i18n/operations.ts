import { graphql } from '../graphql/generated';

/** Saves the signed-in person's language (the app, their emails and invitations follow it). */
export const UpdateMyLanguageMutation = graphql(`
  mutation UpdateMyLanguage($locale: String!) {
    updateMySettings(locale: $locale) {
      ...PersonFields
    }
  }
`);

/** Saves the signed-in person's time zone (times are shown in it beside the host city's). */
export const UpdateMyTimeZoneMutation = graphql(`
  mutation UpdateMyTimeZone($timeZone: String!) {
    updateMySettings(timeZone: $timeZone) {
      ...PersonFields
    }
  }
`);
