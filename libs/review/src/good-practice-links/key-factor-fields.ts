/**
 * EDITORIAL: the ICC fields of action (codes of libs/catalogue/src/data/icc-fields-of-action.json)
 * where good practices for each key factor of a benchmark typically sit. Neither source document
 * gives this mapping; we drew it from the key factors' statements and the fields' descriptions
 * (e.g. key factor 12 "Procurement" ↔ field 8's "access to public procurement for diverse
 * enterprises"). It only boosts suggestions; a benchmark without an entry here gets no boost.
 */
export const TYPICAL_FIELDS_OF_ACTION: Record<string, Record<number, string[]>> = {
  'EUROCITIES-PCD': {
    1: ['1', '2'], // Public commitment: political statements by the Mayor, public discourse
    2: ['1'], // Strategy: intercultural strategies and action plans
    3: ['1'], // Coordination and governance: cross-departmental mechanisms
    4: ['15'], // Engagement of migrant communities: public and political participation
    5: ['15', '8'], // Engagement of non-municipal actors: civil society; partnership with private business
    6: ['2', '4'], // Raising awareness: communication and awareness campaigns; anti-rumour
    7: ['1', '7'], // Municipal employment: recruiting a diverse staff in municipal services
    8: ['7', '13'], // Staff development: intercultural competence of public officials
    9: ['7', '13'], // Needs assessment: access to services; monitoring and mapping city diversity
    10: ['14'], // Welcome culture: welcoming newcomers
    11: ['10'], // Conflict mediation: intercultural mediation and conflict resolution
    12: ['8'], // Procurement: access to public procurement for diverse enterprises
    13: ['13'], // Monitoring and evaluation: intercultural intelligence (monitoring)
  },
};
