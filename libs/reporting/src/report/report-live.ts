import { Inject, Injectable, Logger } from '@nestjs/common';
import { PUB_SUB, PubSub } from '@peervisit/platform';
import { Report } from './report.entity';

export const reportChannel = (reviewId: string) => `report.${reviewId}`;

/** Tells a review's live streams that one of its reports changed (queued, rendering, ready, failed, published). */
@Injectable()
export class ReportAnnouncer {
  private readonly logger = new Logger('Reports');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSub) {}

  /** Never throws: a lost announcement only delays a screen, the report itself is saved. */
  async announce(report: Report): Promise<void> {
    await this.pubSub
      .publish(reportChannel(report.reviewId), { reportChanged: { ...report, formats: report.formats } })
      .catch((e) => this.logger.warn(`Could not announce report ${report.id}: ${e}`));
  }
}
