import bergen from '../data/icc-good-practice-bergen.json';
import { parseGoodPracticeDocument, periodYears, shorten, teaserOf, titleFrom } from './good-practice-text';

describe('periodYears', () => {
  it.each([
    ['2016', { start: 2016, end: 2016 }],
    ['2016-', { start: 2016, end: null }],
    ['2016 onwards', { start: 2016, end: null }],
    ['2018 onwards', { start: 2018, end: null }],
    ['From September 2014 to May 2015', { start: 2014, end: 2015 }],
    [
      'From September 2014 to May 2015 (still ongoing as part of the municipal strategy for promoting interculturality)',
      { start: 2014, end: null },
    ],
    ['2019–2021', { start: 2019, end: 2021 }],
    ['12 months, Jan/dec YEAR', { start: null, end: null }],
    ['Ongoing for several years', { start: null, end: null }],
    ['Running for several decades', { start: null, end: null }],
    [undefined, { start: null, end: null }],
  ])('%s', (period, years) => expect(periodYears(period)).toEqual(years));
});

describe('teasers and titles', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(shorten('short text', 200)).toBe('short text');
    const long = 'word '.repeat(100);
    const cut = shorten(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(word )*word…$/);
    expect(teaserOf({ purpose: null, mainPurpose: 'Main purpose.' })).toBe('Main purpose.');
    expect(teaserOf({ purpose: bergen.description.stimulus })!.length).toBeLessThanOrEqual(200);
  });

  it('makes a title of the first sentence', () => {
    expect(titleFrom('Publish the diversity statement on the website. Then read it out.')).toBe(
      'Publish the diversity statement on the website',
    );
    expect(titleFrom('x '.repeat(80)).length).toBeLessThanOrEqual(100);
  });
});

describe('parseGoodPracticeDocument', () => {
  it('accepts the Bergen example as it is', () => {
    const { document, problems } = parseGoodPracticeDocument(bergen);
    expect(problems).toEqual([]);
    expect(document).toEqual(bergen);
  });

  it('lists every problem, with paths', () => {
    const { document, problems } = parseGoodPracticeDocument({
      contact: { city: ' ', country: 'Norway', completedOn: '31/12/2020' },
      action: { mainFieldOfAction: '1', colour: 'red' },
      description: { keyReferenceDocuments: [{ url: 'not a url' }] },
      criteria: { goalOriented: { met: 'yes' }, pretty: { met: true } },
    });
    expect(document).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'contact.city', message: 'city must not be empty' },
        { path: 'contact.country', message: 'country must be a two-letter ISO code, e.g. NO' },
        { path: 'contact.completedOn', message: 'completedOn must be a date, YYYY-MM-DD' },
        { path: 'action.title', message: 'title is required' },
        { path: 'action.colour', message: 'unknown field "colour"' },
        { path: 'description.keyReferenceDocuments[0].title', message: 'document title is required' },
        { path: 'criteria.pretty', message: 'unknown field "pretty"' },
      ]),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['description.keyReferenceDocuments[0].url', 'criteria.goalOriented.met']),
    );
    expect(parseGoodPracticeDocument({}).problems.map((p) => p.path)).toEqual(['contact', 'action', 'description']);
    expect(parseGoodPracticeDocument({ ...bergen, contact: { city: 'Bergen', completedOn: '2021-02-30' } }).problems).toEqual([
      { path: 'contact.completedOn', message: 'not a real date' },
    ]);
    expect(parseGoodPracticeDocument([]).problems).toHaveLength(1);
  });
});
