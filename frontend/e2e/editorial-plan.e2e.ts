import { type Locator, type Page, expect, test } from '@playwright/test';
import type { ChannelView, PostView, SeriesView } from '@amtsplan/contracts';
import { currentOrganizationId, keepScreenshot, logInToShell, seriousAccessibilityViolations } from './support/amtsplan';
import { PlanApi, addDays, berlinDay, berlinInstant, berlinWallClock, mondayOf, musterstadtApi } from './support/editorial-plan-api';

const EDITOR = 'redaktion@musterstadt.example';

async function openPlan(page: Page, query = ''): Promise<PlanApi> {
  await logInToShell(page, EDITOR);
  const api = new PlanApi(page, currentOrganizationId(page));
  await page.goto(`/o/${api.organizationId}/redaktionsplan${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
  return api;
}

async function blueskyChannel(api: PlanApi): Promise<ChannelView> {
  const name = `Bluesky ${Date.now()}`;
  return api.post<ChannelView>('/channels', { platform: 'bluesky', name, handle: '@stadt.bsky.social', color: '#0a4a8f' });
}

test.describe('Redaktionsplan', () => {
  test('plans a week by drag and drop and the API keeps the new days', async ({ page }) => {
    const api = await openPlan(page);
    const channel = await blueskyChannel(api);
    const variants = [{ channelId: channel.id, text: null }];
    // A whole week two weeks ahead: no day of it is in the past, and it is the same week for every post.
    const week = Array.from({ length: 7 }, (_, day) => addDays(mondayOf(berlinDay(14)), day));
    const stamp = Date.now();
    const collection = await api.post<PostView>('/posts', {
      workingTitle: `Sperrmüll ${stamp}`,
      planning: { kind: 'day', date: week[0] },
      variants,
    });
    const market = await api.post<PostView>('/posts', {
      workingTitle: `Wochenmarkt ${stamp}`,
      planning: { kind: 'time', at: berlinInstant(week[0], '09:00') },
      variants,
    });
    const festival = await api.post<PostView>('/posts', { workingTitle: `Stadtfest ${stamp}`, planning: { kind: 'unplanned' }, variants });
    const library = await api.post<PostView>('/posts', { workingTitle: `Bücherei ${stamp}`, planning: { kind: 'unplanned' }, variants });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=woche&datum=${week[2]}`);

    const event = (post: PostView) => page.locator('.plan-event', { hasText: post.workingTitle });
    await expect(event(collection)).toContainText('Entwurf');
    await expect(event(market)).toBeVisible();

    // An all-day post onto another day of the all-day row.
    await replanByDragging(page, event(collection), allDayCell(page, week[1]));
    await expect.poll(async () => (await api.get<PostView>(`/posts/${collection.id}`)).planning).toEqual({ kind: 'day', date: week[1] });

    // A timed post onto another day and hour of the time grid; grabbed at its start, so the start lands on 11:00.
    await replanByDragging(page, event(market), timeSlot(page, week[2], '11:00'), { grabAtStart: true });
    await expect
      .poll(async () => {
        const planning = (await api.get<PostView>(`/posts/${market.id}`)).planning;
        return planning.kind === 'time' ? berlinWallClock(planning.at) : planning.kind;
      })
      .toBe(`${week[2]}T11:00`);

    // Ideas from the Themenspeicher onto days of the same week.
    const backlog = page.getByRole('region', { name: 'Themenspeicher' });
    await replanByDragging(page, backlog.getByRole('listitem').filter({ hasText: festival.workingTitle }), allDayCell(page, week[4]));
    await expect.poll(async () => (await api.get<PostView>(`/posts/${festival.id}`)).planning).toEqual({ kind: 'day', date: week[4] });
    await replanByDragging(page, backlog.getByRole('listitem').filter({ hasText: library.workingTitle }), allDayCell(page, week[5]));
    await expect.poll(async () => (await api.get<PostView>(`/posts/${library.id}`)).planning).toEqual({ kind: 'day', date: week[5] });

    // The calendar shows the week as the API has it: each post on its new day, nothing left in the Themenspeicher.
    await expect(allDayCell(page, week[1]).locator('.plan-event', { hasText: collection.workingTitle })).toBeVisible();
    await expect(allDayCell(page, week[4]).locator('.plan-event', { hasText: festival.workingTitle })).toBeVisible();
    await expect(allDayCell(page, week[5]).locator('.plan-event', { hasText: library.workingTitle })).toBeVisible();
    await expect(backlog.getByText(festival.workingTitle)).toBeHidden();
    await keepScreenshot(page, 'plan-week');
  });

  test('re-plans with the keyboard through "Verschieben"', async ({ page }) => {
    const api = await openPlan(page);
    const post = await api.post<PostView>('/posts', { workingTitle: `Tastatur ${Date.now()}`, planning: { kind: 'day', date: berlinDay(2) } });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?beitrag=${post.id}`);

    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    await expect(editor).toBeVisible();
    await editor.getByRole('button', { name: 'Verschieben' }).focus();
    await page.keyboard.press('Enter');
    const move = page.getByRole('dialog', { name: /planen$/ });
    await move.getByRole('radio', { name: 'Zu einer Uhrzeit' }).check();
    await move.getByLabel('Datum').fill(berlinDay(3));
    await move.getByLabel('Uhrzeit', { exact: true }).fill('14:30');
    await move.getByRole('button', { name: 'Übernehmen' }).press('Enter');

    await expect.poll(async () => (await api.get<PostView>(`/posts/${post.id}`)).planning.kind).toBe('time');
    const saved = await api.get<PostView>(`/posts/${post.id}`);
    expect(saved.planning.kind === 'time' && new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(saved.planning.at))).toBe('14:30');
  });

  test('quick-creates a post, counts Bluesky characters and warns at the limit', async ({ page }) => {
    const api = await openPlan(page);
    const channel = await blueskyChannel(api);
    await page.reload();

    await page.getByRole('button', { name: 'Neuer Beitrag' }).click();
    const quick = page.getByRole('dialog', { name: /^Neuer Beitrag am / });
    await quick.getByLabel('Arbeitstitel').fill('Zählprobe');
    await quick.getByRole('combobox', { name: 'Kanäle' }).click();
    await page.getByRole('option', { name: channel.name }).click();
    await page.keyboard.press('Escape');
    await quick.getByRole('button', { name: 'Anlegen' }).click();

    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    await expect(editor).toBeVisible();
    await editor.getByLabel('Text', { exact: true }).fill('x'.repeat(295));
    await expect(editor.getByText('noch 5 Zeichen (295 von 300)')).toBeVisible();
    await editor.getByLabel('Text', { exact: true }).fill('x'.repeat(301));
    await expect(editor.getByText('1 Zeichen zu viel (301 von 300)')).toBeVisible();
    await expect(editor.getByText(/Blockiert:.*Text zu lang für Bluesky/)).toBeVisible();
    await keepScreenshot(page, 'plan-editor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await editor.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Beitrag gespeichert.')).toBeVisible();
    const created = (await api.get<PostView[]>('/posts?unplanned=false')).find((p) => p.workingTitle === 'Zählprobe');
    expect(created?.findings.some((f) => f.code === 'text-over-limit')).toBe(true);
  });

  test("a colleague's new post and its new day appear in the open week without a reload", async ({ page, browser }) => {
    await logInToShell(page, EDITOR);
    const api = await musterstadtApi(page);
    const week = Array.from({ length: 7 }, (_, day) => addDays(mondayOf(berlinDay(21)), day));
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=woche&datum=${week[2]}`);
    await expect(allDayCell(page, week[0])).toBeVisible();
    // Still this document at the end: the plan was never loaded anew.
    await page.evaluate(() => document.documentElement.setAttribute('data-opened-once', 'yes'));

    const colleague = await (await browser.newContext()).newPage();
    await logInToShell(colleague, 'admin@musterstadt.example');
    const colleagueApi = await musterstadtApi(colleague);
    const post = await colleagueApi.post<PostView>('/posts', { workingTitle: `Zugeschaltet ${Date.now()}`, planning: { kind: 'day', date: week[1] } });

    const event = page.locator('.plan-event', { hasText: post.workingTitle });
    await expect(allDayCell(page, week[1]).locator('.plan-event', { hasText: post.workingTitle })).toBeVisible();
    await colleagueApi.patch<PostView>(`/posts/${post.id}`, { version: post.version, planning: { kind: 'day', date: week[3] } });
    await expect(allDayCell(page, week[3]).locator('.plan-event', { hasText: post.workingTitle })).toBeVisible();
    await expect(event).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-opened-once'))).toBe('yes');
    await colleague.context().close();
  });

  test('offers reload or compare when another session saved first', async ({ page }) => {
    const api = await openPlan(page);
    const post = await api.post<PostView>('/posts', { workingTitle: 'Konfliktprobe', planning: { kind: 'day', date: berlinDay(1) } });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?beitrag=${post.id}`);
    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    await editor.getByLabel('Arbeitstitel').fill('Konfliktprobe (meine Fassung)');

    await api.patch<PostView>(`/posts/${post.id}`, { version: post.version, text: 'Von jemand anderem' });
    await editor.getByRole('button', { name: 'Speichern' }).click();

    const stale = page.getByRole('dialog', { name: 'Inzwischen geändert' });
    await expect(stale).toBeVisible();
    await stale.getByRole('button', { name: 'Vergleichen' }).click();
    await expect(stale.getByRole('row', { name: /Arbeitstitel/ })).toContainText('Konfliktprobe (meine Fassung)');
    await expect(stale.getByRole('row', { name: /Text/ })).toContainText('Von jemand anderem');
    await keepScreenshot(page, 'plan-stale-version');
    await stale.getByRole('button', { name: 'Meine Änderungen übernehmen' }).click();

    await expect.poll(async () => (await api.get<PostView>(`/posts/${post.id}`)).workingTitle).toBe('Konfliktprobe (meine Fassung)');
    expect((await api.get<PostView>(`/posts/${post.id}`)).text).toBe('Von jemand anderem');
  });

  test('fills an open series slot from the planning view', async ({ page }) => {
    const api = await openPlan(page);
    const series = await api.post<SeriesView>('/series', {
      name: `Tierheim ${Date.now()}`,
      hashtag: '#Tierheimdienstag',
      rrule: 'FREQ=DAILY;BYHOUR=10;BYMINUTE=0',
      start: `${berlinDay(1)}T10:00`,
      textSkeleton: 'Heute stellen wir vor: ',
    });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=planung`);
    await expect(page.getByRole('heading', { name: 'Nächste 4 Wochen' })).toBeVisible();
    await keepScreenshot(page, 'plan-planning');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `10:00 Freier Termin: ${series.name}` }).first().click();
    const slot = page.getByRole('dialog', { name: `Freier Termin: ${series.name}` });
    await slot.getByRole('button', { name: 'Termin füllen' }).click();
    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    await expect(editor).toBeVisible();
    await expect(editor.getByLabel('Text', { exact: true })).toHaveValue(/Heute stellen wir vor/);
    const filled = await api.get<PostView[]>(`/posts?seriesId=${series.id}`);
    expect(filled).toHaveLength(1);
  });

  test('month, week and list views pass axe and fit a phone', async ({ page }) => {
    const api = await openPlan(page);
    await api.post<PostView>('/posts', { workingTitle: 'Ansichtsprobe', planning: { kind: 'day', date: berlinDay(0) } });
    for (const view of ['monat', 'woche', 'liste']) {
      await page.goto(`/o/${api.organizationId}/redaktionsplan?ansicht=${view}`);
      await expect(page.locator('.plan-event', { hasText: 'Ansichtsprobe' }).first()).toBeVisible();
      await keepScreenshot(page, `plan-${view}`);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    }
    // The list view's events are list items with a button inside; Enter opens the post.
    await page.getByRole('listitem').getByRole('button', { name: /Ansichtsprobe/ }).first().press('Enter');
    await expect(page.getByRole('dialog', { name: 'Beitrag bearbeiten' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Beitrag bearbeiten' })).toBeHidden();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/o/${api.organizationId}/redaktionsplan`);
    await expect(page.locator('.plan-event', { hasText: 'Ansichtsprobe' }).first()).toBeVisible();
    await keepScreenshot(page, 'plan-phone');
  });

  test('the settings manage channels, topics and series', async ({ page }) => {
    const api = await openPlan(page);
    await page.goto(`/o/${api.organizationId}/einstellungen/kanaele`);
    await page.getByLabel('Name').fill('Mastodon Stadt');
    await page.getByRole('button', { name: 'Kanal anlegen' }).click();
    await expect(page.getByRole('region', { name: 'Liste der Kanäle' }).getByRole('row', { name: /Mastodon Stadt/ })).toBeVisible();
    await keepScreenshot(page, 'settings-channels');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Serien' }).click();
    // The series form's own field: while the tab changes, the channel form's "Name" may still be on the page.
    await page.getByRole('region', { name: 'Serie anlegen' }).getByLabel('Name', { exact: true }).fill('Bürgermeistersprechstunde');
    await expect(page.getByText('Ergibt: Wöchentlich am Dienstag um 10:00 Uhr')).toBeVisible();
    await page.getByRole('button', { name: 'Serie anlegen' }).click();
    await expect(page.getByRole('region', { name: 'Liste der Serien' }).getByRole('row', { name: /Bürgermeistersprechstunde/ })).toContainText(
      'Wöchentlich am Dienstag um 10:00 Uhr',
    );
    await keepScreenshot(page, 'settings-series');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

/** The cell of a day in the all-day row of the week view (the column header carries the same date). */
function allDayCell(page: Page, date: string): Locator {
  return page.locator(`[role="gridcell"][aria-label][data-date="${date}"]`);
}

/** Where a day's column of the time grid crosses the row of a time. */
function timeSlot(page: Page, date: string, time: string): { column: Locator; row: Locator } {
  return {
    column: page.locator(`[role="gridcell"]:not([aria-label])[data-date="${date}"]`),
    row: page.locator(`[data-time="${time}:00"]`).last(),
  };
}

type DropTarget = Locator | { column: Locator; row: Locator };

/**
 * Drags a post to a new place and waits until the plan has been loaded again after the save, so
 * the next drag does not start on an event the reload is about to replace.
 */
async function replanByDragging(page: Page, source: Locator, target: DropTarget, options: { grabAtStart?: boolean } = {}): Promise<void> {
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/posts\/[^/?]+$/.test(response.url()));
  await dragTo(page, source, target, options);
  expect((await saved).ok()).toBe(true);
  await page.waitForResponse((response) => response.request().method() === 'GET' && /\/plan-entries\?.*from=/.test(response.url()));
}

/**
 * FullCalendar listens to pointer events and starts a drag only after the pointer travelled a few
 * pixels with the button held, so the drag moves in steps with short pauses, as a hand would.
 */
async function dragTo(page: Page, source: Locator, target: DropTarget, options: { grabAtStart?: boolean } = {}): Promise<void> {
  // Both ends on screen, the drop point mid-screen: the mouse cannot reach beyond the viewport (the
  // shell scrolls inside <main>), and the confirmation of the previous move sits at the bottom.
  await ('column' in target ? target.row : target).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source not on screen');
  const start = { x: from.x + from.width / 2, y: options.grabAtStart ? from.y + Math.min(4, from.height / 2) : from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 6, { steps: 4 });
  await page.waitForTimeout(100);
  const to = await dropPoint(target);
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.waitForTimeout(100);
  await page.mouse.move(to.x + 1, to.y, { steps: 2 });
  await page.mouse.up();
}

async function dropPoint(target: DropTarget): Promise<{ x: number; y: number }> {
  if ('column' in target) {
    const column = await target.column.boundingBox();
    const row = await target.row.boundingBox();
    if (!column || !row) throw new Error('drop slot not on screen');
    return { x: column.x + column.width / 2, y: row.y + Math.min(4, row.height / 2) };
  }
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target not on screen');
  // Near the bottom: the top of a day cell may sit under the calendar's sticky column headers.
  return { x: box.x + box.width / 2, y: box.y + box.height - Math.min(12, box.height / 2) };
}
