import { Module } from '@nestjs/common';
import { QueueDashboardMount } from './queue-dashboard.mount';
import { QueueDashboardPasses } from './queue-dashboard-passes';
import { QueueDashboardResolver } from './queue-dashboard.resolver';

/** The admins' view of the queues (bull-board). Imported by the API only; the worker has no HTTP. */
@Module({ providers: [QueueDashboardPasses, QueueDashboardMount, QueueDashboardResolver] })
export class QueueDashboardModule {}
