import { Module } from '@nestjs/common';
import { CatalogueModule } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { PlatformModule, WorkersModule } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';

/** The queue workers alone, for running them apart from the API (WORKERS_IN_PROCESS=false there). */
@Module({ imports: [PlatformModule, CatalogueModule, DirectoryModule, ReviewModule, NotificationsModule, ReportingModule, WorkersModule.forRoot()] })
export class WorkerModule {}
