import { Module } from '@nestjs/common';
import { CatalogueModule } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { PlatformModule, WorkerHealthServer, WorkersModule } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';

/**
 * The queue workers alone, for running them apart from the API (WORKERS_IN_PROCESS=false there),
 * with health checks on WORKER_HEALTH_PORT.
 */
@Module({
  imports: [PlatformModule, CatalogueModule, DirectoryModule, ReviewModule, NotificationsModule, ReportingModule, WorkersModule.forRoot()],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
