import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, FILE_STORAGE, FileStorage, JobHandler } from '@peervisit/platform';
import { AuthService } from '@peervisit/directory';
import { DataSource, EntityManager } from 'typeorm';
import { pseudonymiseStakeholder } from './pseudonyms';

/** What one retention run did, by rule; the job's result, also logged. */
export interface RetentionRun {
  at: string;
  messageBodiesDeleted: number;
  reportFilesDeleted: number;
  tokensDeleted: number;
  stakeholdersPseudonymised: number;
}

/**
 * The installation's retention rules (RETENTION_* settings, docs/privacy.md), applied by a daily
 * maintenance job. Each rule is one set-based statement (the report files also leave storage), so a
 * run that finds nothing to do costs four queries. `now` is a parameter so that tests run it with a
 * clock that has moved on.
 *
 * It reads and writes other capabilities' tables by name (outbox, report, auth tokens, stakeholders),
 * as the merge of people does (PERSON_REFERENCES), because retention has to reach every place the
 * data lives and the review lib is the lowest one that knows them all.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly auth: AuthService,
  ) {}

  @JobHandler({ queue: 'maintenance', name: 'apply-retention', everyMs: (config) => config.retentionIntervalMs })
  async run(): Promise<RetentionRun> {
    return this.apply(new Date());
  }

  async apply(now: Date): Promise<RetentionRun> {
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const { retentionMessageDays, retentionReportFileDays, retentionStakeholderYears } = this.config;

    // Sent (or given-up) emails keep who, what template, when and how it went; their content goes.
    const messages = await this.dataSource.query(
      `UPDATE outbox_message SET data = '{}'::jsonb, version = version + 1
        WHERE status IN ('SENT', 'CANCELLED', 'FAILED') AND data <> '{}'::jsonb AND coalesce(sent_at, updated_at) < $1`,
      [days(retentionMessageDays)],
    );

    // A report version never published and followed by a later version in the same language: its files are only a draft.
    const superseded: { id: string; files: Record<string, string> }[] = await this.dataSource.query(
      `SELECT r.id, r.files FROM report r
        WHERE NOT r.published AND r.files <> '{}'::jsonb AND coalesce(r.generated_at, r.requested_at) < $1
          AND EXISTS (SELECT 1 FROM report later WHERE later.review_id = r.review_id AND later.language = r.language AND later.version > r.version)`,
      [days(retentionReportFileDays)],
    );
    let reportFiles = 0;
    for (const report of superseded) {
      for (const key of Object.values(report.files)) {
        await this.storage.delete(key);
        reportFiles++;
      }
      await this.dataSource.query(`UPDATE report SET files = '{}'::jsonb WHERE id = $1`, [report.id]);
    }

    // Sign-in links and ended sessions: the directory's own job (purge-expired-tokens, hourly) applies the same rule.
    const { removed: tokens } = await this.auth.purgeTokens(now);

    const stakeholders = await this.dataSource.transaction((manager) =>
      this.pseudonymiseStakeholders(manager, new Date(now.getTime()), retentionStakeholderYears),
    );

    const result: RetentionRun = {
      at: now.toISOString(),
      messageBodiesDeleted: messages[1] as number,
      reportFilesDeleted: reportFiles,
      tokensDeleted: tokens,
      stakeholdersPseudonymised: stakeholders,
    };
    this.logger.log({ message: 'retention applied', ...result });
    return result;
  }

  /**
   * Stakeholders whose reviews all closed (or were cancelled) more than `years` ago, or who were
   * registered that long ago and met no one, unless they agreed to be kept longer (keep_until). Their
   * name is replaced by a pseudonym in the directory and in the texts that carry it: evidence (and its
   * earlier revisions), session titles, audit snapshots and stored emails. The substance stays.
   */
  private async pseudonymiseStakeholders(manager: EntityManager, now: Date, years: number): Promise<number> {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
    const due: { id: string }[] = await manager.query(
      `SELECT s.id FROM stakeholder s
        WHERE s.pseudonymised_at IS NULL AND (s.keep_until IS NULL OR s.keep_until < $2::date)
          AND NOT EXISTS (
            SELECT 1 FROM session_stakeholder ss JOIN visit_session vs ON vs.id = ss.session_id JOIN review r ON r.id = vs.review_id
             WHERE ss.stakeholder_id = s.id
               AND (r.status NOT IN ('CLOSED', 'CANCELLED')
                    OR coalesce((SELECT max(a.at) FROM audit_entry a
                                  WHERE a.review_id = r.id AND a.action = 'review.transition' AND a.after ->> 'status' IN ('CLOSED', 'CANCELLED')),
                                r.updated_at) >= $1))
          AND (EXISTS (SELECT 1 FROM session_stakeholder ss WHERE ss.stakeholder_id = s.id) OR s.created_at < $1)
        FOR UPDATE OF s`,
      [cutoff, now],
    );
    for (const stakeholder of due) await pseudonymiseStakeholder(manager, stakeholder.id, now);
    return due.length;
  }
}
