import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { keepScreenshot, logIn, openArea, seriousAccessibilityViolations } from './support/amtsplan';

const MODERATOR = 'community@musterstadt.example';
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

test.describe('Community: Posteingang', () => {
  test('a moderator captures and answers comments by keyboard, forwards one and secures evidence of a hate comment', async ({ browser }) => {
    test.slow();
    const stamp = Date.now().toString().slice(-6);
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
    await page.keyboard.type('Hallo Erika, samstags ist das Bürgerbüro von 9 bis 12 Uhr geöffnet.');
    await page.keyboard.press('Control+Enter');
    const panel = page.getByRole('region', { name: 'Ausgewählter Eintrag' });
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeVisible();
    await expect(panel.getByText('Beantwortet', { exact: true })).toBeVisible();

    await page.locator('[data-item][aria-current="true"]').focus();
    await captureByKeyboard(page, `Wann wird der Sperrmüll in der Weststadt abgeholt? (${stamp}-2)`, 'Jonas J.');
    await page.keyboard.press('a');
    await expect(panel.getByText('Clara Community', { exact: true })).toBeVisible();
    await page.keyboard.press('r');
    await page.keyboard.type('Hallo Jonas, der nächste Termin steht im Abfallkalender: musterstadt.example/abfall');
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
