import { expect, test } from '@playwright/test';
import type { ChannelView, PostView } from '@amtsplan/contracts';
import path from 'node:path';
import { currentOrganizationId, keepScreenshot, logInToShell, openArea, seriousAccessibilityViolations } from './support/amtsplan';
import { PlanApi } from './support/editorial-plan-api';

const EDITOR = 'redaktion@musterstadt.example';
/** The sample an authority might bring from its Excel days; shipped with the backend tests. */
const SAMPLE_PLAN = path.resolve(__dirname, '..', '..', 'backend', 'test', 'fixtures', 'redaktionsplan-beispiel.xlsx');
const SAMPLE_CHANNELS = [
  { platform: 'facebook', name: 'Facebook Stadt Musterstadt', color: '#1565c0' },
  { platform: 'instagram', name: 'Instagram Stadt Musterstadt', color: '#ad1457' },
];

test.describe('Redaktionsplan: import, export and calendar subscription', () => {
  test('imports the sample Excel plan with a column mapping and a preview', async ({ page }) => {
    await logInToShell(page, EDITOR);
    const api = new PlanApi(page, currentOrganizationId(page));
    const existing = await api.get<ChannelView[]>('/channels');
    for (const channel of SAMPLE_CHANNELS) {
      if (!existing.some((c) => c.name === channel.name)) await api.post('/channels', channel);
    }
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=monat&datum=2026-12-01`);

    await page.getByRole('button', { name: 'Importieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redaktionsplan importieren' });
    await dialog.locator('input[type="file"]').setInputFiles(SAMPLE_PLAN);
    await expect(dialog.getByText('11 Zeilen gefunden.')).toBeVisible();
    // The header "Thema" of this sheet holds the working title; the suggestion says so.
    await expect(dialog.getByRole('combobox', { name: 'Arbeitstitel *' })).toContainText('Thema');
    await expect(dialog.getByRole('combobox', { name: 'Datum *' })).toContainText('Datum');
    await expect(dialog.getByRole('cell', { name: 'Adventskalender Tür 1: Stadtbibliothek' })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'plan import preview');

    await dialog.getByRole('button', { name: 'Importieren', exact: true }).click();
    await expect(dialog.getByText('11 Beiträge importiert, 0 Zeilen übersprungen.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    const december = await api.get<PostView[]>('/posts?from=2026-12-01T00:00:00%2B01:00&to=2027-01-01T00:00:00%2B01:00');
    const imported = december.find((p) => p.workingTitle === 'Adventskalender Tür 1: Stadtbibliothek');
    expect(imported).toMatchObject({ planning: { kind: 'time', at: '2026-12-01T09:00:00.000Z' }, status: 'draft' });
    expect(imported?.variants).toHaveLength(2);
    await expect(page.getByText('Adventskalender Tür 1: Stadtbibliothek').first()).toBeVisible();
  });

  test('offers the filtered range as Excel and CSV downloads', async ({ page }) => {
    await logInToShell(page, EDITOR);
    const organizationId = currentOrganizationId(page);
    await page.goto(`/o/${organizationId}/redaktionsplan?ansicht=monat&datum=2026-12-01`);
    await page.getByRole('button', { name: 'Exportieren' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Als CSV-Datei (.csv)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^redaktionsplan-.*\.csv$/);
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]).toString('utf8');
    expect(csv.startsWith('\uFEFFDatum;Uhrzeit;Arbeitstitel')).toBe(true);
  });

  test('creates a calendar subscription that Outlook can read, and revokes it', async ({ page }) => {
    await logInToShell(page, EDITOR);
    await openArea(page, 'Einstellungen');
    await page.getByRole('tab', { name: 'Kalender-Abo' }).click();
    await expect(page.getByRole('heading', { name: 'Kalender-Abo' })).toBeVisible();
    const label = `Outlook Pressestelle ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Bezeichnung' }).fill(label);
    await page.getByRole('button', { name: 'Abo-Adresse erzeugen' }).click();
    const address = page.getByRole('textbox', { name: 'Abo-Adresse' });
    await expect(address).toHaveValue(/\/api\/calendar\/[^/]+\.ics$/);
    const url = await address.inputValue();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'calendar subscription');

    // A calendar app has no session: a fresh request context without cookies.
    const feed = await page.context().request.fetch(url, { headers: { cookie: '' } });
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: `Abo „${label}“ widerrufen` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Widerrufen' }).click();
    await expect(page.getByRole('row', { name: new RegExp(label) })).toContainText('widerrufen am');
    expect((await page.context().request.fetch(url, { headers: { cookie: '' } })).status()).toBe(404);
  });
});
