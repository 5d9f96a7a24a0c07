import type { OrganizationRole } from '@amtsplan/domain';

/** The e2e server seeds the demo data with this password (DESIGN.md, "Runtime configuration"). */
export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'Demo-Passwort-2026!';

export const MUSTERSTADT = 'Stadt Musterstadt';
export const LANDKREIS = 'Landkreis Beispiel';

export interface DemoAccount {
  readonly email: string;
  /** In no particular order: the server decides which authority an account starts in. */
  readonly memberships: readonly { readonly organization: string; readonly role: OrganizationRole }[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@musterstadt.example', memberships: [{ organization: MUSTERSTADT, role: 'admin' }] },
  {
    email: 'redaktion@musterstadt.example',
    memberships: [
      { organization: MUSTERSTADT, role: 'editor' },
      { organization: LANDKREIS, role: 'editor' },
    ],
  },
  { email: 'leitung@musterstadt.example', memberships: [{ organization: MUSTERSTADT, role: 'approver' }] },
  { email: 'fachbereich@musterstadt.example', memberships: [{ organization: MUSTERSTADT, role: 'contributor' }] },
  { email: 'community@musterstadt.example', memberships: [{ organization: MUSTERSTADT, role: 'moderator' }] },
  { email: 'lesen@musterstadt.example', memberships: [{ organization: MUSTERSTADT, role: 'viewer' }] },
  { email: 'admin@landkreis-beispiel.example', memberships: [{ organization: LANDKREIS, role: 'admin' }] },
  { email: 'redaktion@landkreis-beispiel.example', memberships: [{ organization: LANDKREIS, role: 'editor' }] },
];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`${email} is not a demo account`);
  return account;
}
