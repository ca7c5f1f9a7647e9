import { snapshot } from './audit-log.service';

describe('audit snapshots', () => {
  it('keep people by id only: no email, no full name, no loaded person or stakeholder', () => {
    const member = {
      id: 'm1',
      personId: 'p1',
      role: 'PEER',
      addedAt: new Date('2027-03-01T10:00:00Z'),
      person: { id: 'p1', fullName: 'Amira Haddad', email: 'amira@example.org' },
      stakeholders: [{ id: 's1', name: 'Jonas Lindqvist', consentToBeNamed: false }],
    };
    expect(snapshot(member)).toEqual({ id: 'm1', personId: 'p1', role: 'PEER', addedAt: '2027-03-01T10:00:00.000Z', stakeholders: [null] });
    expect(snapshot({ email: 'x@example.org', role: 'PEER', invitationId: 'i1' })).toEqual({ role: 'PEER', invitationId: 'i1' });
    expect(snapshot({ title: 'Interview', statement: 'Text stays as written.' })).toEqual({
      title: 'Interview',
      statement: 'Text stays as written.',
    });
    expect(snapshot(null)).toBeNull();
  });
});
