import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@amtsplan/domain';
import { LOGIN_PATH, RETURN_URL_PARAM } from '../shared/routing/paths';
import { landingUrl } from './landing';
import { Session } from './session';

export const requireSession: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const me = await inject(Session).restore();
  if (me) return true;
  return router.createUrlTree(['/', LOGIN_PATH], { queryParams: { [RETURN_URL_PARAM]: state.url } });
};

/** Someone already logged in who opens the login page is taken to their start page. */
export const redirectWhenSignedIn: CanActivateFn = async () => {
  const me = await inject(Session).restore();
  return me ? inject(Router).createUrlTree(landingUrl(me)) : true;
};

/** Never blocks; makes pages open to everyone (the invitation) know whether someone is logged in. */
export const knowSession: CanActivateFn = async () => {
  await inject(Session).restore();
  return true;
};

export const toLanding: CanActivateFn = () => {
  const me = inject(Session).me();
  return me ? inject(Router).createUrlTree(landingUrl(me)) : false;
};

/** A URL with the id of an authority the person does not belong to leads to their start page. */
export const requireMembership: CanActivateFn = (route) => {
  const session = inject(Session);
  const organizationId = route.paramMap.get('orgId');
  if (organizationId && session.membershipIn(organizationId)) return true;
  const me = session.me();
  return me ? inject(Router).createUrlTree(landingUrl(me)) : false;
};

export const requireOperator: CanActivateFn = () => {
  const me = inject(Session).me();
  if (me?.user.isOperator) return true;
  return me ? inject(Router).createUrlTree(landingUrl(me)) : false;
};

/** The UI hides what the API would refuse; this keeps typed-in URLs consistent with that. */
export function requirePermission(permission: Permission, fallbackSegment: string): CanActivateFn {
  return (route, state) => {
    const organizationId = route.paramMap.get('orgId');
    if (organizationId && inject(Session).allows(organizationId, permission)) return true;
    const parentUrl = state.url.slice(0, state.url.lastIndexOf('/'));
    return inject(Router).parseUrl(`${parentUrl}/${fallbackSegment}`);
  };
}
