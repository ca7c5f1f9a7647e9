import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { IndexReportService } from './index-report.service';
import { IndexReport } from './index-report.entity';

@Resolver(() => IndexReport)
export class IndexReportResolver {
  constructor(private readonly reports: IndexReportService) {}

  @Mutation(() => IndexReport, {
    description:
      'Generates a new version of the Index report of a published assessment (HTML, PDF, Word), in a language (en, fr, de; English when omitted). Whoever may read the published results may generate and download it.',
  })
  generateIccIndexReport(
    @Me() user: CurrentUser,
    @Args('assessmentId', { type: () => ID }) assessmentId: string,
    @Args('language', { type: () => String, nullable: true, description: 'en, fr or de.' }) language?: string | null,
  ) {
    return this.reports.generate(user, assessmentId, language);
  }

  @Query(() => [IndexReport], { description: "An Index assessment's report versions, newest first (readers of its published results)." })
  iccIndexReports(@Me() user: CurrentUser, @Args('assessmentId', { type: () => ID }) assessmentId: string) {
    return this.reports.list(user, assessmentId);
  }
}
