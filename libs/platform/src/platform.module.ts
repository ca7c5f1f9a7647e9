import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { AccessTokenService } from './auth/access-token.service';
import { AuthSession } from './auth/auth-session.entity';
import { SessionStore } from './auth/session-store';
import { AuthGuard } from './auth/auth.guard';
import { APP_CONFIG, ConfigModule } from './config/config.module';
import { AppConfig } from './config/config.schema';
import { dataSourceOptions } from './database/data-source-options';
import { HttpErrorFilter } from './errors/http-exception.filter';
import { EventsModule } from './events/events.module';
import { ExplorerController } from './graphql/explorer.controller';
import { GraphqlModule } from './graphql/graphql.module';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.controller';
import { MAIL_TRANSPORT, MailTransport } from './mail/mail-transport';
import { MetricsModule } from './metrics/metrics.module';
import { PUB_SUB, RedisPubSubEngine } from './pubsub/pub-sub';
import { QueueModule } from './queue/queue.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RequestContextModule } from './request-context/request-context.module';
import { FILE_STORAGE } from './storage/file-storage';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxService } from './outbox/outbox.service';
import { OutboxSender } from './outbox/outbox-sender';
import { LocalDiskStorage } from './storage/local-disk-storage';

/**
 * Everything a feature lib stands on: config, database, queues, mail, storage, GraphQL, auth guard,
 * health. Imported once by each app.
 */
@Global()
@Module({
  imports: [
    RequestContextModule,
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, [], config.databasePoolSize, config.databaseStatementTimeoutMs),
        autoLoadEntities: true,
      }),
    }),
    TypeOrmModule.forFeature([OutboxMessage, AuthSession]),
    EventsModule,
    QueueModule,
    MetricsModule,
    RateLimitModule,
    GraphqlModule,
  ],
  controllers: [HealthController, ExplorerController],
  providers: [
    AccessTokenService,
    HealthChecks,
    SessionStore,
    OutboxService,
    OutboxSender,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new MailTransport({
          smtpUrl: config.smtpUrl,
          from: config.mailFrom,
          captureDir: join(config.dataDir, 'mail'),
          timeoutMs: Math.floor(config.outboxSendingTimeoutMs / 2),
        }),
    },
    { provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskStorage(join(config.dataDir, 'files')) },
    { provide: PUB_SUB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => RedisPubSubEngine.fromConfig(config) },
  ],
  exports: [ConfigModule, AccessTokenService, HealthChecks, SessionStore, OutboxService, MAIL_TRANSPORT, FILE_STORAGE, PUB_SUB],
})
export class PlatformModule {}
