/** A yes/no question: yes scores its point. */
const yesNo = (code: string, text: string) => ({
  code,
  text: { en: text },
  type: 'YES_NO',
  dataType: 'INPUT',
  options: [
    { code: 'YES', label: { en: 'Yes' }, points: 1 },
    { code: 'NO', label: { en: 'No' }, points: 0 },
  ],
});

/**
 * Three indicators (two in a composite) of one question each, illustrative like the shipped
 * definition, so a city's scores follow from its answers: M1 actions 0–4 → 0–100, L1 and S1 yes/no →
 * 100/0. The Index report's tests use it, through the API (e2e) and in the browser (its scenario).
 */
export const REPORT_INDEX = {
  code: 'REPORT-INDEX',
  title: { en: 'Report test Index', fr: 'Indice de test du rapport' },
  source: { organisation: 'PeerVisit', attribution: 'Test fixture written by PeerVisit.' },
  illustrative: true,
  illustrativeNotice: { en: 'Illustrative questions written by PeerVisit for this test, not the official questionnaire.' },
  indicators: [
    {
      code: 'MEDIA',
      number: 1,
      name: { en: 'Media and communication', fr: 'Médias et communication' },
      weight: 1,
      questions: [
        {
          code: 'M1',
          text: { en: 'How many intercultural media actions a year?' },
          type: 'NUMBER',
          dataType: 'INPUT',
          thresholds: [0, 1, 2, 3, 4].map((n) => ({ min: n, points: n })),
        },
      ],
    },
    {
      code: 'LANGUAGE',
      number: 2,
      name: { en: 'Language teaching', fr: 'Enseignement des langues' },
      weight: 1,
      questions: [yesNo('L1', 'Are minority languages taught?')],
    },
    {
      code: 'SPACES',
      number: 3,
      name: { en: 'Public spaces', fr: 'Espaces publics' },
      weight: 2,
      questions: [yesNo('S1', 'Are public spaces designed with residents of every origin?')],
    },
  ],
  composites: [{ code: 'URBAN', name: { en: 'Urban policies through the intercultural lens' }, indicators: ['LANGUAGE', 'SPACES'] }],
};

/**
 * The six cities of the comparison, with the directory's population and share of foreign-born
 * residents (%). Against Bergen: similar size (half to twice) Lisbon, Reggio Emilia and Botkyrka;
 * similar share (within 5 points) Oslo, Lisbon, Reggio Emilia and Neuchâtel, so that group reaches
 * 5 cities with all six published, and the size group never does.
 */
export const REPORT_CITIES = [
  { name: 'Bergen', population: 100_000, foreignBornShare: 20 },
  { name: 'Oslo', population: 700_000, foreignBornShare: 25 },
  { name: 'Lisbon', population: 150_000, foreignBornShare: 15 },
  { name: 'Reggio Emilia', population: 180_000, foreignBornShare: 17.5 },
  { name: 'Botkyrka', population: 95_000, foreignBornShare: 40 },
  { name: 'Neuchâtel', population: 45_000, foreignBornShare: 24 },
] as const;
