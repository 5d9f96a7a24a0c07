import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from './demo-accounts';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'dist', 'test-results', 'screenshots');

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await submitLogin(page, email, password);
}

/** Fills in the login form already on screen, e.g. after a redirect that carries `?weiter=`. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'E-Mail' }).fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/** Logs in and waits for the shell: the editorial plan of the first authority is the start page. */
export async function logInToShell(page: Page, email: string): Promise<void> {
  await logIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Benutzermenü von / }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(page).toHaveURL(/\/anmelden$/);
}

/** The id in `/o/:orgId/…`, for going straight to a page of the current authority. */
export function currentOrganizationId(page: Page): string {
  const match = /\/o\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not inside an authority: ${page.url()}`);
  return match[1];
}

/** The shell's compact layout (`COMPACT_LAYOUT` in app-shell.ts): below it the navigation is a drawer behind a menu button. */
const COMPACT_BELOW_PX = 960;

/**
 * Opens an area through the side navigation, opening the drawer first on narrow screens. Narrow
 * or wide is decided by the viewport, not by whether the menu button shows at this instant: right
 * after a resize the shell still has the old layout for a moment, and a button seen then may be
 * gone when it is clicked.
 */
export async function openArea(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name });
  const compact = (page.viewportSize()?.width ?? COMPACT_BELOW_PX) < COMPACT_BELOW_PX;
  if (compact && !(await link.isVisible())) await page.getByRole('button', { name: 'Navigation öffnen' }).click();
  await link.click();
}

export async function openMembers(page: Page): Promise<void> {
  await openArea(page, 'Einstellungen');
  await expect(page.getByRole('tab', { name: 'Mitglieder' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Mitgliederliste' })).toBeVisible();
}

export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const fileName = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${fileName}.png`), fullPage: true });
}

/** WCAG 2.1 A and AA rules; minor and moderate findings are reported by axe but do not fail the run. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // A Material snack bar keeps its content (with its button) in an aria-hidden element for a
  // moment before it moves it into the live region to be announced; a check in that moment would
  // report the library's hand-over, not the page. Wait until the hand-over is done.
  await expect(page.locator('mat-snack-bar-container [aria-hidden="true"] :is(button, a)')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}
