import { expect, test } from '@playwright/test';
import { keepScreenshot, logIn, logInToShell, logOut, submitLogin } from './support/amtsplan';
import { DEMO_ACCOUNTS, MUSTERSTADT } from './support/demo-accounts';

const AREAS = [
  'Redaktionsplan',
  'Freigaben',
  'Textbausteine',
  'Community',
  'Krisen-Playbooks',
  'Lernprogramm',
  'Einstellungen',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function currentOrganizationName(switcherLabel: string | null): string | undefined {
  return switcherLabel?.replace(/^Behörde wechseln, aktuell: /, '');
}

test.describe('login', () => {
  for (const account of DEMO_ACCOUNTS) {
    const organizations = account.memberships.map((membership) => membership.organization);

    test(`${account.email} logs in, sees the shell in German and logs out`, async ({ page }) => {
      await logInToShell(page, account.email);

      await expect(page).toHaveTitle('Redaktionsplan – Amtsplan');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
      for (const area of AREAS) await expect(navigation.getByRole('link', { name: area })).toBeVisible();
      // The start page is the editorial plan itself, with its calendar views.
      await expect(page.getByRole('radiogroup', { name: 'Ansicht des Redaktionsplans' }).or(page.getByRole('group', { name: 'Ansicht des Redaktionsplans' }))).toBeVisible();
      // Which authority comes first is the server's order; the account starts in one of its own.
      const banner = page.getByRole('banner');
      await expect(banner).toContainText(new RegExp(organizations.map(escapeRegExp).join('|')));

      if (organizations.length > 1) {
        const switcher = page.getByRole('button', { name: /^Behörde wechseln, aktuell: / });
        const currentName = currentOrganizationName(await switcher.getAttribute('aria-label'));
        const current = organizations.find((name) => name === currentName);
        expect(current).toBeDefined();
        const other = organizations.find((name) => name !== current) ?? '';
        const startUrl = page.url();

        await switcher.click();
        await page.getByRole('menuitemradio', { name: other }).click();

        await expect(page.getByRole('button', { name: `Behörde wechseln, aktuell: ${other}` })).toBeVisible();
        await expect(page).toHaveURL(/\/o\/[^/]+\/redaktionsplan(\?.*)?$/);
        expect(page.url()).not.toBe(startUrl);
        await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
        await keepScreenshot(page, `organization-switched-${account.email}`);
      }

      await logOut(page);
      // The session is gone on the server too, not only in the page.
      await page.goto('/');
      await expect(page).toHaveURL(/\/anmelden/);
    });
  }

  test('a wrong password is refused with a message that names neither field', async ({ page }) => {
    await logIn(page, 'lesen@musterstadt.example', 'kein-richtiges-Passwort');

    await expect(page.getByRole('alert')).toHaveText('E-Mail oder Passwort ist nicht korrekt.');
    await expect(page).toHaveURL(/\/anmelden/);
    await keepScreenshot(page, 'login-refused');
  });

  test('an empty form shows what is missing at the fields', async ({ page }) => {
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();

    await expect(page.getByRole('textbox', { name: 'E-Mail' })).toHaveAccessibleDescription('Bitte ausfüllen.');
    await expect(page.getByLabel('Passwort', { exact: true })).toHaveAccessibleDescription('Bitte ausfüllen.');
  });

  test('a page opened without a session leads to the login and back to that page afterwards', async ({ page }) => {
    await logInToShell(page, 'admin@musterstadt.example');
    const membersUrl = page.url().replace(/redaktionsplan(\?.*)?$/, 'einstellungen/mitglieder');
    await logOut(page);

    await page.goto(membersUrl);
    await expect(page).toHaveURL(/\/anmelden\?weiter=/);
    await submitLogin(page, 'admin@musterstadt.example');

    await expect(page).toHaveURL(membersUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  });

  test('the language can be switched to English and back in the user menu', async ({ page }) => {
    await logInToShell(page, 'community@musterstadt.example');

    await page.getByRole('button', { name: /^Benutzermenü von / }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Editorial calendar' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Editorial calendar – Amtsplan');

    // The choice is stored on the account: it survives a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Editorial calendar' })).toBeVisible();

    await page.getByRole('button', { name: /^User menu of / }).click();
    await page.getByRole('menuitemradio', { name: 'Deutsch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(MUSTERSTADT);
  });
});
