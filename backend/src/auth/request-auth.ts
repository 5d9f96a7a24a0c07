import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem.exception';

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'de' | 'en';
  readonly isOperator: boolean;
}

export interface RequestAuth {
  readonly user: SessionUser;
  readonly tokenHash: string;
}

export type AppRequest = FastifyRequest & { auth?: RequestAuth };

export const PUBLIC_ROUTE = 'amtsplan:public';
/** The route works without a session (login, health, invitation preview). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The logged-in user of a non-public route. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const auth = context.switchToHttp().getRequest<AppRequest>().auth;
  if (!auth) throw ProblemException.unauthenticated();
  return auth.user;
});

/** The logged-in user if any (public routes). */
export const OptionalUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): SessionUser | null => context.switchToHttp().getRequest<AppRequest>().auth?.user ?? null,
);
