import { formatInZone, parseInZone } from './zoned-time';

describe('zoned time', () => {
  it('shows an instant in the city time zone, with the offset of that date', () => {
    expect(formatInZone(new Date('2027-03-10T08:00:00Z'), 'Europe/Oslo')).toBe('2027-03-10T09:00:00+01:00');
    expect(formatInZone(new Date('2027-06-10T08:00:00Z'), 'Europe/Oslo')).toBe('2027-06-10T10:00:00+02:00');
    expect(formatInZone(new Date('2027-06-10T08:00:00Z'), 'America/Sao_Paulo')).toBe('2027-06-10T05:00:00-03:00');
  });

  it('reads a local time as local to the city, and an ISO instant as that instant', () => {
    expect(parseInZone('2027-03-10T09:00', 'Europe/Oslo')?.toISOString()).toBe('2027-03-10T08:00:00.000Z');
    expect(parseInZone('2027-07-01', 'Europe/Oslo')?.toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(parseInZone('2027-03-10T09:00:00Z', 'Europe/Oslo')?.toISOString()).toBe('2027-03-10T09:00:00.000Z');
    expect(parseInZone('2027-03-28T03:30', 'Europe/Oslo')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(parseInZone('next Tuesday', 'Europe/Oslo')).toBeUndefined();
    expect(parseInZone('2027-02-30', 'Europe/Oslo')).toBeUndefined();
  });
});
