import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { InvitationView, Member, MeResponse } from '@amtsplan/contracts';
import type { OrganizationRole } from '@amtsplan/domain';
import { Session } from '../../auth/session';
import { MembersPage } from './members-page';

const MEMBERS: Member[] = [
  {
    id: 'm1',
    user: { id: 'u1', email: 'admin@musterstadt.example', displayName: 'Alexandra Admin' },
    role: 'admin',
    version: 1,
    joinedAt: '2026-10-01T08:00:00Z',
  },
  {
    id: 'm2',
    user: { id: 'u2', email: 'lesen@musterstadt.example', displayName: 'Lea Lesend' },
    role: 'viewer',
    version: 1,
    joinedAt: '2026-10-01T08:00:00Z',
  },
];

const INVITATIONS: InvitationView[] = [
  { id: 'i1', email: 'offen@musterstadt.example', role: 'editor', status: 'pending', createdAt: '2026-11-20T10:00:00Z', expiresAt: '2026-11-27T10:00:00Z' },
  { id: 'i2', email: 'alt@musterstadt.example', role: 'editor', status: 'expired', createdAt: '2026-10-01T10:00:00Z', expiresAt: '2026-10-08T10:00:00Z' },
];

function signedInAs(role: OrganizationRole): MeResponse {
  return {
    user: { id: 'u2', email: 'person@musterstadt.example', displayName: 'Person', locale: 'de', isOperator: false },
    memberships: [{ id: 'ms', organization: { id: 'org-1', name: 'Stadt Musterstadt' }, role }],
  };
}

describe('MembersPage', () => {
  let fixture: ComponentFixture<MembersPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  async function open(role: OrganizationRole): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MembersPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(Session).adopt(signedInAs(role));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MembersPage);
    fixture.componentRef.setInput('orgId', 'org-1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('shows the administration the controls and only the pending invitations', async () => {
    await open('admin');
    http.expectOne('/api/orgs/org-1/members').flush(MEMBERS);
    http.expectOne('/api/orgs/org-1/invitations').flush(INVITATIONS);
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[aria-label^="Rolle von"]' }))).toHaveLength(2);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label$="entfernen"]' }))).toHaveLength(2);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Einladen' }))).not.toBeNull();
    expect(text()).toContain('offen@musterstadt.example');
    expect(text()).not.toContain('alt@musterstadt.example');
  });

  it('shows everyone else a read-only list and never asks for invitations', async () => {
    await open('editor');
    http.expectOne('/api/orgs/org-1/members').flush(MEMBERS);
    http.expectNone('/api/orgs/org-1/invitations');
    await fixture.whenStable();

    expect(text()).toContain('Alexandra Admin');
    expect(text()).toContain('Administration');
    expect(text()).toContain('Lesezugriff');
    expect(text()).toContain('Mitglieder und Rollen verwaltet die Administration Ihrer Behörde.');
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatButtonHarness)).toHaveLength(0);
  });

  it('says what went wrong when the list cannot be loaded, and retries', async () => {
    await open('viewer');
    http.expectOne('/api/orgs/org-1/members').flush(null, { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();

    expect(text()).toContain('Der Server ist nicht erreichbar.');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Erneut versuchen' }))).click();
    http.expectOne('/api/orgs/org-1/members').flush(MEMBERS);
    await fixture.whenStable();
    expect(text()).toContain('Lea Lesend');
  });
});
