import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { Person } from '@peervisit/directory/entities';
import { formattingLocale, languageOf, Public } from '@peervisit/platform';
import { REVIEW_PERMISSIONS, statusesAllowing } from '@peervisit/review';
import { Review, TeamMember, VisitSession } from '@peervisit/review/entities';
import { createHash } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { buildCalendarFeed } from '../calendar/session-invite';
import { formatMessage } from '../templates/catalogue';

/**
 * A person's private feed of their visit sessions, for any calendar app; the secret is in the URL.
 * Only sessions of reviews the person is still on (in a role that reads the programme) and that
 * were not cancelled: calendar apps drop what the feed no longer lists. Like the invites, each
 * session is in its host city's zone (TZID, local time, a VTIMEZONE), and its texts are in the
 * person's language.
 */
@Public()
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  async feed(@Param('token') token: string): Promise<string> {
    const person = await this.dataSource
      .getRepository(Person)
      .findOneBy({ calendarTokenHash: createHash('sha256').update(token).digest('hex') });
    if (!person) throw new NotFoundException('No calendar at this address (it may have been reset).');
    const sessions = await this.dataSource
      .getRepository(VisitSession)
      .createQueryBuilder('s')
      .innerJoin('session_assignment', 'a', 'a.session_id = s.id AND a.person_id = :me', { me: person.id })
      .innerJoin(Review, 'r', 'r.id = s.reviewId AND r.status IN (:...shown)', { shown: statusesAllowing('showInCalendar') })
      // Read at every fetch: someone removed from the team, or whose role may no longer read the
      // programme, stops seeing its sessions at once, though they stay assigned in the history.
      .innerJoin(TeamMember, 'm', 'm.reviewId = s.reviewId AND m.personId = :me AND m.removedAt IS NULL AND m.role IN (:...roles)', {
        roles: REVIEW_PERMISSIONS['programme.read'],
      })
      .where('s.cancelledAt IS NULL')
      .orderBy('s.startsAt')
      .getMany();
    const reviewIds = [...new Set(sessions.map((s) => s.reviewId))];
    const reviews = reviewIds.length
      ? await this.dataSource.getRepository(Review).find({ where: { id: In(reviewIds) }, relations: { hostCity: true } })
      : [];
    const reviewOf = new Map(reviews.map((r) => [r.id, r]));
    const language = languageOf(person.locale);
    const locale = formattingLocale(language, person.locale);
    const t = (key: string, values: Record<string, unknown>) => formatMessage(language, locale, key, values);
    return buildCalendarFeed(
      sessions.map((s) => {
        const review = reviewOf.get(s.reviewId)!;
        const zone = review.hostCity!.timeZone;
        return {
          uid: `session-${s.id}-${person.id}@peervisit`,
          sequence: s.version,
          summary: t('calendar.summary', { kind: t(`kind.${s.kind}`, {}), title: s.title }),
          description: t('calendar.feedDescription', { review: review.title, zone }),
          location: s.location,
          start: s.startsAt,
          end: s.endsAt,
          timeZone: zone,
        };
      }),
      `PeerVisit: ${person.fullName}`,
      { language },
    );
  }
}
