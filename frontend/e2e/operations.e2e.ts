import { type Page, expect, test } from '@playwright/test';
import type { OperatorOrganizationView } from '@amtsplan/contracts';
import { keepScreenshot, logIn, seriousAccessibilityViolations } from './support/amtsplan';
import { operatorAccount } from './support/operator-account';

const AUTHORITY = 'Gemeinde Testdorf';
const FIRST_ADMIN = 'erste.admin@testdorf.example';

/** The operator belongs to no authority, so the login leads to the operator's page. */
async function logInAsOperator(page: Page): Promise<void> {
  const { email, password } = operatorAccount();
  await logIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Behörden' })).toBeVisible();
  await expect(page).toHaveURL(/\/betrieb$/);
}

test.describe('operations', () => {
  test('the operator creates an authority whose first administration accepts the link', async ({ page, browser }) => {
    await logInAsOperator(page);
    await expect(page).toHaveTitle('Behörden – Amtsplan');
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(navigation.getByRole('link', { name: 'Betrieb' })).toHaveAttribute('aria-current', 'page');
    // No tenant areas: the operator has no authority to plan in.
    await expect(navigation.getByRole('link')).toHaveCount(1);
    const list = page.getByRole('region', { name: 'Liste der Behörden' });
    await expect(list.getByRole('row', { name: /Stadt Musterstadt/ })).toBeVisible();

    await page.getByRole('textbox', { name: 'Name der Behörde' }).fill(AUTHORITY);
    await page.getByRole('combobox', { name: 'Bundesland' }).click();
    await page.getByRole('option', { name: 'Schleswig-Holstein' }).click();
    await page.getByRole('textbox', { name: 'E-Mail der ersten Administration' }).fill(FIRST_ADMIN);
    await page.getByRole('button', { name: 'Anlegen', exact: true }).click();

    const link = page.getByRole('textbox', { name: 'Link zur Einladung' });
    await expect(link).toHaveValue(/\/einladung\/[^/]+$/);
    await expect(page.getByRole('heading', { name: `Einladungslink für ${FIRST_ADMIN}` })).toBeVisible();
    const today = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date());
    await expect(list.getByRole('row', { name: new RegExp(AUTHORITY) })).toContainText(today);
    await expect(page.getByRole('textbox', { name: 'Name der Behörde' })).toHaveValue('');
    await expect(page.getByText(`Behörde „${AUTHORITY}“ angelegt.`)).toBeVisible();
    await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Schließen' }).click();
    await link.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'operations-created');

    // The first administration opens the link on another device, without an account yet.
    const acceptUrl = await link.inputValue();
    const firstAdmin = await browser.newContext();
    const adminPage = await firstAdmin.newPage();
    await adminPage.goto(new URL(new URL(acceptUrl).pathname, page.url()).toString());
    await expect(adminPage.getByRole('heading', { level: 1, name: `Einladung zu ${AUTHORITY}` })).toBeVisible();
    await expect(adminPage.getByText('Sie wurden mit der Rolle „Administration“ eingeladen.')).toBeVisible();
    await adminPage.getByRole('textbox', { name: 'Ihr Name' }).fill('Erika Erste');
    await adminPage.getByLabel('Passwort', { exact: true }).fill('Ein langer Satz als Passwort 2026');
    await adminPage.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();

    await expect(adminPage.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
    await expect(adminPage.getByRole('banner')).toContainText(AUTHORITY);
    await keepScreenshot(adminPage, 'operations-first-admin-shell');
    await firstAdmin.close();
  });

  test('the operator sees no content of an authority', async ({ page }) => {
    await logInAsOperator(page);
    const listed = (await (await page.request.get('/api/operator/organizations')).json()) as OperatorOrganizationView[];
    const musterstadt = listed.find((organization) => organization.name === 'Stadt Musterstadt')!;

    for (const area of ['einstellungen/mitglieder', 'redaktionsplan']) {
      await page.goto(`/o/${musterstadt.id}/${area}`);
      await expect(page).toHaveURL(/\/betrieb$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Behörden' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Mitgliederliste' })).toHaveCount(0);
      await expect(page.getByText('admin@musterstadt.example')).toHaveCount(0);
    }
    // The API refuses as well, not only the navigation: for the operator the authority's data does not exist.
    expect((await page.request.get(`/api/orgs/${musterstadt.id}/members`)).status()).toBe(404);
  });

  test('people without the operator role do not reach the page', async ({ page }) => {
    await logIn(page, 'admin@musterstadt.example');
    await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Betrieb' })).toHaveCount(0);

    await page.goto('/betrieb');
    await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
    await expect(page).toHaveURL(/\/o\/[^/]+\/redaktionsplan(\?.*)?$/);
    expect((await page.request.get('/api/operator/organizations')).status()).toBe(403);
  });
});

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'mobile', viewport: { width: 375, height: 812 } },
];

for (const { name, viewport } of VIEWPORTS) {
  test.describe(`operations at ${name} width (${viewport.width} px)`, () => {
    test.use({ viewport });

    test('the authorities page is accessible, also with a new link on screen', async ({ page }) => {
      await logInAsOperator(page);
      await expect(page.getByRole('region', { name: 'Liste der Behörden' })).toBeVisible();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await keepScreenshot(page, `operations-${name}`);

      await page.getByRole('textbox', { name: 'Name der Behörde' }).fill(`Amt für Barrierefreiheit (${name})`);
      await page.getByRole('combobox', { name: 'Bundesland' }).click();
      await page.getByRole('option', { name: 'Thüringen' }).click();
      await page.getByRole('textbox', { name: 'E-Mail der ersten Administration' }).fill(`barrierefrei-${name}@amtsplan.example`);
      await page.getByRole('button', { name: 'Anlegen', exact: true }).click();
      const link = page.getByRole('textbox', { name: 'Link zur Einladung' });
      await expect(link).toHaveValue(/\/einladung\//);
      await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Schließen' }).click();

      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await link.scrollIntoViewIfNeeded();
      await keepScreenshot(page, `operations-${name}-link`);
    });
  });
}

/** Pixels by which the page or its scrolling main area is wider than the window: nothing may stick out sideways on a phone. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      ...[document.documentElement, document.querySelector('mat-sidenav-content')].map((element) =>
        element ? element.scrollWidth - element.clientWidth : 0,
      ),
    ),
  );
}
