import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Permission, roleAllows } from '@amtsplan/domain';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppRequest } from '../auth/request-auth';
import { Database } from '../database/database';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tenant separation, first wall: every route with an `:orgId` parameter runs inside one
 * transaction scoped to that organization (which also sets the row-level security settings,
 * the second wall). A user who is not a member gets 404, as if the organization did not exist.
 * Handlers cannot forget this: repositories read the scope and throw without it.
 */
@Injectable()
export class OrganizationScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly database: Database,
    private readonly memberships: MembershipRepository,
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

    return from(
      this.database.transaction({ organizationId, userId: auth.user.id }, async (tx) => {
        const membership = await this.memberships.findForUserInOrganization(tx.manager, organizationId, auth.user.id);
        if (!membership) throw ProblemException.notFound();
        if (permission && !roleAllows(membership.role, permission)) throw ProblemException.forbidden();
        const scope = { tx, organizationId, userId: auth.user.id, membershipId: membership.id, role: membership.role, ip: request.ip };
        return RequestScope.run(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      }),
    );
  }
}
