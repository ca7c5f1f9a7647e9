import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person } from '@peervisit/directory/entities';
import { CurrentUser, notFound } from '@peervisit/platform';
import { formatInZone, stakeholdersAsShownTo, VisitService } from '@peervisit/review';
import { Review } from '@peervisit/review/entities';
import { DataSource, In } from 'typeorm';
import { reportText } from '../render/report-text';
import type { ProgrammeDocument } from './programme-pdf';

// Loaded on first use: pdfkit and docx are large, and most processes never render. `require` rather
// than `import()`, for which TypeScript's nodenext rules would want a `.js` file name.
/* eslint-disable @typescript-eslint/no-require-imports */
const programmePdf = (): typeof import('./programme-pdf') => require('./programme-pdf');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The printable programme: read like visitProgramme (everyone on the review), rendered as a PDF in
 * the reader's language (its fixed texts are the report catalogue's `programme.*`).
 */
@Injectable()
export class ProgrammeExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visits: VisitService,
  ) {}

  async pdf(user: CurrentUser, reviewId: string, language?: string): Promise<{ fileName: string; language: string; body: Buffer }> {
    const T = reportText(language);
    const programme = await this.visits.programme(user, reviewId);
    const review = await this.dataSource.getRepository(Review).findOneBy({ id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const sessions = programme.days.flatMap((d) => d.sessions);
    const ids = sessions.map((s) => s.id);
    const assignments = ids.length ? await this.visits.assignmentsOf(ids) : [];
    const links = ids.length ? await this.visits.stakeholdersOf(ids) : [];
    // Each stakeholder as this reader may see them (a withdrawn name is withheld outside the team: stakeholder-name.ts).
    const shown = await stakeholdersAsShownTo(
      this.dataSource,
      user.personId,
      reviewId,
      links.map((l) => l.stakeholder),
      T.t('withheldName'),
    );
    const met = links.map((l, i) => ({ sessionId: l.sessionId, stakeholder: shown[i] }));
    const people = assignments.length
      ? await this.dataSource.getRepository(Person).findBy({ id: In(assignments.map((a) => a.personId)) })
      : [];
    const keyFactorIds = [...new Set(sessions.flatMap((s) => s.keyFactorIds))];
    const keyFactors = keyFactorIds.length ? await this.dataSource.getRepository(KeyFactor).findBy({ id: In(keyFactorIds) }) : [];
    const tz = programme.timeZone;
    const dayLabel = new Intl.DateTimeFormat(T.locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const model: ProgrammeDocument = {
      language: T.language,
      reviewTitle: review.title,
      cityName: city.name,
      timeZone: tz,
      generatedOn: T.day(formatInZone(new Date(), tz).slice(0, 10)),
      days: programme.days.map((day) => ({
        label: dayLabel.format(new Date(`${day.date}T12:00:00Z`)),
        sessions: day.sessions.map((s) => ({
          title: s.title,
          kindLabel: T.label('sessionKind', s.kind),
          from: formatInZone(s.startsAt, tz).slice(11, 16),
          to: formatInZone(s.endsAt, tz).slice(11, 16),
          location: s.location,
          team: assignments
            .filter((a) => a.sessionId === s.id)
            .map((a) =>
              T.t('programme.member', {
                name: people.find((p) => p.id === a.personId)?.fullName ?? T.t('programme.aTeamMember'),
                part: T.label('programme.part', a.part),
              }),
            ),
          // The programme is for those who organise the meetings; whether a person may be named in the report is said beside them.
          stakeholders: met
            .filter((m) => m.sessionId === s.id)
            .map(({ stakeholder: x }) => {
              const category = T.label('attribution', x.category);
              const who = [x.name, x.position].filter(Boolean).join(', ') || category;
              return T.t(x.consentToBeNamed ? 'programme.stakeholder' : 'programme.stakeholderNotNamed', { who, category });
            }),
          keyFactors: s.keyFactorIds.map((id) => keyFactors.find((k) => k.id === id)?.code ?? '').filter(Boolean),
        })),
      })),
    };
    const slug = city.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    return {
      fileName: `${slug || 'visit'}-programme.pdf`,
      language: T.language,
      body: await programmePdf().renderProgrammePdf(model),
    };
  }
}
