import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { AuthService } from '@peervisit/directory';
import { AppError, Public } from '@peervisit/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptInvitationPage, donePage, notBuiltPage, problemsOf, resetPasswordPage } from './fallback-pages';

const clientOf = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

/** An HTML page; the token is in the URL: kept out of caches and referrers. */
const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .send(body);

/**
 * Answers `/`, `/reset-password` and `/accept-invitation` when the web app is not built
 * (WebAppMiddleware serves the app's own pages for them when it is). The forms call the same
 * AuthService methods as the GraphQL mutations; a refusal shows the service's reasons on the form.
 */
@Public()
@Controller()
export class FallbackPagesController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  home(@Res() reply: FastifyReply) {
    return html(reply, 200, notBuiltPage());
  }

  @Get('reset-password')
  resetPasswordForm(@Query('token') token: string | undefined, @Res() reply: FastifyReply) {
    return html(reply, 200, resetPasswordPage(String(token ?? '')));
  }

  @Post('reset-password')
  async resetPassword(@Body() body: Record<string, string | undefined>, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const token = String(body.token ?? '');
    try {
      const signedIn = await this.auth.resetPassword(token, String(body.password ?? ''), clientOf(req));
      return html(reply, 200, donePage('Password set', `Your new password is set, ${signedIn.person.fullName}. Sign in with it.`));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return html(reply, 400, resetPasswordPage(token, problemsOf(error)));
    }
  }

  @Get('accept-invitation')
  acceptInvitationForm(@Query('token') token: string | undefined, @Res() reply: FastifyReply) {
    return html(reply, 200, acceptInvitationPage(String(token ?? ''), {}));
  }

  @Post('accept-invitation')
  async acceptInvitation(@Body() body: Record<string, string | undefined>, @Res() reply: FastifyReply) {
    const token = String(body.token ?? '');
    const values = { fullName: body.fullName?.trim() || undefined, timeZone: body.timeZone || undefined, locale: body.locale || undefined };
    try {
      const accepted = await this.auth.acceptInvitation(token, String(body.password ?? ''), values);
      return html(
        reply,
        200,
        donePage(
          'Invitation accepted',
          `Welcome, ${accepted.person.fullName}. Your account is ready: sign in with your email and password.`,
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return html(reply, 400, acceptInvitationPage(token, values, problemsOf(error)));
    }
  }
}
