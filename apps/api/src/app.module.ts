import { DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { PlatformModule, QueueDashboardModule, WorkersModule } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsModule } from '@peervisit/notifications';
import { ReportingModule } from '@peervisit/reporting';
import { IccIndexModule } from '@peervisit/icc-index';
import { WebAppModule } from './web-app/web-app.module';

/** The API: platform, every capability, and (when asked) the queue workers in the same process. */
@Module({})
export class AppModule {
  static register(options: { workers: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule,
        CatalogueModule,
        DirectoryModule,
        ReviewModule,
        NotificationsModule,
        ReportingModule,
        IccIndexModule,
        QueueDashboardModule,
        WebAppModule,
        ...(options.workers ? [WorkersModule.forRoot()] : []),
      ],
    };
  }
}
