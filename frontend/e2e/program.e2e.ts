import { type Locator, type Page, expect, test } from '@playwright/test';
import type { MeResponse, PostView, TopicView } from '@amtsplan/contracts';
import { keepScreenshot, logInToShell, seriousAccessibilityViolations } from './support/amtsplan';
import { MUSTERSTADT } from './support/demo-accounts';
import { PlanApi, berlinDay } from './support/editorial-plan-api';

// The demo participant: the seed enrols them for Stadt Musterstadt in a run that started two
// Mondays before today, so week 3 ("Redaktionsplan und Themen") is the open week.
const PARTICIPANT = 'redaktion@musterstadt.example';
const PLAN_EXERCISE = 'Die nächsten vier Wochen planen';

async function openMusterstadtPlan(page: Page): Promise<PlanApi> {
  await logInToShell(page, PARTICIPANT);
  const me = (await (await page.request.get('/api/auth/me')).json()) as MeResponse;
  const musterstadt = me.memberships.find((m) => m.organization.name === MUSTERSTADT);
  if (!musterstadt) throw new Error('the participant is no member of Stadt Musterstadt');
  const api = new PlanApi(page, musterstadt.organization.id);
  await page.goto(`/o/${api.organizationId}/redaktionsplan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
  return api;
}

/** Both widths from a fresh load, so the shell lays itself out for the width (a resize keeps the drawer open). */
async function shoot(page: Page, name: string, heading: string, detail: Locator): Promise<void> {
  for (const [width, height] of [[1280, 900], [375, 812]] as const) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Wird geladen …' })).toHaveCount(0);
    await keepScreenshot(page, `${name}-${width}`);
    // The shell scrolls inside its content area, so the part below the fold gets its own picture.
    await detail.scrollIntoViewIfNeeded();
    await keepScreenshot(page, `${name}-${width}-detail`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('Lernprogramm', () => {
  test('the exercise panel ticks off "four weeks planned", and the week-3 reflection is finished on "Mein Programm"', async ({ page }) => {
    const api = await openMusterstadtPlan(page);
    const panel = page.getByRole('region', { name: 'Lernprogramm: Woche 3' });
    const planItem = panel.getByRole('listitem').filter({ hasText: PLAN_EXERCISE });
    // Other browser tests may already have planned a post or two for the demo authority: count from there.
    await expect(planItem).toContainText(/\d von 8 Beiträgen geplant/);
    const before = Number(/(\d) von 8 Beiträgen geplant/.exec((await planItem.textContent()) ?? '')?.[1]);
    expect(before).toBeLessThan(7);
    await expect(planItem).toContainText(before === 0 ? 'Offen' : 'In Arbeit');
    await expect(planItem).toContainText(`Noch ${8 - before} Beiträge in den nächsten 28 Tagen planen.`);

    // Up to seven posts over two new topics through the API; the page learns of them when it reads the plan again.
    const stamp = Date.now();
    const topics = await Promise.all(
      ['Bürgerservice', 'Veranstaltungen'].map((name, index) => api.post<TopicView>('/topics', { name: `${name} ${stamp}`, color: index ? '#ef6c00' : '#00838f' })),
    );
    for (let day = 1; day <= 7 - before; day++) {
      await api.post<PostView>('/posts', { workingTitle: `Programm ${stamp} ${day}`, planning: { kind: 'day', date: berlinDay(day * 3) }, topicId: topics[day % 2]!.id });
    }
    await page.reload();
    await expect(planItem).toContainText(/7 von 8 Beiträgen geplant, \d+ Themen/);
    await expect(planItem).toContainText('Noch 1 Beitrag in den nächsten 28 Tagen planen.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-plan-panel', 'Redaktionsplan', panel);
    await expect(planItem).toContainText(/7 von 8 Beiträgen geplant, \d+ Themen/);

    // The eighth, then another view of the plan: the panel asks again whenever the plan's posts are read.
    await api.post<PostView>('/posts', { workingTitle: `Programm ${stamp} 8`, planning: { kind: 'day', date: berlinDay(2) }, topicId: topics[0]!.id });
    await page.getByRole('radio', { name: 'Woche', exact: true }).click();
    await expect(planItem).toContainText(/8 von 8 Beiträgen geplant, \d+ Themen/);
    await expect(planItem).toContainText('Erledigt');

    await panel.getByRole('link', { name: 'Zu Mein Programm' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Programm' })).toBeVisible();
    await expect(page.getByText('Peer-Gruppe Nord')).toBeVisible();
    const reflection = page.getByRole('article', { name: 'Themen und Rhythmus' });
    await expect(reflection).toContainText('Offen');
    await reflection
      .getByRole('textbox')
      .fill('Drei Themen tragen unseren Plan: Bürgerservice, Veranstaltungen und Baustellen. Wir posten dreimal pro Woche, zwei Beiträge davon planbar.');
    await reflection.getByRole('button', { name: 'Als fertig markieren' }).click();
    await expect(reflection).toContainText('Erledigt');
    await expect(reflection.getByRole('button', { name: 'Wieder bearbeiten' })).toBeVisible();

    // Still there when the page is read again from the server.
    await page.reload();
    await expect(page.getByRole('article', { name: 'Themen und Rhythmus' })).toContainText('Erledigt');
    await expect(page.getByRole('article', { name: PLAN_EXERCISE })).toContainText('Erledigt');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-my-program', 'Mein Programm', page.getByRole('article', { name: 'Themen und Rhythmus' }));
  });
});
