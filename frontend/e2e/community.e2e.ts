import { readFileSync } from 'node:fs';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { keepScreenshot, logIn, logInToShell, openArea, seriousAccessibilityViolations } from './support/amtsplan';
import { musterstadtApi } from './support/editorial-plan-api';

const MODERATOR = 'community@musterstadt.example';
const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** Logged in and in the Posteingang; generous waits, the machine runs other work beside the tests. */
async function openInbox(page: Page): Promise<void> {
  await logIn(page, MODERATOR);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible({ timeout: 30_000 });
  await openArea(page, 'Community');
  await expect(page.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/\d+ Einträge geladen/)).toBeVisible({ timeout: 30_000 });
}

/** Captures a comment with the keyboard only: n opens the dialog, Tab walks, Ctrl+Enter saves. */
async function captureByKeyboard(page: Page, text: string, author: string): Promise<void> {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Kommentar erfassen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Text des Kommentars')).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await page.keyboard.type(author);
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  const selected = page.locator('[data-item][aria-current="true"]');
  await expect(selected).toContainText(text.slice(0, 30));
  await expect(selected).toBeFocused();
}

/** Text blocks written by the Redaktion and approved by the Leitung (four-eyes), through the API. */
async function approvedTextBlocks(browser: Browser, blocks: ReadonlyArray<{ shortCode: string; title: string; body: string }>): Promise<void> {
  const editorContext = await browser.newContext();
  const approverContext = await browser.newContext();
  try {
    const editorPage = await editorContext.newPage();
    await logInToShell(editorPage, EDITOR);
    const editor = await musterstadtApi(editorPage);
    const approverPage = await approverContext.newPage();
    await logInToShell(approverPage, APPROVER);
    const approver = await musterstadtApi(approverPage);
    const categories = await editor.get<Array<{ id: string; name: string }>>('/text-block-categories');
    const category = categories.find((c) => c.name === 'Termine/Bürgerbüro') ?? categories[0];
    for (const block of blocks) {
      const created = await editor.post<{ id: string; version: number }>('/text-blocks', { title: block.title, shortCode: block.shortCode, body: { sie: block.body, du: null }, categoryId: category.id });
      const request = await editor.post<{ id: string; contentHash: string }>(`/text-blocks/${created.id}/submit`, { version: created.version });
      await approver.post(`/approval-requests/${request.id}/decisions`, { decision: 'approve', stepIndex: 1, contentHash: request.contentHash });
    }
  } finally {
    await editorContext.close();
    await approverContext.close();
  }
}

