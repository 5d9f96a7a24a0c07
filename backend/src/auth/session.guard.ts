import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@amtsplan/contracts';
import { ProblemException } from '../http/problem.exception';
import { AppRequest, PUBLIC_ROUTE } from './request-auth';
import { CachedSessions } from '../read-cache/cached-sessions';

/** Global guard: every route needs a valid session unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: CachedSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AppRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const auth = await this.sessions.resolve(token);
      if (auth) request.auth = auth;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (!isPublic && !request.auth) throw ProblemException.unauthenticated();
    return true;
  }
}
