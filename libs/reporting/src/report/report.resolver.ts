import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { ReviewLiveStreams } from '@peervisit/review';
import { Report } from './report.entity';
import { reportChannel } from './report-live';
import { ReportPublishService } from './report-publish.service';
import { ReportReadService } from './report-read.service';
import { ReportRequestService } from './report-request.service';

@Resolver(() => Report)
export class ReportResolver {
  constructor(
    private readonly requests: ReportRequestService,
    private readonly publishing: ReportPublishService,
    private readonly reports: ReportReadService,
    private readonly live: ReviewLiveStreams,
  ) {}

  @Mutation(() => Report, {
    description:
      'Queues a new version of the follow-up report (expert leader, peers), from the feedback session on, in a language (en, fr, de; the review’s working language when omitted). Versions in several languages can each be published.',
  })
  requestReport(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('language', { type: () => String, nullable: true, description: 'en, fr or de.' }) language?: string | null,
  ) {
    return this.requests.request(user, reviewId, language);
  }

  @Mutation(() => Report, { description: 'The expert leader publishes a ready version; the host city and the team are told by email.' })
  publishReport(@Me() user: CurrentUser, @Args('reportId', { type: () => ID }) reportId: string) {
    return this.publishing.publish(user, reportId);
  }

  @Query(() => [Report], { description: 'Report versions, newest first: the team sees all, the host city the published ones.' })
  reviewReports(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reports.list(user, reviewId);
  }

  @Query(() => Report)
  report(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.reports.get(user, id);
  }

  @Subscription(() => Report, {
    description: "A review's reports as they are queued, generated, fail or are published (the review team).",
    resolve: (payload: { reportChanged: Report }) => payload.reportChanged,
  })
  reportChanged(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.live.open(user, reviewId, 'report.generate', reportChannel(reviewId));
  }
}
