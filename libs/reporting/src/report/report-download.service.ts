import { Inject, Injectable } from '@nestjs/common';
import { badInput, conflict, CurrentUser, FILE_STORAGE, FileStorage } from '@peervisit/platform';
import { Review } from '@peervisit/review/entities';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { REPORT_FORMATS } from './report-formats';
import { ReportReadService } from './report-read.service';
import { ReportStatus } from './report.entity';

/** A rendered file of a version, authorized like the version itself. */
@Injectable()
export class ReportDownloadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReportReadService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async open(user: CurrentUser, reportId: string, format: string): Promise<{ stream: Readable; mediaType: string; fileName: string }> {
    const report = await this.reads.get(user, reportId);
    // Own properties only: `format` comes from the URL, and "constructor" or "__proto__" are inherited names.
    const spec = Object.hasOwn(REPORT_FORMATS, format) ? REPORT_FORMATS[format] : undefined;
    if (!spec) throw badInput(`Reports come as ${Object.keys(REPORT_FORMATS).join(', ')}; not ${format}.`);
    const key = report.files && Object.hasOwn(report.files, format) ? report.files[format] : undefined;
    if (report.status !== ReportStatus.READY || !key)
      throw conflict(`Version ${report.version} is ${report.status.toLowerCase()}; it has no ${format} yet.`);
    const review = await this.dataSource.getRepository(Review).findOneByOrFail({ id: report.reviewId });
    return {
      stream: await this.storage.get(key),
      mediaType: spec.mediaType,
      fileName: `${review.title} - report v${report.version}.${spec.extension}`,
    };
  }
}
