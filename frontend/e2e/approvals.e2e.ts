import { readFileSync } from 'node:fs';
import { type Browser, type Page, expect, test } from '@playwright/test';
import type { ChannelView, PostView } from '@amtsplan/contracts';
import { currentOrganizationId, keepScreenshot, logInToShell, openArea, seriousAccessibilityViolations } from './support/amtsplan';
import { MUSTERSTADT } from './support/demo-accounts';
import { PlanApi, berlinDay, berlinInstant } from './support/editorial-plan-api';

const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const ADMIN = 'admin@musterstadt.example';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<{ page: Page; api: PlanApi }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await logInToShell(page, email);
  // redaktion@ belongs to two authorities and may start in the other one; the approver is in Musterstadt.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { memberships: Array<{ organization: { id: string; name: string } }> };
  const organizationId = me.memberships.find((m) => m.organization.name === MUSTERSTADT)?.organization.id ?? currentOrganizationId(page);
  if (organizationId !== currentOrganizationId(page)) await page.goto(`/o/${organizationId}/redaktionsplan`);
  return { page, api: new PlanApi(page, organizationId) };
}

async function openEditor(page: Page, api: PlanApi, postId: string) {
  await page.goto(`/o/${api.organizationId}/redaktionsplan?beitrag=${postId}`);
  const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
  await expect(editor).toBeVisible();
  return editor;
}

