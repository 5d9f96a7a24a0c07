import { SetMetadata } from '@nestjs/common';

export const CACHED_PLAN_READ = 'amtsplan:cached-plan-read';

/**
 * The GET answer depends only on the organization's posts and the URL, not on who asks, and
 * may be served from PlanReadCache (see OrganizationScopeInterceptor).
 */
export const CachedPlanRead = () => SetMetadata(CACHED_PLAN_READ, true);
