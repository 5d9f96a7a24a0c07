import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import type { Member } from '@amtsplan/contracts';
import { MemberRoleSelect } from './member-role-select';

function member(id: string, role: Member['role'], version = 3): Member {
  return {
    id,
    user: { id: `user-${id}`, email: `${id}@musterstadt.example`, displayName: `Person ${id}` },
    role,
    version,
    joinedAt: '2026-10-01T08:00:00Z',
  };
}

describe('MemberRoleSelect', () => {
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;
  let http: HttpTestingController;
  let changed: Member[];
  let reloads: number;

  async function render(target: Member, members: Member[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MemberRoleSelect],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(MemberRoleSelect);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('member', target);
    fixture.componentRef.setInput('members', members);
    changed = [];
    reloads = 0;
    fixture.componentInstance.changed.subscribe((updated) => changed.push(updated));
    fixture.componentInstance.reloadRequested.subscribe(() => reloads++);
    loader = TestbedHarnessEnvironment.loader(fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('sends the new role with the version that was shown', async () => {
    await render(member('b', 'viewer'), [member('a', 'admin'), member('b', 'viewer')]);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[aria-label="Rolle von Person b"]' }));

    await select.open();
    await select.clickOptions({ text: 'Redaktion' });

    const request = http.expectOne('/api/orgs/org-1/members/b');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ role: 'editor', version: 3 });
    request.flush(member('b', 'editor', 4));

    expect(changed).toEqual([member('b', 'editor', 4)]);
  });

  it('on a stale version says so, undoes the pick and offers to reload', async () => {
    await render(member('b', 'viewer'), [member('a', 'admin'), member('b', 'viewer')]);
    const select = await loader.getHarness(MatSelectHarness);

    await select.open();
    await select.clickOptions({ text: 'Fachbereich' });
    http.expectOne('/api/orgs/org-1/members/b').flush(
      { type: 'urn:amtsplan:problem:stale-version', title: 'Veraltet', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );

    expect(await select.getValueText()).toBe('Lesezugriff');
    const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Der Eintrag wurde inzwischen geändert.');
    expect(await snackBar.getActionDescription()).toBe('Neu laden');

    await snackBar.dismissWithAction();
    expect(reloads).toBe(1);
    expect(changed).toEqual([]);
  });

  it('refuses to demote the last admin without asking the server', async () => {
    await render(member('a', 'admin'), [member('a', 'admin'), member('b', 'viewer')]);
    const select = await loader.getHarness(MatSelectHarness);

    await select.open();
    await select.clickOptions({ text: 'Lesezugriff' });

    http.expectNone('/api/orgs/org-1/members/a');
    expect(await select.getValueText()).toBe('Administration');
    const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Eine Behörde braucht mindestens eine Person mit der Rolle Administration.');
  });
});
