import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { MUSTERSTADT } from './support/demo-accounts';
import { keepScreenshot, logInToShell, seriousAccessibilityViolations } from './support/amtsplan';

const EDITOR = 'redaktion@musterstadt.example';

/** The e2e server's database (tools/e2e-server.mjs), as its owner: notifications are written by the workflow, not by a form. */
function ownerDatabase(): Client {
  const port = Number(process.env['E2E_PORT'] ?? 4310);
  const url = new URL(process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${port === 4310 ? 'amtsplan_e2e' : `amtsplan_e2e_${port}`}`;
  return new Client({ connectionString: url.toString() });
}

test.describe('notifications', () => {
  const database = ownerDatabase();
  let organizationId: string;
  let editorId: string;

  test.beforeAll(async () => {
    await database.connect();
    organizationId = (await database.query<{ id: string }>('SELECT id FROM organizations WHERE name = $1', [MUSTERSTADT])).rows[0]!.id;
    editorId = (await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [EDITOR])).rows[0]!.id;
    // The server may be reused from an earlier run: start from no notifications and default switches.
    await database.query('DELETE FROM notifications WHERE recipient_user_id = $1', [editorId]);
    await database.query('DELETE FROM notification_preferences WHERE user_id = $1', [editorId]);
  });
  test.afterAll(async () => {
    await database.end();
  });

  async function notifyEditor(title: string, body: string, link: string | null, kind = 'approval_decided'): Promise<void> {
    await database.query(
      `INSERT INTO notifications (organization_id, recipient_user_id, kind, title, body, link, email_status) VALUES ($1, $2, $3, $4, $5, $6, 'none')`,
      [organizationId, editorId, kind, title, body, link],
    );
  }

  test('the bell counts live, lists the latest, opens one and marks all as read', async ({ page }) => {
    await logInToShell(page, EDITOR);
    const bell = page.getByRole('button', { name: /^Benachrichtigungen/ });
    await expect(bell).toHaveAccessibleName('Benachrichtigungen');

    // Written while the page is open: the count arrives over the live stream, without reloading.
    await notifyEditor('Freigabe erbeten: Herbstmarkt', 'Fabian Fachbereich bittet um Ihre Entscheidung.', `/o/${organizationId}/freigaben`, 'approval_requested');
    await notifyEditor(
      'Ihr Beitrag „Stadtfest“ wurde freigegeben',
      'Dr. Lena Leitung hat den Beitrag für Mastodon und Instagram freigegeben.',
      `/o/${organizationId}/redaktionsplan`,
    );
    await expect(bell).toHaveAccessibleName('Benachrichtigungen, 2 ungelesen');

    await bell.click();
    const panel = page.getByRole('menu', { name: 'Benachrichtigungen' });
    await expect(panel.getByRole('menuitem', { name: /Ungelesen: Ihr Beitrag „Stadtfest“ wurde freigegeben/ })).toBeVisible();
    await expect(panel.getByRole('menuitem', { name: /Ungelesen: Freigabe erbeten: Herbstmarkt/ })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await keepScreenshot(page, 'notifications-panel');

    // One arriving while the panel is open goes on top.
    await notifyEditor('Veröffentlichung fehlgeschlagen: Wochenmarkt', 'Mastodon antwortete mit einem Fehler.', null, 'publish_failed');
    await expect(panel.getByRole('menuitem').first()).toContainText('Veröffentlichung fehlgeschlagen: Wochenmarkt');
    await expect(bell).toHaveAccessibleName('Benachrichtigungen, 3 ungelesen');

    await panel.getByRole('menuitem', { name: /Freigabe erbeten: Herbstmarkt/ }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${organizationId}/freigaben$`));
    await expect(bell).toHaveAccessibleName('Benachrichtigungen, 2 ungelesen');

    await bell.click();
    await expect(panel.getByRole('menuitem', { name: /^Freigabe erbeten: Herbstmarkt/ })).toBeVisible();
    await panel.getByRole('menuitem', { name: 'Alle als gelesen markieren' }).click();
    await expect(bell).toHaveAccessibleName('Benachrichtigungen');
    const unread = await database.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_user_id = $1 AND read_at IS NULL', [editorId]);
    expect(unread.rows[0].n).toBe(0);
  });

  test('the e-mail switches are reachable from the user menu and saved per kind', async ({ page }) => {
    await logInToShell(page, EDITOR);
    await page.getByRole('button', { name: /^Benutzermenü von / }).click();
    await page.getByRole('menuitem', { name: 'Benachrichtigungen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeVisible();

    const decided = page.getByRole('switch', { name: 'Entscheidung über meinen Beitrag' });
    await expect(decided).toBeChecked();
    await expect(page.getByRole('switch', { name: 'Freigabe ungültig geworden' })).not.toBeChecked();
    await decided.click();
    await expect(page.getByText('Einstellung gespeichert.')).toBeVisible();
    await expect(decided).not.toBeChecked();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.reload();
    await expect(page.getByRole('switch', { name: 'Entscheidung über meinen Beitrag' })).not.toBeChecked();
    const stored = await database.query(`SELECT email FROM notification_preferences WHERE user_id = $1 AND kind = 'approval_decided'`, [editorId]);
    expect(stored.rows).toEqual([{ email: false }]);
  });
});