test.describe('Freigaben', () => {
  test('submit in the editor, changes requested on a phone, resubmitted, diff seen and approved', async ({ browser }) => {
    // Two sessions and a dozen page loads on a shared two-core machine.
    test.slow();
    const editorSide = await signedIn(browser, EDITOR, DESKTOP);
    const stamp = Date.now();
    const channel = await editorSide.api.post<ChannelView>('/channels', { platform: 'mastodon', name: `Mastodon ${stamp}`, color: '#6364ff' });
    const title = `Stadtfest ${stamp}`;
    const post = await editorSide.api.post<PostView>('/posts', {
      workingTitle: title,
      text: 'Samstag ist Stadtfest auf dem Marktplatz.',
      variants: [{ channelId: channel.id, text: null }],
      planning: { kind: 'time', at: berlinInstant(berlinDay(6), '10:00') },
    });

    // The editor submits in the post editor.
    let editor = await openEditor(editorSide.page, editorSide.api, post.id);
    const panel = editor.getByRole('region', { name: 'Freigabe' });
    await expect(panel).toContainText('noch nicht zur Freigabe eingereicht');
    await panel.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(panel).toContainText('In Freigabe');
    await expect(editor.getByText('Status: In Freigabe')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Zurückziehen' })).toBeVisible();
    await keepScreenshot(editorSide.page, 'approval-panel-desktop');

    // Leadership on a phone: the inbox, then changes requested with a comment.
    const approverSide = await signedIn(browser, APPROVER, PHONE);
    await openArea(approverSide.page, 'Freigaben');
    await expect(approverSide.page.getByRole('heading', { level: 1, name: 'Freigaben' })).toBeVisible();
    const waiting = approverSide.page.getByRole('region', { name: 'Wartet auf mich (1)' });
    const item = waiting.getByRole('link', { name: title });
    await expect(item).toBeVisible();
    await expect(approverSide.page.getByText(`Kanäle: ${channel.name}`).first()).toBeVisible();
    expect(await seriousAccessibilityViolations(approverSide.page)).toEqual([]);
    await keepScreenshot(approverSide.page, 'approvals-inbox-mobile');
    await item.click();

    const decisionPage = approverSide.page;
    await expect(decisionPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(decisionPage.getByRole('article', { name: `Vorschau für ${channel.name}` })).toContainText('Samstag ist Stadtfest auf dem Marktplatz.');
    await expect(decisionPage.getByText('Sie haben über keine frühere Fassung')).toBeVisible();
    expect(await seriousAccessibilityViolations(decisionPage)).toEqual([]);
    await keepScreenshot(decisionPage, 'approval-decision-mobile');

    await decisionPage.getByRole('heading', { name: 'Ihre Entscheidung' }).scrollIntoViewIfNeeded();
    await keepScreenshot(decisionPage, 'approval-decision-buttons-mobile');
    await decisionPage.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect(decisionPage.getByText('Bitte beschreiben Sie, welche Änderungen Sie erbitten.')).toBeVisible();
    await decisionPage.getByLabel('Kommentar').fill('Bitte die Uhrzeit nennen.');
    await decisionPage.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect(decisionPage.locator('[data-status]')).toHaveText('Änderungen erbeten');
    await expect(decisionPage.getByText('Bitte die Uhrzeit nennen.')).toBeVisible();

    // The editor fixes the text and submits again.
    editor = await openEditor(editorSide.page, editorSide.api, post.id);
    await expect(editor.getByText('Status: Änderungen erbeten')).toBeVisible();
    await editor.getByLabel('Text', { exact: true }).fill('Samstag ab 14 Uhr ist Stadtfest auf dem Marktplatz.');
    await expect(editor.getByText('Bitte zuerst speichern, dann einreichen.')).toBeVisible();
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await expect(editor.getByText('Bitte zuerst speichern, dann einreichen.')).toBeHidden();
    await editor.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(editor.getByText('Status: In Freigabe')).toBeVisible();

    // Leadership sees what changed since their last decision, and approves.
    await openArea(decisionPage, 'Freigaben');
    await decisionPage.getByRole('link', { name: new RegExp(title) }).first().click();
    const changes = decisionPage.getByRole('region', { name: 'Änderungen seit Ihrer letzten Entscheidung' });
    await expect(changes).toContainText('Text geändert');
    await expect(changes.locator('ins')).toContainText('ab 14 Uhr');
    await expect(changes).toContainText('Ihr Kommentar damals: „Bitte die Uhrzeit nennen.“');
    await keepScreenshot(decisionPage, 'approval-diff-mobile');
    await decisionPage.setViewportSize(DESKTOP);
    // The navigation turns from an overlay into a side panel with an animation.
    await expect(decisionPage.getByRole('button', { name: 'Navigation öffnen' })).toBeHidden();
    await decisionPage.waitForTimeout(500);
    await keepScreenshot(decisionPage, 'approval-diff-desktop');
    await decisionPage.getByRole('button', { name: 'Freigeben' }).click();
    await expect(decisionPage.locator('[data-status]')).toHaveText('Freigegeben');

    // Approved with an exact time: the post moves on to "Geplant".
    editor = await openEditor(editorSide.page, editorSide.api, post.id);
    await expect(editor.getByText(/Status: (Freigegeben|Geplant)/)).toBeVisible();
    await expect(editor.getByRole('region', { name: 'Freigabe' })).toContainText('Freigegeben');
    // The Freigabeprotokoll for the records: a PDF of both rounds.
    const [download] = await Promise.all([
      editorSide.page.waitForEvent('download'),
      editor.getByRole('link', { name: 'Freigabeprotokoll (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^freigabeprotokoll-.*\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The inbox at desktop width, for the record.
    await editorSide.page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await openArea(editorSide.page, 'Freigaben');
    await expect(editorSide.page.getByRole('region', { name: /^Von mir eingereicht/ }).getByRole('link', { name: title })).toHaveCount(2);
    expect(await seriousAccessibilityViolations(editorSide.page)).toEqual([]);
    await keepScreenshot(editorSide.page, 'approvals-inbox-desktop');
  });

  test('routes settings: the default route last, a conditional route created, self-approval asks first', async ({ browser }) => {
    test.slow();
    const { page, api } = await signedIn(browser, ADMIN, DESKTOP);
    await openArea(page, 'Einstellungen');
    await page.getByRole('tab', { name: 'Freigaberouten' }).click();
    const routes = page.getByRole('list', { name: 'Liste der Freigaberouten' });
    await expect(routes.getByRole('heading', { name: 'Redaktion → Leitung' })).toBeVisible();

    const name = `Krisenkommunikation ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Reihenfolge').fill('10');
    await page.getByLabel('Schlagworte').fill('Krise, #Stab');
    await page.getByLabel('Bezeichnung').fill('Leitung');
    await page.getByRole('button', { name: 'Route anlegen' }).click();
    await expect(page.getByText(`„${name}“ gespeichert.`)).toBeVisible();
    const created = routes.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await expect(created).toContainText('Schlagworte: Krise, Stab');
    await expect(created).toContainText('Leitung (Leitung (Freigabe); 24 h nach Einreichung)');
    // Conditional routes come first, the default route last.
    await expect(routes.getByRole('heading', { level: 3 }).last()).toHaveText('Redaktion → Leitung');

    await page.getByRole('switch', { name: 'Eigene Beiträge selbst freigeben erlauben' }).click();
    const confirm = page.getByRole('dialog', { name: 'Vier-Augen-Prinzip aufheben?' });
    await expect(confirm).toContainText('im Protokoll festgehalten');
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('switch', { name: 'Eigene Beiträge selbst freigeben erlauben' })).not.toBeChecked();

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Freigaberouten' }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'approval-routes-desktop');
    const phone = await signedIn(browser, ADMIN, PHONE);
    await phone.page.goto(`/o/${api.organizationId}/einstellungen/freigaberouten`);
    await phone.page.getByRole('button', { name: `${name} bearbeiten` }).click();
    await expect(phone.page.getByRole('heading', { name: `${name} bearbeiten` })).toBeVisible();
    expect(await seriousAccessibilityViolations(phone.page)).toEqual([]);
    await keepScreenshot(phone.page, 'approval-routes-mobile');
  });
});
