import PDFDocument from 'pdfkit';
import { PDF_FONTS } from '../render/pdf-report';
import { reportText } from '../render/report-text';

export interface ProgrammeSessionLine {
  title: string;
  kindLabel: string;
  /** Local times in the host city, "09:00". */
  from: string;
  to: string;
  location: string | null;
  team: string[];
  stakeholders: string[];
  keyFactors: string[];
}

export interface ProgrammeDocument {
  /** The language of the fixed texts (en, fr, de); the day labels and the rest come written in it. */
  language: string;
  reviewTitle: string;
  cityName: string;
  timeZone: string;
  /** e.g. "Tuesday 9 March 2027" / "mardi 9 mars 2027", with its sessions in time order. */
  days: { label: string; sessions: ProgrammeSessionLine[] }[];
  generatedOn: string;
}

const MARGIN = 48;
const ACCENT = '#0b3558';
const MUTED = '#555555';

/** The visit programme for the host city and the team: day by day, each session with its place, time and who attends. */
export function renderProgrammePdf(model: ProgrammeDocument): Promise<Buffer> {
  const { t, language } = reportText(model.language);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: PDF_FONTS.regular,
    lang: language,
    displayTitle: true,
    info: {
      Title: t('programme.documentTitle', { city: model.cityName }),
      Subject: model.reviewTitle,
      Creator: 'PeerVisit',
      Producer: 'PeerVisit',
    },
  });
  doc.registerFont('R', PDF_FONTS.regular);
  doc.registerFont('B', PDF_FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  doc
    .font('B')
    .fontSize(18)
    .fillColor(ACCENT)
    .text(t('programme.heading', { city: model.cityName }), { width });
  doc.font('R').fontSize(11).fillColor('#1a1a1a').text(model.reviewTitle, { width });
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('programme.timesLocal', { city: model.cityName, zone: model.timeZone, date: model.generatedOn }), { width });
  doc.moveDown(0.8);
  if (!model.days.length) doc.font('R').fontSize(11).fillColor(MUTED).text(t('programme.none'), { width });
  for (const day of model.days) {
    ensure(60);
    doc.moveDown(0.4);
    doc.font('B').fontSize(14).fillColor(ACCENT).text(day.label, MARGIN, doc.y, { width });
    const y = doc.y + 2;
    doc
      .save()
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(1)
      .strokeColor(ACCENT)
      .stroke()
      .restore();
    doc.y = y + 6;
    for (const s of day.sessions) {
      ensure(70);
      const top = doc.y;
      doc.font('B').fontSize(10.5).fillColor('#1a1a1a').text(`${s.from}–${s.to}`, MARGIN, top, { width: 80 });
      doc
        .font('B')
        .fontSize(10.5)
        .text(`${s.title}`, MARGIN + 86, top, { width: width - 86 });
      const line = (label: string, value: string) =>
        doc
          .font('R')
          .fontSize(9.5)
          .fillColor('#1a1a1a')
          .text(t('programme.line', { label: t(label), value }), MARGIN + 86, doc.y, { width: width - 86 });
      line('programme.kind', s.kindLabel);
      line('programme.place', s.location ?? t('programme.placeUnknown'));
      line('programme.team', s.team.length ? s.team.join(', ') : t('programme.nobodyAssigned'));
      line('programme.meeting', s.stakeholders.length ? s.stakeholders.join('; ') : t('programme.nobodyRegistered'));
      if (s.keyFactors.length) line('programme.keyFactors', s.keyFactors.join(', '));
      doc.moveDown(0.6);
    }
  }
  doc.end();
  return done;
}
