import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { DirectoryModule } from '@peervisit/directory';
import { FallbackPagesController } from './fallback-pages.controller';
import { WEB_APP_DIR, WEB_APP_DIST } from './web-app-files';
import { WebAppMiddleware } from './web-app.middleware';

/** The web app on the API's origin (no CORS), and the email links' pages when it is not built. */
@Module({
  imports: [DirectoryModule],
  controllers: [FallbackPagesController],
  providers: [{ provide: WEB_APP_DIR, useValue: WEB_APP_DIST }, WebAppMiddleware],
})
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(WebAppMiddleware).forRoutes('{*path}');
  }
}
