import { Module } from '@nestjs/common';
import { QueueCounts } from './queue-counts.service';
import { QueueDashboardMount } from './queue-dashboard.mount';
import { QueueDashboardPasses } from './queue-dashboard-passes';
import { QueueDashboardResolver } from './queue-dashboard.resolver';

/** The admins' view of the queues (bull-board, and their counts). Imported by the API only; the worker has no HTTP. */
@Module({ providers: [QueueDashboardPasses, QueueDashboardMount, QueueDashboardResolver, QueueCounts] })
export class QueueDashboardModule {}
