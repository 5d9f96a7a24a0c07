import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcceptInvitationRequest, InvitationPreview, MeResponse } from '@amtsplan/contracts';
import type { FastifyReply } from 'fastify';
import { AppRequest, OptionalUser, Public, SessionUser } from '../auth/request-auth';
import { setSessionCookie } from '../auth/session-cookie';
import { Sessions } from '../auth/sessions';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { InvitationAcceptance } from './invitation-acceptance';

/** Public: the link in the mail works before the invitee has an account. */
@ApiTags('members')
@Controller('invitations/:token')
export class InvitationAcceptanceController {
  constructor(
    private readonly acceptance: InvitationAcceptance,
    private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.acceptance.preview(token);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @BodySchema(AcceptInvitationRequest)
  async accept(
    @Param('token') token: string,
    @ValidBody(AcceptInvitationRequest) body: AcceptInvitationRequest,
    @OptionalUser() user: SessionUser | null,
    @Req() request: AppRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { me, sessionToken } = await this.acceptance.accept(token, body, user, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    if (sessionToken) setSessionCookie(reply, sessionToken, this.config.secureCookies, this.sessions.policy.absoluteMs / 1000);
    return me;
  }
}
