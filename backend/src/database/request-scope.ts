import { AsyncLocalStorage } from 'node:async_hooks';
import type { OrganizationRole } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { ScopedTransaction } from './scoped-transaction';

/** The organization a request works in, set by OrganizationScopeInterceptor for `/orgs/:orgId/…`. */
export interface OrganizationScope {
  readonly tx: ScopedTransaction;
  readonly organizationId: string;
  readonly userId: string;
  readonly membershipId: string;
  readonly role: OrganizationRole;
  readonly ip: string | null;
}

const storage = new AsyncLocalStorage<OrganizationScope>();

export const RequestScope = {
  run<T>(scope: OrganizationScope, work: () => Promise<T>): Promise<T> {
    return storage.run(scope, work);
  },

  /** Throws when called outside an organization route: tenant data is never read unscoped. */
  organization(): OrganizationScope {
    const scope = storage.getStore();
    if (!scope) throw new Error('No organization scope: tenant data may only be used inside /orgs/:orgId routes');
    return scope;
  },

  manager(): EntityManager {
    return RequestScope.organization().tx.manager;
  },
};
