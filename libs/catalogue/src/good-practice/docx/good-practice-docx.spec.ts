import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import mammoth from 'mammoth';
import { CRITERIA_LABELS, GoodPracticeDocument, goodPracticeDocumentSchema } from '../good-practice-document';
import { parseFieldOfAction, parseTemplateDate } from './good-practice-docx-labels';
import { readGoodPracticeDocx } from './read-good-practice-docx';
import { writeGoodPracticeDocx } from './write-good-practice-docx';

/** Bergen's good practice, text verbatim from the ICC example (Council of Europe Intercultural Cities). */
const bergen: GoodPracticeDocument = goodPracticeDocumentSchema.parse({
  contact: { city: 'Bergen', country: 'NO', department: undefined, completedOn: '2023-05-24', contactPerson: 'Kari Nordmann' },
  action: {
    title: 'Public statement of intentions as an Intercultural city',
    mainFieldOfAction: '1',
    furtherFieldsOfAction: [],
    mainPurpose: 'Formally adopt a public statement of the city’s intentions as an Intercultural city.',
    implementationPeriod: undefined,
  },
  description: {
    purpose: 'The city council of Bergen wanted to formally adopt a public statement of its intentions as an Intercultural city.',
    stimulus:
      "The primary driver for this initiative was political commitment. The municipality wanted to design and implement an intercultural city policy that recognizes all cultures as unique while focusing on shared values. All inhabitants in Bergen should be seen as who they are and not as a member of a specific ethnic or religious group. It is also important to highlight an individual's transnational identity as something positive and as a resource for Bergen.",
    process:
      'A strategy for inclusion and diversity was developed by the department of social services, housing, and inclusion, along with an action plan to put the strategy into practice. The strategy was then formally approved by the city council of Bergen.\nIn addition to the measures in integration action plan, the city also provides a diversity award as a means of acknowledging local services that have succeeded in this field. Previous recipients of the diversity award include intercultural doulas, who provide guidance and support to pregnant women of immigrant backgrounds.',
    impact:
      "Some of the implemented measures since the plan was approved are:\n- A course series to train employees in schools, the social security sector and similar, to help people who are subject to negative social control. Negative social control is defined as various forms of supervision, pressure, threats and coercion that are exercised to ensure that individuals live in line with the family's or group's norms. The control is characterized by the fact that it is systematic and may violate the individual's rights in accordance with, among other things, the Convention on the Rights of the Child and Norwegian law.\n- A collaborative project called Bergen Opportunity to support and mentor business talents in Bergen with an immigrant background.",
    keyReferenceDocuments: [{ title: 'Verden-i-Bergen-plan-for-inkludering-og-mangfold' }],
  },
  criteria: {
    goalOriented: {
      met: true,
      justification: 'A formal political commitment to an intercultural city policy, approved by the city council.',
    },
    capableOfBeingModelled: { met: true, justification: 'A strategy and an action plan that other cities can adopt in the same way.' },
    highlyImpacting: { met: false, justification: '' },
  },
});

async function html(buffer: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer })).value;
}

function twoColumnTable(rows: [string, string][]): Table {
  return new Table({
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [new TableCell({ children: [new Paragraph(label)] }), new TableCell({ children: [new Paragraph(value)] })],
        }),
    ),
  });
}

