import { type Browser, type Page, expect as baseExpect, test } from '@playwright/test';
import type { ChannelView, PostView } from '@amtsplan/contracts';
import { keepScreenshot, logIn, seriousAccessibilityViolations } from './support/amtsplan';
import { musterstadtApi, PlanApi } from './support/editorial-plan-api';

/** This machine is shared and often loaded: a login or a page may take longer than the default 10 s. */
const expect = baseExpect.configure({ timeout: 30_000 });

async function logInToShell(page: Page, email: string): Promise<void> {
  await logIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible({ timeout: 60_000 });
}

const ADMIN = 'admin@musterstadt.example';
const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const TEMPLATE = 'Kritikwelle zu einer Entscheidung oder Baustelle';

/** A post approved by the Leitung, due in `ms`: while the stop is active it is held (paused). */
async function approvedPostDueIn(browser: Browser, editorApi: PlanApi, ms: number): Promise<PostView> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  try {
    const page = await context.newPage();
    await logInToShell(page, APPROVER);
    const approver = await musterstadtApi(page);
    const channel = await editorApi.post<ChannelView>('/channels', { platform: 'facebook', name: `Facebook ${Date.now()}`, color: '#1877f2' });
    const post = await editorApi.post<PostView>('/posts', {
      workingTitle: 'Adventsmarkt-Gewinnspiel',
      text: 'Gewinnen Sie zwei Tassen Glühwein auf dem Adventsmarkt!',
      variants: [{ channelId: channel.id, text: null }],
      planning: { kind: 'time', at: new Date(Date.now() + ms).toISOString() },
    });
    const request = await editorApi.post<{ id: string; contentHash: string }>(`/posts/${post.id}/submit`, { version: post.version });
    await approver.post(`/approval-requests/${request.id}/decisions`, { decision: 'approve', stepIndex: 1, contentHash: request.contentHash });
    return post;
  } finally {
    await context.close();
  }
}

