import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@amtsplan/domain';

export const REQUIRED_PERMISSION = 'amtsplan:permission';

/** The role permission (libs/domain ROLE_PERMISSIONS) a tenant route needs; checked centrally. */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