describe('good practice DOCX', () => {
  it('round-trips the Bergen example: every field lands where the template puts it', async () => {
    const buffer = await writeGoodPracticeDocx(bergen);
    const result = await readGoodPracticeDocx(buffer);
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual(bergen);
    expect(result.document?.contact.department).toBeUndefined();
    expect(result.document?.criteria.customerResponsive).toBeUndefined();
  });

  it('round-trips further fields, hyperlinked references, paragraphs, bullets and markup characters', async () => {
    const doc = goodPracticeDocumentSchema.parse({
      contact: { city: 'Rotterdam & Schiedam', department: 'Diversity <Equality> "Section"', completedOn: '2024-02-29' },
      action: {
        title: 'Anti-rumour network: “Yes, we talk”',
        mainFieldOfAction: '4',
        furtherFieldsOfAction: ['3a', '14c', '5'],
        mainPurpose: 'Counter rumours about newcomers.',
        implementationPeriod: '2021–2023',
      },
      description: {
        purpose: 'First paragraph.\n\nSecond paragraph,\nwith a line break.',
        stimulus: 'Stimulus: what started it.',
        process: 'Steps:\n- one\n- two\nAfter the list.',
        impact: 'N/A is not the whole text here.',
        keyReferenceDocuments: [
          { title: 'Anti-rumour handbook', url: 'https://example.org/handbook?lang=en&page=2' },
          { title: 'Evaluation report 2023' },
        ],
      },
      criteria: Object.fromEntries(
        Object.keys(CRITERIA_LABELS).map((k, i) => [k, { met: i % 2 === 0, justification: `Because ${k}.\n\nMore.` }]),
      ),
    });
    const buffer = await writeGoodPracticeDocx(doc);
    const result = await readGoodPracticeDocx(buffer);
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual(doc);
    expect(await html(buffer)).toContain('<a href="https://example.org/handbook?lang=en&amp;page=2">');
  });

  it('writes a real DOCX with the template headings, labels and tables', async () => {
    const buffer = await writeGoodPracticeDocx(bergen);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const raw = (await mammoth.extractRawText({ buffer })).value;
    for (const text of [
      'Good practice',
      'Contact details',
      'City:',
      'Bergen',
      'Department:',
      'N/A',
      'Date of completing the form (DD/MM/YYYY):',
      '24/05/2023',
      'Contact person:',
      'The Action',
      'Title:',
      'Main field of action:',
      '1. Leadership and Political commitment',
      'Main purpose:',
      'Implementation period:',
      'Description',
      'Purpose',
      'Stimulus/Rationale',
      'Process',
      'Impact',
      'Key reference documents',
      'Criteria',
      ...Object.values(CRITERIA_LABELS),
    ]) {
      expect(raw).toContain(text);
    }
    const markup = await html(buffer);
    expect(markup.match(/<table>/g)).toHaveLength(3);
    expect(markup).toContain('<h1>Contact details</h1>');
    expect(markup).toContain('<h1>The Action</h1>');
    expect(markup).toContain('<h1>Description</h1>');
    expect(markup).toContain('<h2>Stimulus/Rationale</h2>');
    expect(markup).toContain('<li>A collaborative project called Bergen Opportunity');
  });

  it('writes the field of action as "code. title", with titles from the options when given', async () => {
    const doc = { ...bergen, action: { ...bergen.action, mainFieldOfAction: '5', furtherFieldsOfAction: ['7b'] } };
    const raw = (await mammoth.extractRawText({ buffer: await writeGoodPracticeDocx(doc) })).value;
    expect(raw).toContain('5. Education');
    expect(raw).toContain('7b. Sustainable housing');
    const custom = (await mammoth.extractRawText({ buffer: await writeGoodPracticeDocx(doc, { fieldTitles: { '5': 'Schools' } }) })).value;
    expect(custom).toContain('5. Schools');
  });

  it('reads a document filled in from the Word template, with its label variations', async () => {
    const word = new Document({
      sections: [
        {
          children: [
            // The guide's own example comes before the form and must not be read.
            new Paragraph({ text: 'Description of the Action', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Purpose: This research initiative was undertaken by Bergen Municipality.'),
            new Paragraph({ text: 'TEMPLATE FOR REPORTING', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Contact details', heading: HeadingLevel.HEADING_2 }),
            twoColumnTable([
              ['CITY:', 'Rotterdam'],
              ['Department :', 'n/a'],
              ['Date of completing the form:', '24/05/2023'],
              ['Contact person', 'Pieter de Vries'],
            ]),
            new Paragraph({ text: 'The Action', heading: HeadingLevel.HEADING_2 }),
            twoColumnTable([
              ['Title :', 'Schools as intercultural meeting places'],
              ['Main field of action:', 'Education'],
              ['Main purpose:', 'Bring parents of all backgrounds into schools.'],
              ['Implementation period\u00a0:', '2022-2023'],
            ]),
            new Paragraph('Purpose: Make schools places where families meet.'),
            new Paragraph('Stimulus / rationale: Parents of migrant background rarely came to school events.'),
            new Paragraph('Process:'),
            new Paragraph('Schools invited parents to monthly evenings.'),
            new Paragraph('Teachers were trained in intercultural competence.'),
            new Paragraph('IMPACT : More parents take part.'),
            new Paragraph('Key reference documents: Schools report 2023 (https://example.org/schools.pdf)'),
            new Paragraph('Goal-oriented: Yes – it improves the sense of belonging.'),
          ],
        },
      ],
    });
    const result = await readGoodPracticeDocx(await Packer.toBuffer(word));
    expect(result.problems).toEqual([]);
    expect(result.document).toEqual({
      contact: { city: 'Rotterdam', completedOn: '2023-05-24', contactPerson: 'Pieter de Vries' },
      action: {
        title: 'Schools as intercultural meeting places',
        mainFieldOfAction: '5',
        furtherFieldsOfAction: [],
        mainPurpose: 'Bring parents of all backgrounds into schools.',
        implementationPeriod: '2022-2023',
      },
      description: {
        purpose: 'Make schools places where families meet.',
        stimulus: 'Parents of migrant background rarely came to school events.',
        process: 'Schools invited parents to monthly evenings.\n\nTeachers were trained in intercultural competence.',
        impact: 'More parents take part.',
        keyReferenceDocuments: [{ title: 'Schools report 2023', url: 'https://example.org/schools.pdf' }],
      },
      criteria: { goalOriented: { met: true, justification: 'it improves the sense of belonging.' } },
    });
  });

  it('reports a wrong date, an unknown field of action and an unclear Yes/No with their paths', async () => {
    const word = new Document({
      sections: [
        {
          children: [
            twoColumnTable([
              ['City', 'Bergen'],
              ['Date of completing the form', '31/02/2023'],
              ['Title', 'Something'],
              ['Main field of action', 'Astronomy'],
              ['Goal-oriented', 'Maybe'],
            ]),
          ],
        },
      ],
    });
    const result = await readGoodPracticeDocx(await Packer.toBuffer(word));
    expect(result.document).toBeUndefined();
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'action.mainFieldOfAction',
      'contact.completedOn',
      'criteria.goalOriented.met',
    ]);
    expect(result.problems.find((p) => p.path === 'contact.completedOn')?.message).toContain('31/02/2023');
  });

  it('returns problems, including one for action.title, and no document for a DOCX that is not a good practice', async () => {
    const word = new Document({ sections: [{ children: [new Paragraph('Minutes of the steering group meeting, nothing else.')] }] });
    const result = await readGoodPracticeDocx(await Packer.toBuffer(word));
    expect(result.document).toBeUndefined();
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['action.title', 'action.mainFieldOfAction', 'contact.city', 'file']));
    expect(result.problems.find((p) => p.path === 'action.title')?.message).toMatch(/title/i);
  });

  it('gives a clear problem, not a crash, for a file that is not a DOCX', async () => {
    const notZip = await readGoodPracticeDocx(Buffer.from('City: Bergen\nTitle: not a Word file'));
    expect(notZip.document).toBeUndefined();
    expect(notZip.problems).toEqual([{ path: 'file', message: expect.stringContaining('not a Word document') }]);

    const brokenZip = await readGoodPracticeDocx(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
    expect(brokenZip.document).toBeUndefined();
    expect(brokenZip.problems).toEqual([{ path: 'file', message: expect.stringContaining('could not be read as a Word document') }]);

    expect((await readGoodPracticeDocx(Buffer.alloc(0))).problems).toEqual([{ path: 'file', message: 'The file is empty.' }]);
  });

  it('parses dates and fields of action tolerantly', () => {
    expect(parseTemplateDate('24/05/2023')).toBe('2023-05-24');
    expect(parseTemplateDate('4.5.2023')).toBe('2023-05-04');
    expect(parseTemplateDate('2023-05-24')).toBe('2023-05-24');
    expect(parseTemplateDate('29/02/2023')).toBeUndefined();
    expect(parseTemplateDate('DD/MM/YYYY')).toBeUndefined();
    for (const value of ['5', '5.', '5. Education', 'Education', ' education ', '5 Education']) expect(parseFieldOfAction(value)).toBe('5');
    expect(parseFieldOfAction('3a')).toBe('3a');
    expect(parseFieldOfAction('3 a) Gender and intersectionality')).toBe('3a');
    expect(parseFieldOfAction('Roma and Travelers')).toBe('3b');
    expect(parseFieldOfAction('14. Welcoming newcomers')).toBe('14');
    expect(parseFieldOfAction('17')).toBeUndefined();
    expect(parseFieldOfAction('Astronomy')).toBeUndefined();
  });
});
