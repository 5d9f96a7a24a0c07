import type { OrganizationRole } from '@amtsplan/domain';

/** German role names for mails (the frontend has its own i18n layer). */
export const ROLE_LABELS_DE: { readonly [R in OrganizationRole]: string } = {
  admin: 'Administration',
  editor: 'Redaktion',
  approver: 'Leitung (Freigabe)',
  contributor: 'Fachbereich',
  moderator: 'Community-Management',
  viewer: 'Lesezugriff',
};
