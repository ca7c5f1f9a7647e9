import { Injectable } from '@nestjs/common';
import { CurrentUser, forbidden, isUuid, notFound } from '@peervisit/platform';
import { ReviewAccessService } from '@peervisit/review';
import { ReviewRole } from '@peervisit/review/entities';
import { DataSource } from 'typeorm';
import { Report } from './report.entity';

/** Who may see which versions: the team all of them, the host city and observers the published ones. */
@Injectable()
export class ReportReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  /** Versions the caller may see, newest first. */
  async list(user: CurrentUser, reviewId: string): Promise<Report[]> {
    const roles = await this.access.require(user, reviewId, 'report.read');
    const all = await this.dataSource.getRepository(Report).find({ where: { reviewId }, order: { version: 'DESC' } });
    return this.seesDrafts(user, roles) ? all : all.filter((r) => r.published);
  }

  async get(user: CurrentUser, reportId: string): Promise<Report> {
    const report = await this.find(reportId);
    const roles = await this.access.require(user, report.reviewId, 'report.read');
    if (!report.published && !this.seesDrafts(user, roles))
      throw forbidden('The host city sees a report once the expert leader has published it.');
    return report;
  }

  /** The report, unchecked: the caller authorizes it. */
  async find(reportId: string): Promise<Report> {
    const report = isUuid(reportId) ? await this.dataSource.getRepository(Report).findOneBy({ id: reportId }) : null;
    if (!report) throw notFound(`Report ${reportId}`);
    return report;
  }

  private seesDrafts(user: CurrentUser, roles: ReviewRole[]) {
    return user.isAdmin || roles.includes(ReviewRole.EXPERT_LEADER) || roles.includes(ReviewRole.PEER);
  }
}
