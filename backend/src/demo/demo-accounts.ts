import type { OrganizationRole } from '@amtsplan/domain';

export interface DemoOrganization {
  readonly name: string;
  readonly bundesland: string;
  readonly accounts: ReadonlyArray<{ readonly email: string; readonly displayName: string; readonly role: OrganizationRole }>;
}

/** The demo data of DESIGN.md: one account per role, and a second authority to show separation. */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    name: 'Stadt Musterstadt',
    bundesland: 'NW',
    accounts: [
      { email: 'admin@musterstadt.example', displayName: 'Alex Admin', role: 'admin' },
      { email: 'redaktion@musterstadt.example', displayName: 'Rita Redaktion', role: 'editor' },
      { email: 'leitung@musterstadt.example', displayName: 'Dr. Lena Leitung', role: 'approver' },
      { email: 'fachbereich@musterstadt.example', displayName: 'Fabian Fachbereich', role: 'contributor' },
      { email: 'community@musterstadt.example', displayName: 'Clara Community', role: 'moderator' },
      { email: 'lesen@musterstadt.example', displayName: 'Leo Lesend', role: 'viewer' },
    ],
  },
  {
    name: 'Landkreis Beispiel',
    bundesland: 'BY',
    accounts: [
      { email: 'admin@landkreis-beispiel.example', displayName: 'Anna Admin', role: 'admin' },
      { email: 'redaktion@landkreis-beispiel.example', displayName: 'Robert Redaktion', role: 'editor' },
      // Works for both authorities, so switching organizations can be seen.
      { email: 'redaktion@musterstadt.example', displayName: 'Rita Redaktion', role: 'editor' },
    ],
  },
];
