import { nameAnonymiser, excerptAround, KnownPeople, WITHHELD_NAME } from './name-anonymiser';

const W = WITHHELD_NAME;
const people = (extra: Partial<KnownPeople> = {}): KnownPeople => ({
  stakeholders: [
    { name: 'Amira Haddad', consentToBeNamed: false },
    { name: 'José García', consentToBeNamed: false },
    { name: 'Hope Mbeki', consentToBeNamed: false },
    { name: 'Will Young', consentToBeNamed: false },
    { name: 'Pieter van der Berg', consentToBeNamed: false },
    { name: 'Olivia Open', consentToBeNamed: true },
    { name: null, consentToBeNamed: false },
    ...(extra.stakeholders ?? []),
  ],
  team: [{ name: 'Lena Leader' }, { name: 'Amira Peer' }, ...(extra.team ?? [])],
});

describe('NameAnonymiser', () => {
  const a = nameAnonymiser(people());

  it.each([
    ['full name', 'We met Amira Haddad on Tuesday.', `We met ${W} on Tuesday.`],
    ['full name over a line break, any case', 'we met AMIRA\nhaddad there', `we met ${W} there`],
    ['surname alone', 'Haddad noted that the office was closed.', `${W} noted that the office was closed.`],
    ['given name alone', 'Amira noted that the office was closed.', `${W} noted that the office was closed.`],
    ['possessive', "Haddad's view, and Amira’s too.", `${W}'s view, and ${W}’s too.`],
    ['lower case', 'as haddad put it, amira agreed', `as ${W} put it, ${W} agreed`],
    ['without the diacritics', 'Jose Garcia and GARCIA and garcía', `${W} and ${W} and ${W}`],
    ['decomposed diacritics', 'Jose\u0301 spoke', `${W} spoke`],
    ['a multi-word surname and its last word', 'Van der Berg said so; Berg agreed; Pieter too.', `${W} said so; ${W} agreed; ${W} too.`],
    ['an ordinary word mid-sentence, capitalised', 'We asked Hope and Will about it.', `We asked ${W} and ${W} about it.`],
    ['an ordinary word in the possessive, even first', "Hope's view was clear.", `${W}'s view was clear.`],
    ['a full name made of ordinary words', 'Will Young came.', `${W} came.`],
  ])('withholds a %s', (_, text, expected) => {
    expect(a.anonymise(text)).toBe(expected);
  });

  it.each([
    ['the ordinary word in lower case', 'There is hope; the city will act and young people will join.'],
    ['an ordinary word at the start of a sentence', 'Hope is what residents need. Will the city act?'],
    ['a longer word that contains a name', 'The Haddadi family and Amiras are different names.'],
    ['particles alone', 'The van der Waals forces.'],
    [
      "a consenting stakeholder's and a team member's full name, even sharing a part",
      'Olivia Open and Amira Peer spoke; Lena Leader chaired.',
    ],
  ])('leaves %s', (_, text) => {
    expect(a.anonymise(text)).toBe(text);
  });

  it('withholds nothing when everyone consented, and copies plain JSON deeply', () => {
    const none = nameAnonymiser({ stakeholders: [{ name: 'Olivia Open', consentToBeNamed: true }], team: [] });
    expect(none.withholdsAny).toBe(false);
    expect(none.anonymise('Olivia Open')).toBe('Olivia Open');
    expect(a.anonymiseDeep({ x: ['Amira said', 2, null, { y: 'Haddad' }] })).toEqual({ x: [`${W} said`, 2, null, { y: W }] });
  });

  it('scan lists withheld names and names that stand: consented, team, ordinary words left, near matches', () => {
    const text = 'Hope spoke first. Amira Haddad, Olivia Open and Lena agreed; Hadad and Amria disagreed.';
    const found = a.scan(text).map((f) => [f.found, f.status, f.reason, f.name]);
    expect(found).toEqual([
      ['Hope', 'STANDING', 'ORDINARY_WORD', 'Hope Mbeki'],
      ['Amira Haddad', 'WITHHELD', 'NOT_CONSENTED', 'Amira Haddad'],
      ['Olivia Open', 'STANDING', 'CONSENTED', 'Olivia Open'],
      ['Lena', 'STANDING', 'TEAM_MEMBER', 'Lena Leader'],
      ['Hadad', 'STANDING', 'NEAR_MATCH', 'Amira Haddad'],
      ['Amria', 'STANDING', 'NEAR_MATCH', 'Amira Haddad'],
    ]);
    const withheld = a.scan(text).find((f) => f.status === 'WITHHELD')!;
    expect(excerptAround(a, text, withheld, 20)).toBe(`Hope spoke first. ${W}, Olivia Open and…`);
  });

  it('a name shared with a consenting stakeholder is not withheld', () => {
    const b = nameAnonymiser({
      stakeholders: [
        { name: 'Sam Lee', consentToBeNamed: false },
        { name: 'sam  lee', consentToBeNamed: true },
      ],
      team: [],
    });
    expect(b.anonymise('Sam Lee said')).toBe('Sam Lee said');
  });
});
