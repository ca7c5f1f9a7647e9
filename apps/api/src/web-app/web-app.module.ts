import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DirectoryModule } from '@peervisit/directory';
import { FallbackPagesController } from './fallback-pages.controller';
import { WebAppMiddleware } from './web-app.middleware';

/** The web app on the API's origin (no CORS), and the email links' pages when it is not built. */
@Module({
  imports: [DirectoryModule],
  controllers: [FallbackPagesController],
})
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(WebAppMiddleware).forRoutes('{*path}');
  }
}
