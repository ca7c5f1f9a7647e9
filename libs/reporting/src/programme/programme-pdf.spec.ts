import { spawnSync } from 'node:child_process';
import { ProgrammeDocument, renderProgrammePdf } from './programme-pdf';

/** The printable programme in each shipped language: its fixed texts from the report catalogue, its document language set. */
const programme = (language: string, overrides: Partial<ProgrammeDocument> = {}): ProgrammeDocument => ({
  language,
  reviewTitle: 'Peer review of Lisbon 2027',
  cityName: 'Lisbon',
  timeZone: 'Europe/Lisbon',
  generatedOn: '29 March 2027',
  days: [
    {
      label: 'Monday 29 March 2027',
      sessions: [
        {
          title: 'Welcome policy',
          kindLabel: 'Interview',
          from: '09:00',
          to: '10:30',
          location: null,
          team: [],
          stakeholders: ['Inês Duarte (a city official)'],
          keyFactors: ['01', '04'],
        },
      ],
    },
  ],
  ...overrides,
});

const text = (pdf: Buffer) =>
  spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).stdout.replace(/\s+/g, ' ');

/** The document language pdfkit writes in the catalogue (`/Lang (fr)`), read from the uncompressed trailer objects. */
const documentLanguage = (pdf: Buffer) => /\/Lang \(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1];

describe('the visit programme PDF in the reader’s language', () => {
  it.each([
    [
      'en',
      [
        'Visit programme: Lisbon',
        'Times are local to Lisbon (Europe/Lisbon).',
        'Place: to be confirmed',
        'Team: nobody assigned yet',
        'Key factors: 01, 04',
      ],
    ],
    [
      'fr',
      [
        'Programme de la visite : Lisbon',
        'Heures locales de Lisbon (Europe/Lisbon).',
        'Lieu : à confirmer',
        'Équipe : personne n’est encore affecté',
        'Facteurs clés : 01, 04',
      ],
    ],
    [
      'de',
      [
        'Besuchsprogramm: Lisbon',
        'Ortszeit von Lisbon (Europe/Lisbon).',
        'Ort: wird noch bestätigt',
        'Team: noch niemand eingeteilt',
        'Schlüsselfaktoren: 01, 04',
      ],
    ],
  ])('%s', async (language, expected) => {
    const pdf = await renderProgrammePdf(programme(language));
    const words = text(pdf);
    for (const phrase of expected) expect(words).toContain(phrase);
    expect(documentLanguage(pdf)).toBe(language);
    if (language !== 'en') expect(words).not.toContain('to be confirmed');
  });

  it('says in the language that nothing is planned yet', async () => {
    expect(text(await renderProgrammePdf(programme('fr', { days: [] })))).toContain('Aucune séance n’est encore prévue.');
  });
});
