import { type Browser, type Page, expect, test } from '@playwright/test';
import type { ChannelView, PostPublicationsView, PostView } from '@amtsplan/contracts';
import { keepScreenshot, logInToShell, seriousAccessibilityViolations } from './support/amtsplan';
import { musterstadtApi, PlanApi, berlinDay } from './support/editorial-plan-api';

const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const ADMIN = 'admin@musterstadt.example';

interface ApprovalRequest {
  readonly id: string;
  readonly contentHash: string;
  readonly status: string;
}

/** The API of a second person in a browser context of their own (the four-eyes rule needs two). */
async function apiAs(browser: Browser, email: string): Promise<{ api: PlanApi; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await logInToShell(page, email);
  return { api: await musterstadtApi(page), close: () => context.close() };
}

/**
 * A post on a channel without API connection (published by hand), submitted by the Redaktion
 * and approved by the Leitung, due a few seconds from now: the e2e server's worker hands it to a
 * person ("Jetzt veröffentlichen").
 */
async function approvedManualPost(page: Page, browser: Browser, text: string): Promise<{ api: PlanApi; post: PostView }> {
  await logInToShell(page, EDITOR);
  const api = await musterstadtApi(page);
  const approver = await apiAs(browser, APPROVER);
  try {
    const channel = await api.post<ChannelView>('/channels', { platform: 'facebook', name: `Facebook ${Date.now()}`, color: '#1877f2' });
    const post = await api.post<PostView>('/posts', {
      workingTitle: `Bürgerbüro ${Date.now()}`,
      text,
      variants: [{ channelId: channel.id, text: null }],
      planning: { kind: 'time', at: new Date(Date.now() + 4_000).toISOString() },
    });
    const request = await api.post<ApprovalRequest>(`/posts/${post.id}/submit`, { version: post.version });
    const decided = await approver.api.post<ApprovalRequest>(`/approval-requests/${request.id}/decisions`, {
      decision: 'approve',
      stepIndex: 1,
      contentHash: request.contentHash,
    });
    expect(decided.status).toBe('approved');
    await expect
      .poll(async () => (await api.get<PostPublicationsView>(`/posts/${post.id}/publications`)).publications.map((p) => p.status), { timeout: 30_000 })
      .toEqual(['manual_due']);
    return { api, post };
  } finally {
    await approver.close();
  }
}

test.describe('Veröffentlichung', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Jetzt veröffentlichen": copy the approved text, confirm with the address, and the calendar shows it published', async ({ page, browser }) => {
    const text = `Das Bürgerbüro hat heute bis 18 Uhr geöffnet. #Musterstadt ${Date.now()}`;
    const { api, post } = await approvedManualPost(page, browser, text);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?beitrag=${post.id}`);
    const editor = page.getByRole('dialog', { name: /^Beitrag/ });
    const panel = editor.getByRole('region', { name: 'Veröffentlichung' });
    await expect(panel.getByText('Jetzt veröffentlichen', { exact: true })).toBeVisible();
    await expect(panel.getByText(text)).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-editor-desktop');

    await panel.getByRole('button', { name: 'Text kopieren' }).click();
    await expect(page.getByText('Text in die Zwischenablage kopiert.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // The address is checked at the field before anything is sent.
    const address = panel.getByRole('textbox', { name: 'Adresse des veröffentlichten Beitrags' });
    await address.fill('facebook.com/musterstadt/posts/1');
    await panel.getByRole('button', { name: 'Als veröffentlicht bestätigen' }).click();
    await expect(panel.getByText('Bitte eine vollständige Adresse mit https:// angeben.')).toBeVisible();

    await page.setViewportSize({ width: 375, height: 812 });
    await panel.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'publishing-editor-mobile');
    await page.setViewportSize({ width: 1280, height: 900 });

    const url = `https://www.facebook.com/musterstadt/posts/${Date.now()}`;
    await address.fill(url);
    await panel.getByRole('button', { name: 'Als veröffentlicht bestätigen' }).click();
    await expect(page.getByText('Als veröffentlicht bestätigt.')).toBeVisible();
    await expect(panel.getByText('Veröffentlicht', { exact: true })).toBeVisible();
    await expect(panel.getByRole('link', { name: /^Beitrag auf Facebook/ })).toHaveAttribute('href', url);
    expect((await api.get<PostView>(`/posts/${post.id}`)).status).toBe('published');
    // The editor reads the post again: its own status line follows the confirmation.
    await expect(editor.locator('.editor__status')).toContainText('Veröffentlicht');
    await keepScreenshot(page, 'publishing-editor-published');
    await page.keyboard.press('Escape');

    // The calendar: the status in every view, the link beside the list view's button.
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=monat&datum=${berlinDay(0)}`);
    await expect(page.locator('.plan-event', { hasText: post.workingTitle }).first()).toContainText('Veröffentlicht');
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=liste&datum=${berlinDay(0)}`);
    const link = page.getByRole('link', { name: `Veröffentlichten Beitrag „${post.workingTitle}“ ansehen (neues Fenster)` });
    await expect(link).toHaveAttribute('href', url);
    await expect(page.getByRole('listitem').getByRole('button', { name: new RegExp(`${post.workingTitle}.*Veröffentlicht`) })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-calendar-list');
  });

  test('the Mastodon connection form keeps the token write-only and passes axe', async ({ page }) => {
    await logInToShell(page, ADMIN);
    const api = await musterstadtApi(page);
    const channel = await api.post<ChannelView>('/channels', { platform: 'mastodon', name: `Mastodon ${Date.now()}`, color: '#6364ff' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/o/${api.organizationId}/einstellungen/kanaele`);
    const connection = page.getByRole('region', { name: channel.name });
    await expect(connection.getByText('Nicht verbunden: Beiträge für diesen Kanal werden von Hand veröffentlicht.')).toBeVisible();

    await connection.getByRole('button', { name: 'Verbindung speichern' }).click();
    await expect(connection.getByText('Bitte ausfüllen.').first()).toBeVisible();
    await connection.getByRole('textbox', { name: 'Adresse der Mastodon-Instanz' }).fill('http://social.example');
    await connection.getByLabel('Zugriffstoken').fill('geheimes-token-123');
    await connection.getByRole('button', { name: 'Verbindung speichern' }).click();
    // Refused either way: at the field (plain http), or before that when this server has no key to
    // seal tokens with (the e2e server sets none). The token never stays on the page.
    await expect(connection.getByText(/Bitte eine Adresse mit https:\/\/ angeben\.|CHANNEL_SECRET_KEY/)).toBeVisible();
    await expect(connection.getByLabel('Zugriffstoken')).toHaveValue('');
    await connection.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'publishing-credentials-desktop');
    // Afresh at phone width, as a phone opens it (the navigation closed).
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await expect(connection.getByText('Nicht verbunden: Beiträge für diesen Kanal werden von Hand veröffentlicht.')).toBeVisible();
    await connection.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'publishing-credentials-mobile');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
