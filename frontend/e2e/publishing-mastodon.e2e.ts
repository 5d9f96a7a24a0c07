import { type Browser, type Page, expect, test } from '@playwright/test';
import type { ChannelView, PostPublicationsView, PostView } from '@amtsplan/contracts';
import { currentOrganizationId, keepScreenshot, logIn, openArea, seriousAccessibilityViolations } from './support/amtsplan';
import { MUSTERSTADT } from './support/demo-accounts';
import { PlanApi, berlinDay } from './support/editorial-plan-api';
import { mastodonInstanceUrl } from './support/mastodon-stand-in';

const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const ADMIN = 'admin@musterstadt.example';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
/** How far ahead the post is planned: long enough for the whole approval round on a busy machine. */
const LEAD_MS = 150_000;

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<{ page: Page; api: PlanApi }> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await logIn(page, email);
  // The password hash takes its time on a busy machine: a longer wait for the shell than expect's default.
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible({ timeout: 60_000 });
  // redaktion@ belongs to two authorities and may start in the other one.
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

/** The next whole minute at least LEAD_MS from now: the editor keeps planned times to the minute. */
function plannedTime(): Date {
  return new Date(Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000);
}

test.describe('Veröffentlichung über Mastodon', () => {
  test('submitted, changes requested on a phone, fixed, approved, and published at its time to the Mastodon instance', async ({ browser }) => {
    // A full approval round, then waiting for the planned minute and the worker.
    test.setTimeout(6 * 60_000);
    const stamp = Date.now();
    const admin = await signedIn(browser, ADMIN, DESKTOP);
    const channel = await admin.api.post<ChannelView>('/channels', { platform: 'mastodon', name: `Mastodon ${stamp}`, color: '#6364ff' });
    await admin.api.put(`/channels/${channel.id}/credentials`, { instanceUrl: mastodonInstanceUrl(), accessToken: `e2e-token-${stamp}` });
    await admin.page.context().close();

    const editorSide = await signedIn(browser, EDITOR, DESKTOP);
    const title = `Sperrmüll ${stamp}`;
    const plannedAt = plannedTime();
    const post = await editorSide.api.post<PostView>('/posts', {
      workingTitle: title,
      text: 'Die Sperrmüllabfuhr kommt diese Woche.',
      variants: [{ channelId: channel.id, text: null }],
      planning: { kind: 'time', at: plannedAt.toISOString() },
    });

    // The editor submits in the post editor.
    let editor = await openEditor(editorSide.page, editorSide.api, post.id);
    await editor.getByRole('region', { name: 'Freigabe' }).getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(editor.getByText('Status: In Freigabe')).toBeVisible();

    // Leadership on a phone asks for changes.
    const approverSide = await signedIn(browser, APPROVER, PHONE);
    const decisionPage = approverSide.page;
    await openArea(decisionPage, 'Freigaben');
    await decisionPage.getByRole('region', { name: /^Wartet auf mich/ }).getByRole('link', { name: title }).click();
    await expect(decisionPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(decisionPage.getByRole('article', { name: `Vorschau für ${channel.name}` })).toContainText('Die Sperrmüllabfuhr kommt diese Woche.');
    await decisionPage.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await decisionPage.getByLabel('Kommentar').fill('Bitte den Tag nennen.');
    await decisionPage.getByRole('button', { name: 'Änderungen erbitten' }).click();
    await expect(decisionPage.locator('[data-status]')).toHaveText('Änderungen erbeten');

    // The editor fixes the text and submits again.
    const approvedText = `Die Sperrmüllabfuhr kommt am Donnerstag. #Musterstadt ${stamp}`;
    editor = await openEditor(editorSide.page, editorSide.api, post.id);
    await expect(editor.getByText('Status: Änderungen erbeten')).toBeVisible();
    await editor.getByLabel('Text', { exact: true }).fill(approvedText);
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await expect(editor.getByText('Bitte zuerst speichern, dann einreichen.')).toBeHidden();
    await editor.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(editor.getByText('Status: In Freigabe')).toBeVisible();

    // Leadership approves, still on the phone.
    await openArea(decisionPage, 'Freigaben');
    await decisionPage.getByRole('link', { name: new RegExp(title) }).first().click();
    await expect(decisionPage.getByRole('region', { name: 'Änderungen seit Ihrer letzten Entscheidung' })).toContainText('Text geändert');
    expect(await seriousAccessibilityViolations(decisionPage)).toEqual([]);
    await decisionPage.getByRole('button', { name: 'Freigeben' }).click();
    await expect(decisionPage.locator('[data-status]')).toHaveText('Freigegeben');
    await keepScreenshot(decisionPage, 'publishing-mastodon-approved-mobile');
    const approvedBefore = Date.now();
    expect(approvedBefore, 'the approval round took longer than the lead time; raise LEAD_MS').toBeLessThan(plannedAt.getTime());
    expect((await editorSide.api.get<PostView>(`/posts/${post.id}`)).status).toBe('scheduled');

    // The worker publishes it at its planned minute to the Mastodon stand-in. The author watches
    // the open editor: its publication panel shows the result without being reloaded (live stream).
    await editorSide.page.goto(`/o/${editorSide.api.organizationId}/redaktionsplan?beitrag=${post.id}`);
    const livePanel = editorSide.page.getByRole('dialog', { name: /^Beitrag/ }).getByRole('region', { name: 'Veröffentlichung' });
    await expect(livePanel.getByText('Noch nicht veröffentlicht.', { exact: false })).toBeVisible();
    await expect(livePanel.getByRole('link', { name: `Beitrag auf ${channel.name} ansehen` })).toBeVisible({ timeout: plannedAt.getTime() - Date.now() + 60_000 });
    await expect

      .poll(async () => (await editorSide.api.get<PostPublicationsView>(`/posts/${post.id}/publications`)).postStatus, {
        timeout: plannedAt.getTime() - Date.now() + 60_000,
        intervals: [2_000],
      })
      .toBe('published');
    const [publication] = (await editorSide.api.get<PostPublicationsView>(`/posts/${post.id}/publications`)).publications;
    expect(publication?.status).toBe('published');
    expect(publication?.attempts).toHaveLength(1);
    // Not before its time, and not minutes after it.
    const startedAt = new Date(publication!.attempts[0]!.startedAt).getTime();
    expect(startedAt).toBeGreaterThanOrEqual(plannedAt.getTime());
    expect(startedAt - plannedAt.getTime()).toBeLessThan(30_000);
    const link = publication!.url!;
    expect(link.startsWith(`${mastodonInstanceUrl()}/@stadt/`)).toBe(true);
    // What the instance holds is exactly the approved text, sent once.
    const status = (await (await editorSide.page.request.get(link)).json()) as { content: string; requests: number };
    expect(status).toEqual(expect.objectContaining({ content: approvedText, requests: 1 }));

    // The calendar shows it published, with its link.
    const page = editorSide.page;
    await page.goto(`/o/${editorSide.api.organizationId}/redaktionsplan?ansicht=monat&datum=${berlinDay(0)}`);
    await expect(page.locator('.plan-event', { hasText: title }).first()).toContainText('Veröffentlicht');
    await page.goto(`/o/${editorSide.api.organizationId}/redaktionsplan?ansicht=liste&datum=${berlinDay(0)}`);
    await expect(page.getByRole('link', { name: `Veröffentlichten Beitrag „${title}“ ansehen (neues Fenster)` })).toHaveAttribute('href', link);
    await expect(page.getByRole('listitem').getByRole('button', { name: new RegExp(`${title}.*Veröffentlicht`) })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-mastodon-calendar-list');
    await page.setViewportSize(PHONE);
    await expect(page.getByRole('link', { name: `Veröffentlichten Beitrag „${title}“ ansehen (neues Fenster)` })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-mastodon-calendar-list-mobile');

    // The editor's publication panel tells how it went: one attempt, published, with its link.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/o/${editorSide.api.organizationId}/redaktionsplan?beitrag=${post.id}`);
    const panel = page.getByRole('dialog', { name: /^Beitrag/ }).getByRole('region', { name: 'Veröffentlichung' });
    await panel.getByText('Versuche (1)').click();
    const attempt = panel.getByRole('listitem').filter({ hasText: 'Versuch 1, gestartet' });
    await expect(attempt).toContainText('veröffentlicht');
    await expect(attempt.getByRole('link', { name: 'Beitrag dieses Versuchs ansehen' })).toHaveAttribute('href', link);
    await panel.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-mastodon-attempts');
  });
});
