import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person, STAKEHOLDER_CATEGORY_PHRASE } from '@peervisit/directory/entities';
import { CurrentUser, notFound } from '@peervisit/platform';
import { formatInZone, VisitService } from '@peervisit/review';
import { Review } from '@peervisit/review/entities';
import { DataSource, In } from 'typeorm';
import { SESSION_KIND_LABEL } from '../model/report-model';
import { ProgrammeDocument, renderProgrammePdf } from './programme-pdf';

/** The printable programme: read like visitProgramme (everyone on the review), rendered as a PDF. */
@Injectable()
export class ProgrammeExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visits: VisitService,
  ) {}

  async pdf(user: CurrentUser, reviewId: string): Promise<{ fileName: string; body: Buffer }> {
    const programme = await this.visits.programme(user, reviewId);
    const review = await this.dataSource.getRepository(Review).findOneBy({ id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const sessions = programme.days.flatMap((d) => d.sessions);
    const ids = sessions.map((s) => s.id);
    const assignments = ids.length ? await this.visits.assignmentsOf(ids) : [];
    const met = ids.length ? await this.visits.stakeholdersOf(ids) : [];
    const people = assignments.length
      ? await this.dataSource.getRepository(Person).findBy({ id: In(assignments.map((a) => a.personId)) })
      : [];
    const keyFactorIds = [...new Set(sessions.flatMap((s) => s.keyFactorIds))];
    const keyFactors = keyFactorIds.length ? await this.dataSource.getRepository(KeyFactor).findBy({ id: In(keyFactorIds) }) : [];
    const tz = programme.timeZone;
    const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const model: ProgrammeDocument = {
      reviewTitle: review.title,
      cityName: city.name,
      timeZone: tz,
      generatedOn: formatInZone(new Date(), tz).slice(0, 10),
      days: programme.days.map((day) => ({
        label: dayLabel.format(new Date(`${day.date}T12:00:00Z`)),
        sessions: day.sessions.map((s) => ({
          title: s.title,
          kindLabel: SESSION_KIND_LABEL[s.kind],
          from: formatInZone(s.startsAt, tz).slice(11, 16),
          to: formatInZone(s.endsAt, tz).slice(11, 16),
          location: s.location,
          team: assignments
            .filter((a) => a.sessionId === s.id)
            .map(
              (a) => `${people.find((p) => p.id === a.personId)?.fullName ?? 'a team member'} (${a.part.toLowerCase().replace('_', '-')})`,
            ),
          // The programme is for those who organise the meetings; whether a person may be named in the report is said beside them.
          stakeholders: met
            .filter((m) => m.sessionId === s.id)
            .map(({ stakeholder: x }) => {
              const who = [x.name, x.position].filter(Boolean).join(', ') || STAKEHOLDER_CATEGORY_PHRASE[x.category];
              return `${who} (${STAKEHOLDER_CATEGORY_PHRASE[x.category]}${x.consentToBeNamed ? '' : '; not to be named in the report'})`;
            }),
          keyFactors: s.keyFactorIds.map((id) => keyFactors.find((k) => k.id === id)?.code ?? '').filter(Boolean),
        })),
      })),
    };
    const slug = city.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    return { fileName: `${slug || 'visit'}-programme.pdf`, body: await renderProgrammePdf(model) };
  }
}
