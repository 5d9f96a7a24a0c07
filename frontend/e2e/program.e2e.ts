import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { type Browser, type Locator, type Page, expect, test } from '@playwright/test';
import type { MeResponse, PostView, TopicView } from '@amtsplan/contracts';
import { keepScreenshot, logIn, logInToShell, seriousAccessibilityViolations } from './support/amtsplan';
import { LANDKREIS, MUSTERSTADT } from './support/demo-accounts';
import { PlanApi, berlinDay } from './support/editorial-plan-api';

// The demo participant: the seed enrols them for Stadt Musterstadt in a run that started two
// Mondays before today, so week 3 ("Redaktionsplan und Themen") is the open week.
const PARTICIPANT = 'redaktion@musterstadt.example';
const PLAN_EXERCISE = 'Die nächsten vier Wochen planen';
const UPLOAD_EXERCISE = 'Eine Grafikvorlage gestalten';

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
  test('week 3 in one chain: the panel ticks off while planning, a reflection fills the poster and is shared, a peer comments, leadership signs, the poster is an A1 PDF', async ({ page, browser }) => {
    // Three people in turn (participant, a peer, leadership): longer than one person's test.
    test.slow();
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
    const answer = `Drei Themen tragen unseren Auftritt (${stamp}): Bürgerservice, Baustellen und Veranstaltungen, dreimal pro Woche.`;
    await reflection.getByRole('textbox').fill(answer);
    // Sharing offers the saved text only.
    await expect(reflection.getByRole('button', { name: 'In die Peer-Gruppe teilen' })).toBeDisabled();
    await reflection.getByRole('button', { name: 'Als fertig markieren' }).click();
    await expect(reflection).toContainText('Erledigt');
    await expect(reflection.getByRole('button', { name: 'Wieder bearbeiten' })).toBeVisible();

    // Still there when the page is read again from the server.
    await page.reload();
    await expect(page.getByRole('article', { name: 'Themen und Rhythmus' })).toContainText('Erledigt');
    await expect(page.getByRole('article', { name: PLAN_EXERCISE })).toContainText('Erledigt');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-my-program', 'Mein Programm', page.getByRole('article', { name: 'Themen und Rhythmus' }));
    await expect(page.getByRole('article', { name: 'Themen und Rhythmus' }).getByRole('button', { name: 'In die Peer-Gruppe teilen' })).toBeEnabled();

    // On the poster, in its section, and shared from there after the preview.
    await page.getByRole('link', { name: 'Konzept-Plakat' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Konzept-Plakat' })).toBeVisible();
    const section = page.getByRole('region', { name: 'Themen & Serien' });
    await expect(section).toContainText(answer);
    await expect(page.getByRole('region', { name: 'Redaktionsprozess & Freigabe' })).toContainText('Freigaberoute: Redaktion → Leitung (2 Stufen)');
    await section.getByRole('button', { name: 'In die Peer-Gruppe teilen' }).click();
    const dialog = page.getByRole('dialog', { name: 'So sieht die Peer-Gruppe es' });
    await expect(dialog).toContainText(answer);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Teilen' }).click();
    await expect(section.getByText('In der Peer-Gruppe geteilt')).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The A1 download: one page of 594 × 841 mm.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Plakat als PDF (A1)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('konzept-plakat-a1.pdf');
    const boxes = mediaBoxes(readFileSync((await download.path())!));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]![2]).toBeCloseTo((594 * 72) / 25.4, 1);
    expect(boxes[0]![3]).toBeCloseTo((841 * 72) / 25.4, 1);
    await shoot(page, 'program-poster', 'Konzept-Plakat', section);

    // The Peer-Gruppe shows members of both authorities and the share.
    await page.getByRole('link', { name: 'Zu Mein Programm' }).click();
    await page.getByRole('link', { name: 'Peer-Gruppe', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Peer-Gruppe Nord' })).toBeVisible();
    const cohortId = /\/gruppe\/([0-9a-f-]+)/.exec(page.url())?.[1];
    expect(cohortId).toBeTruthy();
    await expect(page.getByRole('region', { name: 'Mitglieder' })).toContainText(LANDKREIS);
    const shared = page.getByRole('article', { name: 'Woche 3: Themen und Rhythmus' }).filter({ hasText: answer });
    await expect(shared).toContainText(`Rita Redaktion, ${MUSTERSTADT}`);

    // A peer from the other authority reads it in their own authority's space, comments and reacts.
    const peer = await signedIn(browser, 'redaktion@landkreis-beispiel.example');
    const landkreis = await organizationIdOf(peer, LANDKREIS);
    await peer.goto(`/o/${landkreis}/lernprogramm/gruppe/${cohortId}`);
    await expect(peer.getByRole('heading', { level: 1, name: 'Peer-Gruppe Nord' })).toBeVisible();
    const seen = peer.getByRole('article', { name: 'Woche 3: Themen und Rhythmus' }).filter({ hasText: answer });
    await expect(seen.getByRole('button', { name: 'Zurückziehen' })).toHaveCount(0);
    await seen.getByRole('textbox', { name: 'Kommentar' }).fill(`Gute Mischung! Wie plant ihr die Baustellen? (${stamp})`);
    await seen.getByRole('button', { name: 'Kommentieren' }).click();
    await expect(seen).toContainText(`Gute Mischung! Wie plant ihr die Baustellen? (${stamp})`);
    await seen.getByRole('button', { name: /^Hilfreich/ }).click();
    await expect(seen.getByRole('button', { name: /^Hilfreich · 1/ })).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousAccessibilityViolations(peer)).toEqual([]);
    await shoot(peer, 'program-cohort', 'Peer-Gruppe Nord', seen);
    await peer.context().close();

    // The participant sees the comment with the peer's authority.
    await page.reload();
    await expect(shared).toContainText(`Gute Mischung! Wie plant ihr die Baustellen? (${stamp})`);
    await expect(shared).toContainText(LANDKREIS);

    // The participant adapts the manifest (an earlier signature no longer holds), leadership signs it.
    await page.goto(`/o/${api.organizationId}/lernprogramm/manifest`);
    await expect(page.getByRole('heading', { level: 1, name: 'Kick-off-Manifest' })).toBeVisible();
    const manifestText = page.getByRole('textbox', { name: 'Text des Manifests' });
    await manifestText.fill(`${await manifestText.inputValue()}\n6. Ergebnisse teilen wir in der Peer-Gruppe (${stamp}).`);
    await page.getByRole('button', { name: 'Text speichern' }).click();
    await expect(page.getByText('Noch nicht von der Leitung unterzeichnet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Manifest unterzeichnen' })).toHaveCount(0);

    const leitung = await signedIn(browser, 'leitung@musterstadt.example');
    await leitung.goto(`/o/${api.organizationId}/lernprogramm`);
    await leitung.getByRole('link', { name: 'Kick-off-Manifest' }).click();
    await expect(leitung.getByRole('heading', { level: 1, name: 'Kick-off-Manifest' })).toBeVisible();
    await expect(leitung.getByText(`Ergebnisse teilen wir in der Peer-Gruppe (${stamp}).`)).toBeVisible();
    await leitung.getByRole('textbox', { name: 'Ihre Funktion (z. B. Bürgermeisterin)' }).fill('Bürgermeisterin');
    await leitung.getByRole('button', { name: 'Manifest unterzeichnen' }).click();
    await expect(leitung.getByText(/Unterzeichnet von Dr\. Lena Leitung, Bürgermeisterin, am /)).toBeVisible();
    expect(await seriousAccessibilityViolations(leitung)).toEqual([]);
    await shoot(leitung, 'program-manifest', 'Kick-off-Manifest', leitung.getByRole('region', { name: 'Unterschrift der Leitung' }));
    await leitung.context().close();

    // The signature is on the poster; the participant withdraws the share and it is gone at once.
    await page.goto(`/o/${api.organizationId}/lernprogramm`);
    await page.getByRole('link', { name: 'Konzept-Plakat' }).click();
    await expect(page.getByRole('region', { name: 'Kick-off-Manifest' })).toContainText('Unterzeichnet von Dr. Lena Leitung, Bürgermeisterin');
    await page.goto(`/o/${api.organizationId}/lernprogramm/gruppe/${cohortId}`);
    await withdraw(page, shared);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Peer-Gruppe Nord' })).toBeVisible();
    await expect(shared).toHaveCount(0);
  });
  test('the Programmleitung sees its cohort and unlocks week 6 early; the participant uploads a graphic with alt text, it is on the poster and a peer sees it; another Programmleitung sees nothing of it', async ({ page, browser }) => {
    test.slow();
    // The Programmleitung: own run, the cohort's progress, an early unlock.
    const facilitator = await signedInAnywhere(browser, 'programmleitung@amtsplan.example');
    await facilitator.goto('/programmleitung');
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Programmleitung' })).toBeVisible();
    const run = facilitator.getByRole('region', { name: /^Lernprogramm Social Media \d{4}$/ });
    await expect(run).toContainText('2 von 5 Behörden');
    expect(await seriousAccessibilityViolations(facilitator)).toEqual([]);
    await run.getByRole('link', { name: 'Peer-Gruppe Nord' }).click();
    await expect(facilitator.getByRole('heading', { level: 1, name: 'Peer-Gruppe Nord' })).toBeVisible();
    const members = facilitator.getByRole('region', { name: 'Mitglieder' });
    await expect(members).toContainText('Rita Redaktion');
    await expect(members).toContainText(LANDKREIS);
    await expect(members).toContainText(/\d+ Aufgaben erledigt, davon \d+ in Woche 3/);
    const cohortUrl = facilitator.url();
    await shoot(facilitator, 'program-facilitator-cohort', 'Peer-Gruppe Nord', members);
    await facilitator.goto('/programmleitung');
    await expect(run).toContainText('freigeschaltet bis Woche 3');
    // By keyboard: the select opens with Enter, as for anyone who does not use a mouse.
    await run.getByRole('combobox', { name: 'Vorzeitig freischalten bis' }).press('Enter');
    await facilitator.getByRole('option', { name: 'Woche 6', exact: true }).click();
    await run.getByRole('button', { name: 'Freischalten' }).click();
    await expect(run).toContainText('freigeschaltet bis Woche 6');
    expect(await seriousAccessibilityViolations(facilitator)).toEqual([]);
    await shoot(facilitator, 'program-facilitator', 'Programmleitung', run);
    await facilitator.context().close();

    // Another Programmleitung: only their own run, and the first one's cohort is not found.
    const other = await signedInAnywhere(browser, 'programmleitung-sued@amtsplan.example');
    await other.goto('/programmleitung');
    await expect(other.getByRole('region', { name: /^Lernprogramm Social Media Süd/ })).toBeVisible();
    await expect(other.getByRole('region', { name: /^Lernprogramm Social Media \d{4}$/ })).toHaveCount(0);
    await other.goto(new URL(cohortUrl).pathname);
    await expect(other.getByRole('heading', { level: 1, name: 'Peer-Gruppe' })).toBeVisible();
    await expect(other.getByText('Rita Redaktion')).toHaveCount(0);
    await other.context().close();

    // The participant: week 6 is open, the graphic is uploaded with its alt text and ticks the exercise off.
    const api = await openMusterstadtPlan(page);
    await page.goto(`/o/${api.organizationId}/lernprogramm`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Programm' })).toBeVisible();
    const upload = page.getByRole('article', { name: UPLOAD_EXERCISE });
    await expect(upload).toContainText('Offen');
    const altText = `Serienkachel „Frag das Amt“ (${Date.now()}): weiße Schrift auf Stadtblau, Logo oben rechts`;
    await upload.getByLabel('Bild auswählen (JPEG, PNG, WebP oder GIF, bis 10 MB)').setInputFiles({ name: 'kachel.png', mimeType: 'image/png', buffer: await graphic() });
    await upload.getByRole('textbox', { name: 'Alternativtext' }).fill(altText);
    await upload.getByRole('button', { name: 'Hochladen' }).click();
    await expect(upload).toContainText('Erledigt');
    const image = upload.getByRole('img', { name: altText });
    await expect(image).toBeVisible();
    // Visible before it has decoded: naturalWidth is 0 until then.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-upload', 'Mein Programm', page.getByRole('article', { name: UPLOAD_EXERCISE }));

    // Shared into the Peer-Gruppe after the preview (the alt text is the copy the peers read).
    await upload.getByRole('button', { name: 'In die Peer-Gruppe teilen' }).click();
    const dialog = page.getByRole('dialog', { name: 'So sieht die Peer-Gruppe es' });
    await expect(dialog).toContainText(altText);
    await dialog.getByRole('button', { name: 'Teilen' }).click();
    await expect(upload.getByText('In der Peer-Gruppe geteilt')).toBeVisible();

    // On the poster, under "Themen & Serien".
    await page.getByRole('link', { name: 'Konzept-Plakat' }).click();
    await expect(page.getByRole('region', { name: 'Themen & Serien' }).getByRole('img', { name: altText })).toBeVisible();

    // A peer from the other authority sees the image with its alt text.
    const peer = await signedIn(browser, 'redaktion@landkreis-beispiel.example');
    const landkreis = await organizationIdOf(peer, LANDKREIS);
    await peer.goto(`/o/${landkreis}/lernprogramm/gruppe/${/\/gruppe\/([0-9a-f-]+)/.exec(cohortUrl)?.[1]}`);
    const seen = peer.getByRole('article', { name: `Woche 6: ${UPLOAD_EXERCISE}` });
    const peerImage = seen.getByRole('img', { name: altText });
    await expect(peerImage).toBeVisible();
    await expect.poll(() => peerImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
    await expect(seen).toContainText(`Alternativtext: ${altText}`);
    expect(await seriousAccessibilityViolations(peer)).toEqual([]);
    await shoot(peer, 'program-cohort-upload', 'Peer-Gruppe Nord', seen);
    await peer.context().close();
  });
  test('week 7: the exercise panel in Textbausteine and the Posteingang, with a link straight into the new text block form', async ({ page, browser }) => {
    test.slow();
    // The Programmleitung opens week 7 early (through the API: the screen is covered above).
    const facilitator = await signedInAnywhere(browser, 'programmleitung@amtsplan.example');
    const runs = (await (await facilitator.request.get('/api/program/runs')).json()) as Array<{ id: string; name: string; openWeeks: number; version: number }>;
    const demoRun = runs.find((r) => /^Lernprogramm Social Media \d{4}$/.test(r.name));
    expect(demoRun).toBeTruthy();
    if (demoRun!.openWeeks < 7) {
      const xsrf = (await facilitator.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
      const unlocked = await facilitator.request.post(`/api/program/runs/${demoRun!.id}/unlock`, { data: { throughWeek: 7, version: demoRun!.version }, headers: { 'x-xsrf-token': xsrf } });
      expect(unlocked.status()).toBe(201);
    }
    await facilitator.context().close();

    const api = await openMusterstadtPlan(page);
    await page.goto(`/o/${api.organizationId}/textbausteine`);
    await expect(page.getByRole('heading', { level: 1, name: 'Textbausteine' })).toBeVisible();
    const panel = page.getByRole('region', { name: 'Lernprogramm: Woche 7' });
    await expect(panel).toContainText('Fünf Textbausteine in drei Kategorien freigeben lassen');
    await expect(panel).not.toContainText('Drei Antworten mit Textbausteinen geben');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-panel-text-blocks', 'Textbausteine', panel);
    await panel.getByRole('link', { name: 'Neuen Textbaustein anlegen' }).click();
    await expect(page).toHaveURL(/\/textbausteine\/neu$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Neuer Textbaustein' })).toBeVisible();

    await page.goto(`/o/${api.organizationId}/community`);
    await expect(page.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeVisible();
    await expect(panel).toContainText('Drei Antworten mit Textbausteinen geben');
    await expect(panel).toContainText(/\d+ von 3/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, 'program-panel-community', 'Posteingang', panel);

    // Week 7 has nothing to do in the Krisen-Playbooks: no panel there.
    await page.goto(`/o/${api.organizationId}/krisen-playbooks`);
    await expect(page.getByRole('heading', { level: 1, name: 'Krisen-Playbooks' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Zu Mein Programm' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /^Lernprogramm: Woche/ })).toHaveCount(0);
  });

  test('a post draft goes anonymised from the editor into the Peer-Gruppe: the authority, its people and a named person are hidden, a peer sees the copy', async ({ page, browser }) => {
    test.slow();
    const api = await openMusterstadtPlan(page);
    const stamp = Date.now();
    const post = await api.post<PostView>('/posts', {
      workingTitle: `Sperrmüll in Musterstadt ${stamp}`,
      text: `Stadt Musterstadt informiert: Rita Redaktion und Erika Beispiel vom Bürgerbüro beantworten Fragen unter buergerbuero@musterstadt.example oder 0431 123456. Mehr: https://www.musterstadt.example/sperrmuell (${stamp})`,
      // In the Themenspeicher: the week-3 test counts the planned posts of this authority.
      planning: { kind: 'unplanned' },
    });
    await page.goto(`/o/${api.organizationId}/redaktionsplan?beitrag=${post.id}`);
    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    const share = editor.getByRole('region', { name: 'Lernprogramm: Entwurf teilen' });
    await share.getByRole('button', { name: 'Anonymisiert mit der Peer-Gruppe teilen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Entwurf anonymisiert teilen' });
    const preview = dialog.getByRole('region', { name: 'So sieht die Peer-Gruppe es' });
    // The authority's name and its member are hidden without being asked; the guest is not a member.
    await expect(preview).toContainText('Erika Beispiel');
    await expect(preview).not.toContainText('Musterstadt');
    await expect(preview).not.toContainText('Rita Redaktion');
    await expect(preview).not.toContainText('0431 123456');
    await dialog.getByRole('textbox', { name: 'Weitere Namen verbergen' }).fill('Erika Beispiel');
    await expect(dialog.getByText('Die Namen wurden geändert: bitte zuerst die Vorschau aktualisieren.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Teilen' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Vorschau aktualisieren' }).click();
    await expect(preview).not.toContainText('Erika Beispiel');
    const sharedText = (await preview.locator('.body').textContent())!.trim();
    const sharedTitle = (await preview.getByRole('heading').textContent())!.trim();
    expect(sharedText).toContain(`(${stamp})`);
    expect(sharedTitle).toBe(`Sperrmüll in [Name] ${stamp}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'program-post-draft-share-dialog');
    await dialog.getByRole('button', { name: 'Teilen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(share).toContainText('In der Peer-Gruppe geteilt');

    // The link leads to the Peer-Gruppe, where a peer of another authority reads exactly the previewed copy.
    await share.getByRole('link', { name: 'In der Peer-Gruppe ansehen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Peer-Gruppe Nord' })).toBeVisible();
    const cohortId = /\/gruppe\/([0-9a-f-]+)/.exec(page.url())?.[1];
    const own = page.getByRole('article', { name: sharedTitle });
    await expect(own).toContainText('Beitragsentwurf (anonymisiert)');
    const peer = await signedIn(browser, 'redaktion@landkreis-beispiel.example');
    await peer.goto(`/o/${await organizationIdOf(peer, LANDKREIS)}/lernprogramm/gruppe/${cohortId}`);
    const seen = peer.getByRole('article', { name: sharedTitle });
    await expect(seen).toContainText(sharedText);
    await expect(seen).not.toContainText('Erika Beispiel');
    await expect(seen).not.toContainText('buergerbuero@');
    await peer.context().close();

    // Withdrawn by its author, gone.
    await withdraw(page, own);
  });
});

/**
 * The author withdraws a share on the Peer-Gruppe page. While the confirmation is open the page
 * behind it is hidden from the accessibility tree, so "gone" is checked once the DELETE answered
 * and the dialog closed, not before.
 */
async function withdraw(page: Page, share: Locator): Promise<void> {
  await share.getByRole('button', { name: 'Zurückziehen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Geteiltes zurückziehen?' });
  const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE' && /\/shares\/[0-9a-f-]+$/.test(response.url()));
  await confirm.getByRole('button', { name: 'Zurückziehen' }).click();
  expect((await deleted).status()).toBe(204);
  await expect(confirm).toHaveCount(0);
  await expect(share).toHaveCount(0);
}

/** A second person in their own browser context, logged in (leadership lands on the Freigaben, editors on the plan). */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const other = await context.newPage();
  await logIn(other, email);
  await expect(other).toHaveURL(/\/o\/[0-9a-f-]+\//);
  return other;
}

/** Someone logged in who may belong to no authority (a Programmleitung lands on "Ohne Behörde"). */
async function signedInAnywhere(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const other = await context.newPage();
  await logIn(other, email);
  await expect(other).not.toHaveURL(/\/anmelden/);
  return other;
}

/** A graphic like one made with Canva: 640 × 360, a coloured tile with a lighter band. */
function graphic(): Promise<Buffer> {
  const band = Buffer.from('<svg width="640" height="120"><rect width="640" height="120" fill="#ffffff" fill-opacity="0.85"/></svg>');
  return sharp({ create: { width: 640, height: 360, channels: 3, background: '#1d4f91' } })
    .composite([{ input: band, top: 120, left: 0 }])
    .png()
    .toBuffer();
}

async function organizationIdOf(page: Page, name: string): Promise<string> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as MeResponse;
  const membership = me.memberships.find((m) => m.organization.name === name);
  if (!membership) throw new Error(`no member of ${name}`);
  return membership.organization.id;
}

/** The page sizes a PDF declares (MediaBox: x0 y0 x1 y1 in points). */
function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}
