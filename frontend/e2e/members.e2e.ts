import { expect, test } from '@playwright/test';
import { keepScreenshot, logInToShell, openMembers } from './support/amtsplan';

test.describe('members', () => {
  test('the administration invites a person, sees the link once, revokes it and finds both in the log', async ({
    page,
    browser,
  }) => {
    const email = `e2e-${Date.now()}@musterstadt.example`;
    await logInToShell(page, 'admin@musterstadt.example');
    await openMembers(page);

    await page.getByRole('textbox', { name: 'E-Mail', exact: true }).fill(email);
    await page.getByRole('combobox', { name: 'Rolle', exact: true }).click();
    await page.getByRole('option', { name: 'Fachbereich' }).click();
    await page.getByRole('button', { name: 'Einladen' }).click();

    const link = page.getByRole('textbox', { name: 'Link zur Einladung' });
    await expect(link).toHaveValue(/\/einladung\/[^/]+$/);
    await expect(page.getByRole('heading', { name: `Einladungslink für ${email}` })).toBeVisible();
    const pending = page.getByRole('region', { name: 'Liste der offenen Einladungen' });
    await expect(pending.getByRole('row', { name: new RegExp(email) })).toContainText('Fachbereich');
    await keepScreenshot(page, 'members-invitation-link');

    // The link opens the invitation for exactly this person and role.
    const acceptUrl = await link.inputValue();
    const invitee = await browser.newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(new URL(new URL(acceptUrl).pathname, page.url()).toString());
    await expect(inviteePage.getByRole('heading', { level: 1, name: 'Einladung zu Stadt Musterstadt' })).toBeVisible();
    await expect(inviteePage.getByText('Sie wurden mit der Rolle „Fachbereich“ eingeladen.')).toBeVisible();
    await keepScreenshot(inviteePage, 'invitation-accept');
    await invitee.close();

    await pending.getByRole('button', { name: `Einladung für ${email} zurückziehen` }).click();
    await expect(page.getByText(`Einladung für ${email} zurückgezogen.`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(0);

    await page.getByRole('tab', { name: 'Protokoll' }).click();
    await expect(page).toHaveTitle('Protokoll – Amtsplan');
    const log = page.getByRole('region', { name: 'Protokolleinträge' });
    await expect(log.getByRole('row', { name: /Einladung erstellt/ }).first()).toBeVisible();
    await expect(log.getByRole('row', { name: /Einladung zurückgezogen/ }).first()).toBeVisible();
    await keepScreenshot(page, 'audit-log');
  });

  test('the administration sees role controls for every member', async ({ page }) => {
    await logInToShell(page, 'admin@musterstadt.example');
    await openMembers(page);

    const table = page.getByRole('region', { name: 'Mitgliederliste' });
    await expect(table.getByRole('row', { name: /lesen@musterstadt\.example/ })).toBeVisible();
    await expect(table.getByRole('combobox', { name: /^Rolle von / })).not.toHaveCount(0);
    await expect(table.getByRole('button', { name: / entfernen$/ })).not.toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Protokoll' })).toBeVisible();
  });

  const readers = [
    { email: 'lesen@musterstadt.example', admin: 'admin@musterstadt.example' },
    { email: 'redaktion@landkreis-beispiel.example', admin: 'admin@landkreis-beispiel.example' },
  ];
  for (const { email, admin } of readers) {
    test(`${email} sees the members but no controls to manage them`, async ({ page }) => {
      await logInToShell(page, email);
      await openMembers(page);

      const table = page.getByRole('region', { name: 'Mitgliederliste' });
      await expect(table.getByRole('row', { name: new RegExp(admin.replace(/\./g, '\\.')) })).toContainText('Administration');
      await expect(page.getByText('Mitglieder und Rollen verwaltet die Administration Ihrer Behörde.')).toBeVisible();
      await expect(page.getByRole('combobox')).toHaveCount(0);
      await expect(page.getByRole('button', { name: / entfernen$/ })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Einladen' })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Offene Einladungen' })).toHaveCount(0);
      await expect(page.getByRole('tab', { name: 'Protokoll' })).toHaveCount(0);
      await keepScreenshot(page, `members-read-only-${email}`);
    });
  }
});
