import shipped from '../data/icc-index.illustrative.json';
import { localize, parseIndexDocument } from './index-document';

describe('the Index definition document', () => {
  it('ships the 14 indicators and the composite of six, every question marked illustrative', () => {
    const { document, problems } = parseIndexDocument(shipped);
    expect(problems).toEqual([]);
    expect(document!.indicators.map((i) => localize(i.name))).toEqual([
      'Intercultural commitment',
      'Education system',
      'Neighbourhoods',
      'Public services',
      'Business and labour market',
      'Cultural and civil life policies',
      'Public spaces',
      'Mediation and conflict resolution',
      'Language',
      'Media',
      'International outlook',
      'Intelligence/competence',
      'Welcoming of new arrivals',
      'Governance',
    ]);
    expect(document!.composites).toEqual([
      {
        code: 'URBAN-POLICIES',
        name: { en: 'Urban policies through the intercultural lens' },
        indicators: ['EDUCATION', 'NEIGHBOURHOODS', 'PUBLIC-SERVICES', 'BUSINESS-LABOUR', 'CULTURAL-CIVIL', 'PUBLIC-SPACES'],
      },
    ]);
    expect(document!.illustrative).toBe(true);
    const questions = document!.indicators.flatMap((i) => i.questions);
    expect(questions.every((q) => q.illustrative)).toBe(true);
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(['YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'PERCENTAGE', 'TEXT']),
    );
    expect(new Set(questions.map((q) => q.dataType))).toEqual(new Set(['FACT', 'INPUT', 'IMPACT']));
    expect(shipped.source.attribution).toMatch(/PeerVisit's own illustrative text, not the Council of Europe's questionnaire/);
  });

  it('lists every problem at once, with where it is', () => {
    const { problems } = parseIndexDocument({
      code: 'bad code',
      title: { fr: 'Sans anglais' },
      source: { organisation: 'X', attribution: 'Y' },
      indicators: [
        {
          code: 'A',
          number: 1,
          name: { en: 'A' },
          weight: 1,
          questions: [
            {
              code: 'Q1',
              text: { en: 'Q' },
              type: 'YES_NO',
              dataType: 'INPUT',
              options: [{ code: 'YES', label: { en: 'Yes' }, points: 1 }],
            },
            { code: 'Q1', text: { en: 'Q' }, type: 'NUMBER', dataType: 'FACT', options: [{ code: 'A', label: { en: 'A' }, points: 1 }] },
          ],
        },
      ],
      composites: [{ code: 'C', name: { en: 'C' }, indicators: ['B'] }],
      extra: true,
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['code', 'title', 'extra']));
    const second = parseIndexDocument({
      ...shipped,
      indicators: [
        {
          ...shipped.indicators[0],
          questions: [{ ...shipped.indicators[0].questions[1], options: [] }, shipped.indicators[0].questions[1]],
        },
        ...shipped.indicators.slice(1),
      ],
    });
    expect(second.problems).toEqual(
      expect.arrayContaining([
        { path: 'indicators[0].questions[0].options', message: 'a YES_NO question needs options with their points' },
        expect.objectContaining({ path: 'indicators[0].questions[1].code', message: expect.stringMatching(/^duplicate code 01.1/) }),
      ]),
    );
  });

  it('falls back to English where a translation is missing', () => {
    expect(localize({ en: 'Media', fr: 'Médias' }, 'fr')).toBe('Médias');
    expect(localize({ en: 'Media' }, 'de')).toBe('Media');
  });
});
