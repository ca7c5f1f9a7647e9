import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { AuthService } from '@peervisit/directory';
import { AppError, Public } from '@peervisit/platform';
import type { Request, Response } from 'express';
import { acceptInvitationPage, donePage, notBuiltPage, problemsOf, resetPasswordPage } from './fallback-pages';

const clientOf = (req: Request) => ({ ip: req.ip, userAgent: req.get('user-agent') ?? null });

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
  home(@Res() res: Response) {
    this.html(res, 200, notBuiltPage());
  }

  @Get('reset-password')
  resetPasswordForm(@Query('token') token: string | undefined, @Res() res: Response) {
    this.html(res, 200, resetPasswordPage(String(token ?? '')));
  }

  @Post('reset-password')
  async resetPassword(@Body() body: Record<string, string | undefined>, @Req() req: Request, @Res() res: Response) {
    const token = String(body.token ?? '');
    try {
      const signedIn = await this.auth.resetPassword(token, String(body.password ?? ''), clientOf(req));
      this.html(res, 200, donePage('Password set', `Your new password is set, ${signedIn.person.fullName}. Sign in with it.`));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.html(res, 400, resetPasswordPage(token, problemsOf(error)));
    }
  }

  @Get('accept-invitation')
  acceptInvitationForm(@Query('token') token: string | undefined, @Res() res: Response) {
    this.html(res, 200, acceptInvitationPage(String(token ?? ''), {}));
  }

  @Post('accept-invitation')
  async acceptInvitation(@Body() body: Record<string, string | undefined>, @Req() req: Request, @Res() res: Response) {
    const token = String(body.token ?? '');
    const values = { fullName: body.fullName?.trim() || undefined, timeZone: body.timeZone || undefined, locale: body.locale || undefined };
    try {
      const accepted = await this.auth.acceptInvitation(token, String(body.password ?? ''), values);
      this.html(
        res,
        200,
        donePage(
          'Invitation accepted',
          `Welcome, ${accepted.person.fullName}. Your account is ready: sign in with your email and password.`,
        ),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      this.html(res, 400, acceptInvitationPage(token, values, problemsOf(error)));
    }
  }

  private html(res: Response, status: number, body: string) {
    // The token is in the URL: keep these pages out of caches and referrers.
    res.status(status).type('html').set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).send(body);
  }
}