/** In the reply box: Ctrl+K (or "/"), search by short code, Enter; the commenter's name is pre-filled, Enter inserts. */
async function insertTextBlock(page: Page, opener: 'Control+k' | '/', shortCode: string): Promise<void> {
  await page.keyboard.press(opener);
  const picker = page.getByRole('dialog', { name: 'Textbaustein einfügen' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(shortCode);
  await expect(picker.getByRole('option').first()).toContainText(`/${shortCode}`);
  await page.keyboard.press('Enter');
  const fill = page.getByRole('dialog', { name: /ausfüllen/ });
  await expect(fill).toBeVisible();
  await expect(fill.locator('input[data-placeholder]').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fill).toBeHidden();
}

test.describe('Community: Posteingang', () => {
  test('a moderator captures and answers comments by keyboard, forwards one and secures evidence of a hate comment', async ({ browser }) => {
    test.slow();
    const stamp = Date.now().toString().slice(-6);
    const opening = `oeffnung-${stamp}`;
    const bulky = `sperrmuell-${stamp}`;
    await approvedTextBlocks(browser, [
      { shortCode: opening, title: `Bürgerbüro samstags ${stamp}`, body: 'Guten Tag {{name}}, das Bürgerbüro hat samstags von 9 bis 12 Uhr geöffnet.' },
      { shortCode: bulky, title: `Sperrmüll-Termine ${stamp}`, body: 'Hallo {{name}}, die Abholtermine stehen im Abfallkalender: musterstadt.example/abfall' },
    ]);
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await openInbox(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-inbox-desktop');

    // Capture two questions and answer both without the mouse.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await captureByKeyboard(page, `Hat das Bürgerbüro am Samstag offen? (${stamp}-1)`, 'Erika E.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('1');
    await expect(page.getByRole('region', { name: 'Ausgewählter Eintrag' }).getByText('Frage', { exact: true })).toBeVisible();
    await page.keyboard.press('r');
    const replyBox = page.getByLabel('Antworttext');
    await expect(replyBox).toBeFocused();
    await page.keyboard.type('Hallo {{name}}, samstags ist das Bürgerbüro von 9 bis 12 Uhr geöffnet.');
    await expect(page.getByText('Noch nicht ausgefüllt: {{name}}')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kopieren und als beantwortet markieren' })).toBeDisabled();
    await keepScreenshot(page, 'community-reply-blocked-desktop');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    // The approved text block instead, with the commenter's name filled in from the comment.
    await insertTextBlock(page, 'Control+k', opening);
    await expect(replyBox).toHaveValue('Guten Tag Erika E., das Bürgerbüro hat samstags von 9 bis 12 Uhr geöffnet.');
    await expect(replyBox).toBeFocused();
    await expect(page.getByText('Aus einem freigegebenen Textbaustein')).toBeVisible();
    await page.keyboard.press('Control+Enter');
    const panel = page.getByRole('region', { name: 'Ausgewählter Eintrag' });
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeVisible();
    await expect(panel.getByText('Beantwortet', { exact: true })).toBeVisible();

    await page.locator('[data-item][aria-current="true"]').focus();
    await captureByKeyboard(page, `Wann wird der Sperrmüll in der Weststadt abgeholt? (${stamp}-2)`, 'Jonas J.');
    await page.keyboard.press('a');
    await expect(panel.getByText('Clara Community', { exact: true })).toBeVisible();
    await page.keyboard.press('r');
    await insertTextBlock(page, '/', bulky);
    await expect(page.getByLabel('Antworttext')).toHaveValue('Hallo Jonas J., die Abholtermine stehen im Abfallkalender: musterstadt.example/abfall');
    await page.keyboard.press('Control+Enter');
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeVisible();

    // A question for the Tiefbauamt: forwarded to the department.
    await page.locator('[data-item][aria-current="true"]').focus();
    await captureByKeyboard(page, `Wie lange bleibt die Baustelle in der Hauptstraße? (${stamp}-3)`, 'Lena L.');
    await page.keyboard.press('w');
    const forward = page.getByRole('dialog', { name: 'An einen Fachbereich weiterleiten' });
    await expect(forward).toBeVisible();
    // Also by keyboard: department typed, Tab to the person, Enter opens and picks, Tab to the note, Ctrl+Enter sends.
    await expect(forward.getByLabel('Fachbereich', { exact: true })).toBeFocused();
    await page.keyboard.type('Tiefbauamt');
    await page.keyboard.press('Tab');
    const person = forward.getByRole('combobox', { name: 'Person im Fachbereich' });
    await expect(person).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option', { name: 'Fabian Fachbereich' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(person).toContainText('Fabian Fachbereich');
    await page.keyboard.press('Tab');
    await expect(forward.getByLabel('Hinweis an den Fachbereich')).toBeFocused();
    await page.keyboard.type('Bitte den Stand der Bauarbeiten nennen.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-forward-dialog-desktop');
    await page.keyboard.press('Control+Enter');
    await expect(forward).toBeHidden();
    await expect(panel.getByText('In Klärung beim Fachbereich')).toBeVisible();
    await expect(panel.getByText('Tiefbauamt (Fabian Fachbereich)')).toBeVisible();

    // A hate comment: categorised with 5, evidence secured with b, report downloaded.
    await page.locator('[data-item][aria-current="true"]').focus();
    await captureByKeyboard(page, `Ihr seid alle Verbrecher im Rathaus, euch sollte man [Drohung]. (${stamp}-4)`, 'Anonym 99');
    await page.keyboard.press('5');
    await expect(panel.getByRole('button', { name: 'Beweis sichern (b)' })).toBeVisible();
    await page.keyboard.press('b');
    const evidence = page.getByRole('dialog', { name: 'Beweis sichern' });
    await expect(evidence).toBeVisible();
    // Keys typed before the dialog has moved focus to its first field would be lost.
    const contextField = evidence.getByLabel('Zusammenhang (z. B. unter welchem Beitrag)');
    await expect(contextField).toBeFocused();
    await page.keyboard.type('Kommentar unter dem Beitrag zum Stadtfest');
    await expect(contextField).toHaveValue('Kommentar unter dem Beitrag zum Stadtfest');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-evidence-dialog-desktop');
    await evidence.getByRole('button', { name: 'Sichern' }).click();
    await expect(evidence).toBeHidden();
    await expect(panel.getByText(/spätestens bis \d\d\.\d\d\.\d{4}/)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Bericht (PDF)' }).click()]);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 4).toString()).toBe('%PDF');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-hate-evidence-desktop');

    await keepScreenshot(page, 'community-inbox-filled-desktop');

    // Figures and the phone view.
    await page.getByRole('link', { name: 'Kennzahlen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kennzahlen' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Eingänge je Kalenderwoche/ })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-dashboard-desktop');
    await context.close();

    const phoneContext = await browser.newContext({ viewport: PHONE });
    const phone = await phoneContext.newPage();
    await openInbox(phone);
    await expect(phone.locator('[data-item]').first()).toBeVisible();
    expect(await seriousAccessibilityViolations(phone)).toEqual([]);
    await keepScreenshot(phone, 'community-inbox-mobile');
    await phoneContext.close();
  });
});
