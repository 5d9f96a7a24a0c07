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

/**
 * After a switch from the desktop to the phone width the navigation stays open as an overlay
 * (it was open beside the page); a tap on the backdrop closes it, as a user would.
 */
async function closeNavigationOverlay(page: Page): Promise<void> {
  await page.waitForTimeout(500);
  const backdrop = page.locator('.mat-drawer-backdrop.mat-drawer-shown');
  if (await backdrop.isVisible()) await backdrop.click({ position: { x: 360, y: 400 } });
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
}

/** The admin marks inbox categories as sensitive: replies on them go through the Freigabe first (decision 0020). */
async function markSensitive(browser: Browser, categories: readonly string[]): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await logIn(page, 'admin@musterstadt.example');
    await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible({ timeout: 30_000 });
    const admin = await musterstadtApi(page);
    const settings = await admin.get<Record<string, unknown> & { version: number }>('/inbox/settings');
    await admin.put('/inbox/settings', { ...settings, sensitiveCategories: categories });
  } finally {
    await context.close();
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
  test('a moderator answers three comments with text blocks by keyboard, forwards one, secures evidence of a hate comment and sends a sensitive reply through the Freigabe', async ({ browser }) => {
    // Four people, three logins and a decision on a busy machine.
    test.setTimeout(480_000);
    const stamp = Date.now().toString().slice(-6);
    const opening = `oeffnung-${stamp}`;
    const bulky = `sperrmuell-${stamp}`;
    const calendar = `kalender-${stamp}`;
    await markSensitive(browser, ['complaint', 'hate']);
    await approvedTextBlocks(browser, [
      { shortCode: calendar, title: `Abfallkalender abonnieren ${stamp}`, body: 'Hallo {{name}}, den Abfallkalender können Sie im Handykalender abonnieren: musterstadt.example/abfall/ics' },
      { shortCode: opening, title: `Bürgerbüro samstags ${stamp}`, body: 'Guten Tag {{name}}, das Bürgerbüro hat samstags von 9 bis 12 Uhr geöffnet.' },
      { shortCode: bulky, title: `Sperrmüll-Termine ${stamp}`, body: 'Hallo {{name}}, die Abholtermine stehen im Abfallkalender: musterstadt.example/abfall' },
    ]);
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await openInbox(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-inbox-desktop');

    // Capture three questions and answer them with text blocks without the mouse (no click from here to the forwarding).
    // Nothing focused (the list may be empty): the shortcuts act on the page.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
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

    // The third: category by key, reply box by key, text block by Ctrl+K, sent with Ctrl+Enter.
    await page.locator('[data-item][aria-current="true"]').focus();
    await captureByKeyboard(page, `Gibt es den Abfallkalender zum Abonnieren? (${stamp}-5)`, 'Tim T.');
    await page.keyboard.press('1');
    await expect(panel.getByText('Frage', { exact: true })).toBeVisible();
    await page.keyboard.press('r');
    await expect(page.getByLabel('Antworttext')).toBeFocused();
    await insertTextBlock(page, 'Control+k', calendar);
    await expect(page.getByLabel('Antworttext')).toHaveValue('Hallo Tim T., den Abfallkalender können Sie im Handykalender abonnieren: musterstadt.example/abfall/ics');
    await page.keyboard.press('Control+Enter');
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeVisible();
    await expect(panel.getByText('Beantwortet', { exact: true })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

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

    // A complaint: the category is marked sensitive in the demo, so the reply goes to the Freigabe first.
    await page.locator('[data-item][aria-current="true"]').focus();
    const complaint = `Seit Wochen stinkt der Container am Bahnhof, niemand kümmert sich! (${stamp}-6)`;
    await captureByKeyboard(page, complaint, 'Karl K.');
    await page.keyboard.press('2');
    await expect(panel.getByText('Die Kategorie ist als sensibel markiert')).toBeVisible();
    await page.keyboard.press('r');
    await page.keyboard.type('Guten Tag Karl K., danke für den Hinweis. Die Abfallwirtschaft leert den Container morgen früh.');
    await page.keyboard.press('Control+Enter');
    const approvalBox = panel.locator('.approval');
    await expect(approvalBox).toContainText('Wartet auf Freigabe');
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeHidden();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await approvalBox.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'community-sensitive-reply-desktop');
    await page.setViewportSize(PHONE);
    await closeNavigationOverlay(page);
    await approvalBox.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'community-sensitive-reply-mobile');
    await page.setViewportSize(DESKTOP);

    // The Redaktion looks over (first step of the route, by API); leadership approves on the decision page.
    const editorContext = await browser.newContext();
    const editorPage = await editorContext.newPage();
    await logInToShell(editorPage, EDITOR);
    const editorApi = await musterstadtApi(editorPage);
    const waiting = await editorApi.get<{ waitingForMe: Array<{ requestId: string; subjectType: string; workingTitle: string }> }>('/approvals/inbox');
    const row = waiting.waitingForMe.find((r) => r.subjectType === 'inbox_reply' && r.workingTitle === 'Antwort an Karl K.')!;
    const request = await editorApi.get<{ id: string; contentHash: string; currentStepIndex: number }>(`/approval-requests/${row.requestId}`);
    await editorApi.post(`/approval-requests/${request.id}/decisions`, { decision: 'approve', stepIndex: request.currentStepIndex, contentHash: request.contentHash });
    await editorContext.close();

    const approverContext = await browser.newContext({ viewport: PHONE });
    const approver = await approverContext.newPage();
    await logIn(approver, APPROVER);
    await expect(approver.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible({ timeout: 30_000 });
    await openArea(approver, 'Freigaben');
    await approver.getByRole('link', { name: 'Antwort an Karl K.' }).first().click();
    await expect(approver.getByRole('heading', { level: 1, name: 'Antwort im Posteingang' })).toBeVisible();
    const preview = approver.getByRole('region', { name: 'Eingereichte Antwort' });
    await expect(preview).toContainText(complaint);
    await expect(preview).toContainText('Die Abfallwirtschaft leert den Container morgen früh.');
    expect(await seriousAccessibilityViolations(approver)).toEqual([]);
    await keepScreenshot(approver, 'approval-inbox-reply-mobile');
    await approver.getByRole('button', { name: 'Freigeben' }).click();
    await expect(approver.locator('[data-status]')).toHaveText('Freigegeben');
    await approverContext.close();

    // Back in the Posteingang: the approved reply is copied and marked answered.
    await page.reload();
    await expect(page.getByText(/\d+ Einträge geladen/)).toBeVisible({ timeout: 30_000 });
    await page.locator('[data-item]').filter({ hasText: complaint.slice(0, 30) }).first().click();
    await expect(approvalBox).toContainText('Freigegeben – bereit zum Senden');
    await panel.getByRole('button', { name: 'Freigegebene Antwort kopieren und als beantwortet markieren' }).click();
    await expect(panel.getByText('Kopiert und als beantwortet markiert')).toBeVisible();
    await expect(panel.getByText('Beantwortet', { exact: true })).toBeVisible();

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

  test('settings: routing rules are edited, reordered and deleted with field errors; own placeholders are managed', async ({ browser }) => {
    test.slow();
    const stamp = Date.now().toString().slice(-6);
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await logInToShell(page, 'admin@musterstadt.example');
    const api = await musterstadtApi(page);
    await page.goto(`/o/${api.organizationId}/community/einstellungen`);
    await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen des Posteingangs' })).toBeVisible({ timeout: 30_000 });
    const rules = page.getByRole('list', { name: 'Weiterleitungsregeln' });
    // Sensitive categories: ticked and saved with the other settings.
    const praise = page.getByRole('checkbox', { name: 'Anregung' });
    if (!(await praise.isChecked())) await praise.check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Einstellungen gespeichert.')).toBeVisible();
    await expect(praise).toBeChecked();
    const first = await api.post<{ id: string }>('/inbox/routing-rules', { matchKind: 'keyword', keyword: `Abfall${stamp}`, category: 'question', department: 'Abfallwirtschaft' });
    expect(first.id).toBeTruthy();
    await page.reload();
    await expect(rules.getByRole('listitem').filter({ hasText: `Abfall${stamp}` })).toBeVisible({ timeout: 30_000 });

    // A rule without a keyword: the server's message stands at the field.
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Neue Regel' }) });
    await form.getByRole('button', { name: 'Regel anlegen' }).click();
    await expect(form.getByText('Bitte ein Stichwort angeben')).toBeVisible();
    await form.getByLabel('Stichwort').fill(`Spielplatz${stamp}`);
    await form.getByRole('combobox', { name: 'Kategorie' }).click();
    await page.getByRole('option', { name: 'Anregung' }).click();
    await form.getByLabel('Fachbereich').fill('Grünflächenamt');
    await form.getByRole('button', { name: 'Regel anlegen' }).click();
    const created = rules.getByRole('listitem').filter({ hasText: `Spielplatz${stamp}` });
    await expect(created).toContainText('Anregung, Grünflächenamt');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-routing-rules-desktop');

    // Edit it, move it to the top, and delete it again.
    await created.getByRole('button', { name: /bearbeiten$/ }).click();
    const editForm = page.locator('form').filter({ has: page.getByRole('heading', { name: /^Regel \d+ bearbeiten$/ }) });
    await editForm.getByLabel('Fachbereich').fill('Stadtgrün');
    await editForm.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(created).toContainText('Anregung, Stadtgrün');
    const count = await rules.getByRole('listitem').count();
    for (let n = count; n > 1; n--) {
      await rules.getByRole('button', { name: `Regel ${n} nach oben` }).click();
      await expect(rules.getByRole('listitem').nth(n - 2)).toContainText(`Spielplatz${stamp}`);
    }
    await expect(rules.getByRole('listitem').first()).toContainText(`Spielplatz${stamp}`);
    await page.setViewportSize(PHONE);
    await closeNavigationOverlay(page);
    await rules.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'community-routing-rules-mobile');
    await page.setViewportSize(DESKTOP);
    await rules.getByRole('button', { name: 'Regel 1 löschen' }).click();
    await expect(rules).not.toContainText(`Spielplatz${stamp}`);

    // Own placeholders: a built-in name is refused at its field, then saved with a default value.
    await page.goto(`/o/${api.organizationId}/textbausteine/einstellungen`);
    await expect(page.getByRole('heading', { level: 1, name: 'Anrede und eigene Platzhalter' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Platzhalter hinzufügen' }).click();
    const last = page.locator('.placeholders li').last();
    await expect(last.getByRole('textbox', { name: 'Platzhalter' })).toBeFocused();
    await page.keyboard.type('name');
    await last.getByLabel('Bezeichnung').fill('Name');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(last.getByText('{{name}} gibt es schon für alle Behörden.')).toBeVisible();
    await last.getByRole('textbox', { name: 'Platzhalter' }).fill(`sprechzeit${stamp}`);
    await last.getByLabel('Bezeichnung').fill('Sprechzeit');
    await last.getByLabel('Standardwert (optional)').fill('Di 14–18 Uhr');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Anrede und Platzhalter gespeichert.')).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'text-block-placeholders-desktop');
    await page.setViewportSize(PHONE);
    await closeNavigationOverlay(page);
    await keepScreenshot(page, 'text-block-placeholders-mobile');
    await context.close();
  });
});