async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await keepScreenshot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await keepScreenshot(page, `${name}-375`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('Krisen-Playbooks und Krisenmodus', () => {
  test.describe.configure({ timeout: 300_000 });
  test('the administration adapts a template and submits it; the Leitung signs it off in the Freigaben', async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInToShell(page, ADMIN);
    const api = await musterstadtApi(page);
    await page.goto(`/o/${api.organizationId}/krisen-playbooks`);
    await expect(page.getByRole('heading', { name: 'Krisen-Playbooks', level: 1 })).toBeVisible();
    await checkPage(page, 'crisis-overview');
    await page.getByRole('button', { name: `Vorlage „${TEMPLATE}“ übernehmen` }).click();
    await expect(page.getByRole('heading', { name: 'Playbook bearbeiten' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Name', exact: true }).first().fill(`${TEMPLATE} (Musterstadt)`);
    const contact = page.getByRole('group', { name: 'Kontakt 1', exact: true });
    await contact.getByRole('textbox', { name: 'Name' }).fill('Petra Presse');
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('0301 234-100');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Gespeichert.' })).toBeVisible();
    await checkPage(page, 'crisis-playbook-editor');

    // The sign-off runs through the organization's Freigabe: the author submits, the Leitung decides.
    await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(page.getByText(/Version 1 · In Freigabe/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Freigabe ansehen' })).toBeVisible();
    const name = `${TEMPLATE} (Musterstadt)`;
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    try {
      const approver = await context.newPage();
      await approver.setViewportSize({ width: 1280, height: 900 });
      await logInToShell(approver, APPROVER);
      await approver.goto(`/o/${api.organizationId}/freigaben`);
      const item = approver.getByRole('link', { name }).first();
      await expect(item).toBeVisible();
      await item.click();
      await expect(approver.getByRole('heading', { level: 1, name })).toBeVisible();
      const preview = approver.getByRole('region', { name: 'Eingereichtes Krisen-Playbook' });
      await expect(preview).toContainText('Stufe 3 – Starker Wind');
      await checkPage(approver, 'crisis-playbook-decision');
      await approver.getByRole('button', { name: 'Freigeben' }).click();
      await expect(approver.locator('.meta__status')).toHaveText('Freigegeben');
    } finally {
      await context.close();
    }
    await page.reload();
    await expect(page.getByText(/Version 1 · Freigegeben/)).toBeVisible();
  });

  test('the Redaktion declares level 3, stops publishing, works the checklist, lifts the stop and re-plans the paused post, closes with a review', async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInToShell(page, EDITOR);
    const api = await musterstadtApi(page);
    await page.goto(`/o/${api.organizationId}/krisen-playbooks`);

    await page.getByRole('combobox', { name: 'Playbook' }).click();
    await page.getByRole('option', { name: new RegExp(TEMPLATE) }).first().click();
    await page.getByRole('textbox', { name: 'Bezeichnung' }).fill('Baustelle Hauptstraße');
    await page.getByRole('textbox', { name: 'Anlass' }).fill('Welle wütender Kommentare zur Vollsperrung');
    await page.getByRole('button', { name: 'Krise ausrufen' }).click();

    await expect(page.getByRole('heading', { name: 'Baustelle Hauptstraße', level: 1 })).toBeVisible();
    const banner = page.getByTestId('crisis-banner');
    await expect(banner).toContainText('Krisenmodus: Baustelle Hauptstraße, Stufe 3 – Starker Wind');
    const timeline = page.getByRole('region', { name: 'Zeitleiste' });
    await expect(timeline).toContainText('Krise ausgerufen: Stufe 3 – Starker Wind');

    // Kommunikationsstopp with confirmation and reason.
    await page.getByRole('button', { name: 'Kommunikationsstopp aktivieren' }).click();
    const stopDialog = page.getByRole('dialog', { name: 'Kommunikationsstopp aktivieren' });
    await stopDialog.getByRole('textbox', { name: 'Grund' }).fill('Keine Werbung während der Welle');
    await expect(stopDialog.getByRole('button', { name: 'Stopp aktivieren' })).toBeDisabled();
    await stopDialog.getByRole('checkbox', { name: /Ich bestätige/ }).check();
    await stopDialog.getByRole('button', { name: 'Stopp aktivieren' }).click();
    await expect(banner).toContainText('Kommunikationsstopp aktiv');
    await expect(timeline).toContainText('Kommunikationsstopp aktiviert');

    // A post falls due during the stop: held.
    const held = await approvedPostDueIn(browser, api, 3_000);
    await page.waitForTimeout(5_000);

    // The checklist.
    const checklist = page.getByRole('region', { name: /^Checkliste/ });
    await checklist.getByRole('checkbox', { name: /Krisenstab Kommunikation einberufen/ }).check();
    await expect(timeline).toContainText('Erledigt: Krisenstab Kommunikation einberufen');
    await checkPage(page, 'crisis-incident');

    // The banner shows on every page of the organization, the plan shows the post as paused.
    await page.goto(`/o/${api.organizationId}/redaktionsplan`);
    await expect(page.getByTestId('crisis-banner')).toContainText('Kommunikationsstopp aktiv');
    await page.goBack();

    // Lifting: the paused post is re-planned for tomorrow 10:00.
    await page.getByRole('button', { name: 'Kommunikationsstopp aufheben' }).click();
    const liftDialog = page.getByRole('dialog', { name: 'Kommunikationsstopp aufheben' });
    await expect(liftDialog).toContainText('Pausierte Beiträge (1)');
    const row = liftDialog.getByRole('group', { name: 'Adventsmarkt-Gewinnspiel' });
    await row.getByRole('radio', { name: 'Neu planen' }).check();
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
    await row.getByLabel('Neuer Zeitpunkt').fill(local);
    await liftDialog.getByRole('textbox', { name: 'Grund der Aufhebung' }).fill('Lage beruhigt');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'crisis-lift-dialog');
    await liftDialog.getByRole('button', { name: 'Stopp aufheben' }).click();
    await expect(timeline).toContainText('Pausierter Beitrag „Adventsmarkt-Gewinnspiel“: Neu planen');
    await expect(banner).not.toContainText('Kommunikationsstopp aktiv');
    expect((await api.get<PostView>(`/posts/${held.id}`)).status).toBe('draft');

    // End and review.
    await page.getByRole('button', { name: 'Krisenfall beenden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Krisenfall beenden' }).click();
    const review = page.getByRole('region', { name: 'Nachbereitung (Review)' });
    await review.getByRole('textbox', { name: 'Was ist passiert?' }).fill('Nach der Vollsperrung kam eine Welle von Kritik.');
    await review.getByRole('textbox', { name: 'Was ändern wir?' }).fill('Anwohnende früher informieren.');
    await review.getByRole('textbox', { name: /Folgeaufgaben/ }).fill('Infoblatt Baustellen erstellen');
    await review.getByRole('button', { name: 'Review abschließen' }).click();
    await expect(page.getByText('Review abgeschlossen', { exact: false }).first()).toBeVisible();
    await expect(banner).toHaveCount(0);
    await checkPage(page, 'crisis-incident-reviewed');
  });
});
