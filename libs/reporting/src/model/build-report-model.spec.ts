import { renderReportHtml } from '../render/html-report';
import { nameAnonymiser } from '@peervisit/review';
import { reportNameCheck } from './report-name-check';
import { buildReportModel, canonicalJson, contentHash, WITHHELD_NAME } from './report-model';
import { sampleReportInput } from './report-input.fixture';

const input = sampleReportInput;

describe('buildReportModel', () => {
  it('never names a stakeholder who did not consent, anywhere in the model or the HTML; a consenting one may be named', async () => {
    const model = buildReportModel(input());
    const json = JSON.stringify(model);
    const page = await renderReportHtml(model);
    for (const text of [json, page]) {
      expect(text).not.toMatch(/Zebedee/i);
      expect(text).not.toMatch(/Quartermaine/);
      expect(text).not.toMatch(/Amal One/);
    }
    expect(model.annex.programme[0].title).toBe(`Interview with ${WITHHELD_NAME}`);
    expect(model.method.sources.namedStakeholders).toEqual([{ name: 'Olivia Open', position: null, organisation: null }]);
    expect(page).toContain('Olivia Open');
  });

  it('withholds the given name alone, the possessive and the lower-case forms in every field that carries team-written text', () => {
    const data = input();
    const forms = 'Zebedee noted it; Quartermaine’s view; as zebedee quartermaine put it, quartermaine agreed; Zébédée too.';
    const expected = `${WITHHELD_NAME} noted it; ${WITHHELD_NAME}’s view; as ${WITHHELD_NAME} put it, ${WITHHELD_NAME} agreed; ${WITHHELD_NAME} too.`;
    Object.assign(data.conclusions[0], { summary: forms, strengths: forms, areasToDevelop: forms });
    Object.assign(data.recommendations[2], { text: forms, suggestedOwner: forms });
    data.evidence[1].quote = forms;
    data.selfAssessment[0].narrative = forms;
    data.contextNotes[0].note = forms;
    data.documents[0].title = forms;
    data.sessions[1].title = forms;
    const model = buildReportModel(data);
    const kf2 = model.keyFactors.find((k) => k.code === '02')!;
    expect(kf2.conclusion).toMatchObject({ summary: expected, strengths: expected, areasToDevelop: expected });
    expect(kf2.evidence.quotes[1].text).toBe(expected);
    expect(model.recommendationTable[0].recommendations[0].text).toBe(expected);
    expect(model.executiveSummary.highPriorityRecommendations[0]).toMatchObject({ text: expected, suggestedOwner: expected });
    expect(model.keyFactors[0].selfAssessment!.narrative).toBe(expected);
    expect(model.context[0].note).toBe(expected);
    expect(model.method.sources.documents[0].title).toBe(expected);
    expect(model.annex.programme[0].title).toBe(expected);
    expect(JSON.stringify(model)).not.toMatch(/zebedee|zébédée|quartermaine/i);
    // The same function as the host city's GraphQL views, on the same people.
    const alone = nameAnonymiser({ stakeholders: data.stakeholders, team: [{ name: 'Piet Peer' }, { name: 'Lena Leader' }] });
    expect(alone.anonymise(forms)).toBe(expected);
  });

  it('never touches codes and enum values, even when a withheld name is one of them', () => {
    const data = input();
    data.stakeholders.push({
      id: 'n',
      name: 'Nadia Neutral',
      position: null,
      organisationName: null,
      category: data.stakeholders[0].category,
      consentToBeNamed: false,
    });
    const model = buildReportModel(data);
    const kf2 = model.keyFactors.find((k) => k.code === '02')!;
    expect(kf2.evidence.quotes.map((q) => q.stance)).toEqual(['SUPPORTS', 'NEUTRAL']);
    expect(kf2.evidence.byStance.map((s) => s.stance)).toEqual(['SUPPORTS', 'CONTRADICTS', 'NEUTRAL']);
    // Team text: "Low" is also an ordinary word, and at the start of a sentence it is taken to be the word.
    expect(model.recommendationTable.find((c) => c.priority === 'LOW' && c.horizon === 'LONG_TERM')!.recommendations[0].text).toBe(
      'Low, long.',
    );
  });

  it("the expert leader's check lists each place, withheld or standing, without changing the model or its hash", () => {
    const data = input();
    data.conclusions[0].summary = 'Zebedee spoke; Olivia Open and Lena agreed; Quartermaen disagreed.';
    const before = contentHash(buildReportModel(data));
    const places = reportNameCheck(data);
    expect(places.map((p) => [p.where, p.found, p.status, p.reason])).toEqual([
      ['Key factor 02, quote 2: text', 'Quartermaine', 'WITHHELD', 'NOT_CONSENTED'],
      ['Key factor 02, conclusion: summary', 'Zebedee', 'WITHHELD', 'NOT_CONSENTED'],
      ['Key factor 02, conclusion: summary', 'Olivia Open', 'STANDING', 'CONSENTED'],
      ['Key factor 02, conclusion: summary', 'Lena', 'STANDING', 'TEAM_MEMBER'],
      ['Key factor 02, conclusion: summary', 'Quartermaen', 'STANDING', 'NEAR_MATCH'],
      ['Programme, interview of 2027-03-10 09:00: title', 'Zebedee Quartermaine', 'WITHHELD', 'NOT_CONSENTED'],
    ]);
    expect(places[1]).toMatchObject({
      field: 'keyFactors[1].conclusion.summary',
      name: 'Zebedee Quartermaine',
      excerpt: `${WITHHELD_NAME} spoke; Olivia Open and Lena agreed; Quartermaen disagreed.`,
    });
    expect(contentHash(buildReportModel(data))).toBe(before);
  });

  it('counts categories with fewer than three people met (in sessions held) as "other stakeholders" and attributes their quotes the same way', () => {
    const model = buildReportModel(input());
    expect(model.method.sources.stakeholdersMet).toBe(6);
    expect(model.method.sources.stakeholderCategories).toEqual([
      { label: 'migrant organisations', count: 3 },
      { label: 'other stakeholders', count: 3 },
    ]);
    const quotes = model.keyFactors.find((k) => k.code === '02')!.evidence.quotes;
    expect(quotes).toEqual([
      { text: 'We are heard.', attribution: 'a representative of a migrant organisation', stance: 'SUPPORTS' },
      { text: `${WITHHELD_NAME} here: diversity is our strength.`, attribution: 'another stakeholder', stance: 'NEUTRAL' },
    ]);
    expect(model.annex.programme.map((s) => s.stakeholderCategories)).toEqual([
      [{ label: 'other stakeholders', count: 3 }],
      [
        { label: 'migrant organisations', count: 3 },
        { label: 'other stakeholders', count: 1 },
      ],
    ]);
  });

  it('leaves out retracted evidence and documents, withdrawn recommendations, draft conclusions, cancelled sessions and key factors out of scope', () => {
    const model = buildReportModel(input());
    const json = JSON.stringify(model);
    for (const text of ['A retracted remark', 'Withdrawn memo', 'Withdrawn one', 'Draft.', 'Cancelled', 'Out of scope', 'Heading 3'])
      expect(json).not.toContain(text);
    const kf2 = model.keyFactors.find((k) => k.code === '02')!;
    expect(kf2.evidence.total).toBe(2);
    expect(kf2.evidence.bySource.find((s) => s.source === 'INTERVIEW')!.count).toBe(1);
    expect(kf2.evidence.byStance).toEqual([
      { stance: 'SUPPORTS', count: 1 },
      { stance: 'CONTRADICTS', count: 0 },
      { stance: 'NEUTRAL', count: 1 },
    ]);
    expect(model.method.sources).toMatchObject({
      documents: [{ title: 'Integration strategy', type: 'STRATEGY' }],
      interviews: 1,
      focusGroups: 1,
      sessionsHeld: 2,
    });
  });

  it('orders key factors by number, recommendations by priority then horizon, and gives dates as local ISO strings', () => {
    const model = buildReportModel(input());
    expect(model.keyFactors.map((k) => k.code)).toEqual(['01', '02']);
    expect(model.executiveSummary.keyFactors).toEqual([
      { code: '01', heading: 'Heading 1', rating: { value: 1, label: 'Emerging' } },
      { code: '02', heading: 'Heading 2', rating: { value: 3, label: 'Established' } },
    ]);
    expect(model.recommendationTable.flatMap((c) => c.recommendations.map((r) => `${r.ref} ${r.text}`))).toEqual([
      'R1 High, quick.',
      'R2 High, long.',
      'R3 Low, long.',
    ]);
    expect(model.executiveSummary.highPriorityRecommendations.map((r) => r.ref)).toEqual(['R1', 'R2']);
    expect(model.keyFactors[0].recommendations.map((r) => r.ref)).toEqual(['R1', 'R3']);
    expect(model.keyFactors[1].goodPractices).toEqual([
      { city: 'Bergen', text: 'Bergen did it.', referencedByRecommendations: ['R1'] },
      { city: 'Oslo', text: 'Oslo did it.', referencedByRecommendations: [] },
    ]);
    expect(model.keyFactors[1].recommendations[0].relatedExamples).toEqual([
      { keyFactorCode: '02', city: 'Bergen', text: 'Bergen did it.' },
    ]);
    expect(model.cover.visit).toEqual({ startDate: '2027-03-10', endDate: '2027-03-11' });
    expect(model.cover.team).toEqual([
      { name: 'Lena Leader', role: 'Expert leader', city: null },
      { name: 'Piet Peer', role: 'Peer', city: 'Rotterdam' },
    ]);
    expect(model.annex.programme[0]).toMatchObject({
      startsAt: '2027-03-10T09:00:00+01:00',
      endsAt: '2027-03-10T10:00:00+01:00',
      keyFactorCodes: ['01'],
    });
    // Plain JSON only: no Date objects, nothing lost in a round trip, no ids of rows.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(JSON.stringify(model)).not.toMatch(/"(kf|r|x|s|e|d)-[\w-]+"/);
  });

  it('gives the same hash for the same data, whatever the order it was loaded in; a changed rating changes it', () => {
    const a = input();
    const b = input();
    b.keyFactors.reverse();
    b.evidence.reverse();
    b.recommendations.reverse();
    b.sessions.reverse();
    b.stakeholders.reverse();
    b.examples.reverse();
    expect(contentHash(buildReportModel(b))).toBe(contentHash(buildReportModel(a)));
    expect(contentHash(buildReportModel(a))).toMatch(/^[0-9a-f]{64}$/);
    const c = input();
    c.conclusions[0].rating = 2;
    expect(contentHash(buildReportModel(c))).not.toBe(contentHash(buildReportModel(a)));
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
  });
});

describe('renderReportHtml', () => {
  it('is a complete document with the cover, the summary table and each key factor, with everything escaped', async () => {
    const data = input();
    data.keyFactors[1].heading = '<script>alert("x")</script> & more';
    const page = await renderReportHtml(buildReportModel(data));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain('<h1>Testby: follow-up report</h1>');
    expect(page).toContain('<caption>Key factors and their ratings</caption>');
    expect(page).toContain('<th scope="col">Rating</th>');
    expect(page).toContain('id="kf-01-h"');
    expect(page).toContain('id="kf-02-h"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page).toContain('Credit to EUROCITIES.');
  });
});
