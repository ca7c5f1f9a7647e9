import { eveningBefore } from './reminder-planner';

/** Issue 19: the reminder "the evening before" a session comes in the recipient's evening, wherever they are. */
describe('eveningBefore', () => {
  const start = new Date('2027-03-10T08:00:00Z'); // 09:00 in Oslo, 03:00 in New York

  it('is 18:00 on the eve in the recipient’s own zone', () => {
    expect(eveningBefore(start, 'Europe/Oslo').toISOString()).toBe('2027-03-09T17:00:00.000Z');
    expect(eveningBefore(start, 'Europe/Lisbon').toISOString()).toBe('2027-03-09T18:00:00.000Z');
    expect(eveningBefore(start, 'Asia/Tokyo').toISOString()).toBe('2027-03-09T09:00:00.000Z');
  });

  it('is the eve of the session’s local day for the recipient, however far west', () => {
    // 03:00 in New York on the 10th: the eve there is the 9th, 18:00 EST = 23:00 UTC, before the start.
    expect(eveningBefore(start, 'America/New_York').toISOString()).toBe('2027-03-09T23:00:00.000Z');
    // Honolulu: the session is at 22:00 on the 9th local; its eve, the 8th at 18:00, is well before.
    expect(eveningBefore(start, 'Pacific/Honolulu').toISOString()).toBe('2027-03-09T04:00:00.000Z');
  });

  it('follows the recipient’s daylight-saving change', () => {
    // Lisbon goes to UTC+1 on 28 March 2027: the evening of the 28th is 17:00 UTC.
    expect(eveningBefore(new Date('2027-03-29T08:00:00Z'), 'Europe/Lisbon').toISOString()).toBe('2027-03-28T17:00:00.000Z');
  });
});
