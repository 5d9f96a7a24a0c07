import { Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginRequest, MeResponse, UpdateProfileRequest } from '@amtsplan/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ProblemException } from '../http/problem.exception';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { AuthService } from './auth.service';
import { AppRequest, CurrentUser, Public, SessionUser } from './request-auth';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { Sessions } from './sessions';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: Sessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @BodySchema(LoginRequest)
  async login(
    @ValidBody(LoginRequest) body: LoginRequest,
    @Req() request: AppRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.login(body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    if (request.auth) await this.auth.logout(request.auth.tokenHash, request.auth.user.id, request.ip);
    setSessionCookie(reply, token, this.config.secureCookies, this.sessions.policy.absoluteMs / 1000);
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AppRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (!request.auth) throw ProblemException.unauthenticated();
    await this.auth.logout(request.auth.tokenHash, request.auth.user.id, request.ip);
    clearSessionCookie(reply, this.config.secureCookies);
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser): Promise<MeResponse> {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @BodySchema(UpdateProfileRequest)
  updateMe(@CurrentUser() user: SessionUser, @ValidBody(UpdateProfileRequest) body: UpdateProfileRequest): Promise<MeResponse> {
    return this.auth.setLocale(user.id, body.locale);
  }

  /** Sets the CSRF cookie (every response does, when missing); lets clients prime it explicitly. */
  @Public()
  @Get('csrf')
  @HttpCode(204)
  csrf(): void {
    return;
  }
}
