import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { Permission, roleAllows } from '@amtsplan/domain';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppRequest } from '../auth/request-auth';
import { Database } from '../database/database';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { AccessCache, CachedMembership } from '../read-cache/access-cache';
import { CACHED_PLAN_READ } from '../read-cache/cached-plan-read.decorator';
import { sendAnswer } from '../read-cache/cached-read-lane';
import { PlanReadCache } from '../read-cache/plan-read-cache';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tenant separation, first wall: every route with an `:orgId` parameter runs inside one
 * transaction scoped to that organization (which also sets the row-level security settings,
 * the second wall). A user who is not a member gets 404, as if the organization did not exist.
 * Handlers cannot forget this: repositories read the scope and throw without it.
 *
 * Memberships come from the access cache when this process knows them. The answers of routes
 * marked @CachedPlanRead() are serialized here and remembered in PlanReadCache, from which
 * CachedReadLane serves the next identical request before it reaches Nest.
 */
@Injectable()
export class OrganizationScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly database: Database,
    private readonly memberships: MembershipRepository,
    private readonly access: AccessCache,
    private readonly planCache: PlanReadCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AppRequest>();
    const organizationId = (request.params as Record<string, string> | undefined)?.['orgId'];
    const permission = this.reflector.get<Permission | undefined>(REQUIRED_PERMISSION, context.getHandler());
    if (organizationId === undefined) {
      if (permission) throw new Error(`${context.getHandler().name} requires a permission but has no :orgId`);
      return next.handle();
    }
    const auth = request.auth;
    if (!auth) throw ProblemException.unauthenticated();
    if (!UUID.test(organizationId)) throw ProblemException.notFound();

    const userId = auth.user.id;
    const cachedPlanRead = request.method === 'GET' && this.reflector.get<boolean | undefined>(CACHED_PLAN_READ, context.getHandler()) === true;
    const known = this.access.membership(userId, organizationId);
    const accessSince = this.access.generation.current;
    const planSince = this.planCache.generation.current;

    const answer = this.database.transaction({ organizationId, userId }, async (tx) => {
      const membership = known ?? (await this.findMembership(tx.manager, organizationId, userId, accessSince));
      if (!membership) throw ProblemException.notFound();
      if (permission && !roleAllows(membership.role, permission)) throw ProblemException.forbidden();
      const scope = { tx, organizationId, userId, membershipId: membership.id, role: membership.role, ip: request.ip };
      return RequestScope.run(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    });
    if (!cachedPlanRead) return from(answer);
    return from(
      answer.then((result) => sendAnswer(request, context.switchToHttp().getResponse<FastifyReply>(), this.planCache.remember(organizationId, request.url, result, permission, planSince))),
    );
  }

  private async findMembership(manager: EntityManager, organizationId: string, userId: string, since: number): Promise<CachedMembership | null> {
    const found = await this.memberships.findForUserInOrganization(manager, organizationId, userId);
    if (!found) return null;
    const membership = { id: found.id, role: found.role };
    this.access.rememberMembership(userId, organizationId, membership, since);
    return membership;
  }
}
