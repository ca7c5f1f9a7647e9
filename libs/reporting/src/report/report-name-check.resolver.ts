import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { ReportNameCheckService } from './report-name-check.service';
import { ReportNameCheck } from './report-name-check.types';

@Resolver(() => ReportNameCheck)
export class ReportNameCheckResolver {
  constructor(private readonly nameCheck: ReportNameCheckService) {}

  // Priced like the report it reads: it loads the whole review and may list many places with their excerpts.
  @Query(() => ReportNameCheck, {
    complexity: 200,
    description: 'Each place where a name was withheld or may still stand in a report version (the expert leader, before publishing).',
  })
  reportNameCheck(@Me() user: CurrentUser, @Args('reportId', { type: () => ID }) reportId: string) {
    return this.nameCheck.check(user, reportId);
  }
}
