import { type Browser, type Page, expect as baseExpect, test } from '@playwright/test';
import type { ChannelView, PostView } from '@amtsplan/contracts';
import { keepScreenshot, logIn, openArea, seriousAccessibilityViolations } from './support/amtsplan';
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
const HOLDING_STATEMENT = 'Wir nehmen Ihre Kritik zur Sperrung ernst';

/** The holding statement of level 3: an approved text block (written by the Redaktion, signed off by the Leitung). */
async function approvedHoldingStatement(browser: Browser): Promise<string> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  try {
    const editorPage = await context.newPage();
    await logInToShell(editorPage, EDITOR);
    const editor = await musterstadtApi(editorPage);
    const approverContext = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    try {
      const approverPage = await approverContext.newPage();
      await logInToShell(approverPage, APPROVER);
      const approver = await musterstadtApi(approverPage);
      const [category] = await editor.get<Array<{ id: string }>>('/text-block-categories');
      const block = await editor.post<{ id: string; version: number }>('/text-blocks', {
        title: HOLDING_STATEMENT,
        shortCode: `haltung-${Date.now().toString().slice(-6)}`,
        body: { sie: 'Guten Tag {{name}}, wir nehmen Ihre Kritik zur Sperrung ernst. Heute Abend informieren wir über Umleitungen.', du: null },
        categoryId: category!.id,
      });
      const request = await editor.post<{ id: string; contentHash: string }>(`/text-blocks/${block.id}/submit`, { version: block.version });
      await approver.post(`/approval-requests/${request.id}/decisions`, { decision: 'approve', stepIndex: 1, contentHash: request.contentHash });
      return block.id;
    } finally {
      await approverContext.close();
    }
  } finally {
    await context.close();
  }
}

/**
 * A wave of complaints on two channels within the last hour, captured through the inbox API and
 * categorised: 32 of 40 per channel (level 3: 30 per hour, 50 %, two channels). The last capture
 * arrives after the categorisation, so the detection it triggers sees the whole wave.
 */
async function seedCommentWave(api: PlanApi): Promise<void> {
  const stamp = Date.now();
  for (const name of ['Facebook', 'Instagram']) {
    const channel = await api.post<ChannelView>('/channels', { platform: name.toLowerCase(), name: `${name} Welle ${stamp}`, color: '#1877f2' });
    for (let i = 0; i < 40; i++) {
      const item = await api.post<{ id: string; version: number }>('/inbox/items', {
        channelId: channel.id,
        authorHandle: `person${i}`,
        text: `Die Vollsperrung ist eine Zumutung (${name} ${i})`,
        receivedAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      });
      if (i < 32) await api.patch(`/inbox/items/${item.id}/category`, { version: item.version, category: 'complaint' });
    }
  }
  await api.post('/inbox/items', { authorHandle: 'letzte', text: 'Und noch ein Kommentar' });
}

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

    // Level 3's holding statement: an approved text block, linked in the draft before the sign-off.
    const statementId = await approvedHoldingStatement(browser);
    const playbookId = page.url().split('/').pop()!;
    const draft = await api.get<{ version: number; content: { levels: Array<{ level: number; holdingStatementIds: string[] }> } }>(`/playbooks/${playbookId}`);
    const levels = draft.content.levels.map((l) => (l.level === 3 ? { ...l, holdingStatementIds: [statementId] } : l));
    await api.patch(`/playbooks/${playbookId}`, { version: draft.version, content: { ...draft.content, levels } });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Playbook bearbeiten' })).toBeVisible();

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

  test('a wave raises „Möglicher Shitstorm“; the Redaktion declares level 3 from it, stops publishing, works the checklist, answers with a holding statement, lifts the stop and re-plans the paused post, closes with a review', async ({ page, browser }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInToShell(page, EDITOR);
    const api = await musterstadtApi(page);
    await page.goto(`/o/${api.organizationId}/krisen-playbooks`);
    await expect(page.getByRole('heading', { name: 'Krisen-Playbooks', level: 1 })).toBeVisible();

    // A seeded comment wave: the detection job runs on arrival; the open page updates live.
    await seedCommentWave(api);
    const alert = page.getByTestId('crisis-detections');
    await expect(alert).toContainText('Möglicher Shitstorm: Stufe 3 – Starker Wind', { timeout: 90_000 });
    await expect(alert).toContainText('Der Krisenmodus wurde nicht aktiviert');
    await expect(page.getByTestId('crisis-banner')).toHaveCount(0);
    await checkPage(page, 'crisis-detection-alert');
    await page.getByRole('button', { name: 'Krise ausrufen mit Stufe 3 – Starker Wind' }).click();
    await expect(page.getByRole('textbox', { name: 'Bezeichnung' })).toBeFocused();
    await expect(page.getByRole('combobox', { name: 'Playbook' })).toContainText(TEMPLATE);
    await expect(page.getByRole('combobox', { name: 'Stufe' })).toContainText('Stufe 3 – Starker Wind');
    await page.getByRole('textbox', { name: 'Bezeichnung' }).fill('Baustelle Hauptstraße');
    await page.getByRole('textbox', { name: 'Anlass' }).fill('Welle wütender Kommentare zur Vollsperrung');
    await page.getByRole('button', { name: 'Krise ausrufen', exact: true }).click();

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
    const incidentUrl = page.url();

    // Answering in the Posteingang: the holding statement comes first in the picker, and sending it is on the timeline.
    await openArea(page, 'Community');
    await expect(page.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeVisible();
    await expect(page.getByTestId('crisis-banner')).toContainText('Kommunikationsstopp aktiv');
    await page.locator('[data-item]').first().focus();
    await page.keyboard.press('r');
    await expect(page.getByLabel('Antworttext')).toBeFocused();
    await page.keyboard.press('Control+k');
    const picker = page.getByRole('dialog', { name: 'Textbaustein einfügen' });
    const statements = picker.getByRole('group', { name: 'Haltungsstatements (aktive Krise)' });
    await expect(statements.getByRole('option')).toContainText(HOLDING_STATEMENT);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'crisis-picker-holding-statements');
    await page.keyboard.press('Enter');
    const fill = page.getByRole('dialog', { name: /ausfüllen/ });
    await expect(fill).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(fill).toBeHidden();
    await expect(page.getByLabel('Antworttext')).toHaveValue(/wir nehmen Ihre Kritik zur Sperrung ernst/);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: 'Ausgewählter Eintrag' }).getByText('Kopiert und als beantwortet markiert')).toBeVisible();
    await page.goto(incidentUrl);
    await expect(timeline).toContainText(`Haltungsstatement als Antwort kopiert und veröffentlicht: „${HOLDING_STATEMENT}“`);

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
