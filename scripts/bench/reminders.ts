/**
 * Reminders: (1) moving a visit of 60 sessions with 8 people — the time until every reminder is
 * re-planned, against the plain SQL rewrite of the same rows; (2) 10,000 reminders due at the same
 * moment, sent by a real worker process to a real SMTP server — lateness from due time to SMTP
 * acceptance, duplicates and losses, against nodemailer alone pushing the same messages.
 */
import 'reflect-metadata';
import { loadConfig } from '@peervisit/platform';
import { createApi } from '../../apps/api/src/create-api';
import { Bench, BenchFigure } from './bench';
import { benchReminderBurst } from './reminder-burst';
import { benchVisitMove } from './reminder-move';
import { DataSource } from 'typeorm';
import { seedReportCatalogue } from './report-seed';

export const remindersBench: Bench = {
  name: 'reminders',
  title: `Moving a visit (moveVisit, 15 and 60 sessions); ${process.env.BENCH_REMINDER_BURST ?? 10000} reminders due at once over SMTP`,
  async run(context) {
    const figures: BenchFigure[] = [];
    const details: Record<string, unknown> = {};
    // This app only produces (the services and the queue); the burst's consumer is a separate worker process.
    process.env.WORKERS_IN_PROCESS = 'false';
    const app = await createApi(loadConfig());
    await app.init();
    try {
      await seedReportCatalogue(app.get(DataSource));
      const move = await benchVisitMove(app, context.log);
      figures.push(...move.figures);
      details.move = move.details;
      // BENCH_REMINDER_BURST=0 measures the move alone.
      if (process.env.BENCH_REMINDER_BURST !== '0') {
        const burst = await benchReminderBurst(app, context.log);
        figures.push(...burst.figures);
        details.burst = burst.details;
      }
    } finally {
      await app.close();
    }
    return { bench: 'reminders', title: remindersBench.title, figures, details };
  },
};
