import { z } from 'zod';
import { BUNDESLAENDER } from '@amtsplan/domain';

/** One list, owned by the domain library; re-exported so API consumers find it with the schemas. */
export { BUNDESLAENDER };
import { email } from './common';

export const OrganizationSettings = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  bundesland: z.enum(BUNDESLAENDER),
  version: z.number(),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('de-DE', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'Unbekannte Zeitzone');

export const CreateOrganizationRequest = z.strictObject({
  name: z.string().trim().min(2, 'Bitte den Namen der Behörde angeben').max(200),
  timeZone: timeZone.default('Europe/Berlin'),
  bundesland: z.enum(BUNDESLAENDER, { message: 'Bitte ein Bundesland wählen' }),
  firstAdminEmail: email,
});
export type CreateOrganizationRequest = z.input<typeof CreateOrganizationRequest>;

export const OperatorOrganizationView = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type OperatorOrganizationView = z.infer<typeof OperatorOrganizationView>;
