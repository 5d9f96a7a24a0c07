import { type Browser, type Page, expect as baseExpect, test } from '@playwright/test';
import { currentOrganizationId, keepScreenshot, logIn, openArea, seriousAccessibilityViolations } from './support/amtsplan';
import { MUSTERSTADT } from './support/demo-accounts';

const EDITOR = 'redaktion@musterstadt.example';
const APPROVER = 'leitung@musterstadt.example';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };
// Two sessions, two builds' worth of chunks and a dozen API calls on a shared two-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await logIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Redaktionsplan' })).toBeVisible();
  // redaktion@ belongs to two authorities and may start in the other one.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { memberships: Array<{ organization: { id: string; name: string } }> };
  const organizationId = me.memberships.find((m) => m.organization.name === MUSTERSTADT)?.organization.id ?? currentOrganizationId(page);
  if (organizationId !== currentOrganizationId(page)) await page.goto(`/o/${organizationId}/redaktionsplan`);
  return page;
}

test.describe('Textbausteine', () => {
  test('create, submit, approved by the Leitung, then found and inserted with the keyboard only', async ({ browser }) => {
    // Two sessions and many page loads; on the shared machine one run took over three minutes.
    test.setTimeout(420_000);
    const stamp = Date.now().toString(36);
    const code = `sperr-${stamp}`;
    const title = `Sperrmüll abholen ${stamp}`;

    // The Redaktion writes the block and submits it.
    const editor = await signedIn(browser, EDITOR, DESKTOP);
    await openArea(editor, 'Textbausteine');
    await expect(editor.getByRole('heading', { level: 1, name: 'Textbausteine' })).toBeVisible();
    expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    await keepScreenshot(editor, 'text-blocks-list-desktop');

    await editor.getByRole('link', { name: 'Neuer Textbaustein' }).click();
    await editor.getByLabel('Titel').fill(title);
    await editor.getByLabel('Kürzel').fill(code);
    await editor.getByLabel('Text in der Sie-Form').fill('Hallo {{name}}, Sperrmüll melden Sie online an. Abholung am {{datum}}.');
    await expect(editor.getByText('X (Sie):')).toBeVisible();
    await editor.getByRole('button', { name: 'Speichern' }).click();
    await expect(editor.getByTestId('text-block-status')).toHaveText(/Entwurf/);
    await editor.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await expect(editor.getByTestId('text-block-status')).toHaveText(/In Freigabe/);
    expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    await keepScreenshot(editor, 'text-block-editor-desktop');

    // The Leitung approves on a phone from the Freigaben inbox: the text block's content, no channel previews.
    const approver = await signedIn(browser, APPROVER, PHONE);
    await openArea(approver, 'Freigaben');
    const item = approver.getByRole('link', { name: title });
    await expect(item).toBeVisible();
    await item.click();
    await expect(approver.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(approver.getByRole('region', { name: 'Eingereichter Textbaustein' })).toContainText('Sperrmüll melden Sie online an');
    expect(await seriousAccessibilityViolations(approver)).toEqual([]);
    await keepScreenshot(approver, 'text-block-decision-mobile');
    await approver.getByRole('button', { name: 'Freigeben' }).click();
    await expect(approver.locator('.meta__status')).toHaveText('Freigegeben');

    // Back at the desk: find it in the picker with the keyboard only.
    await editor.reload();
    await expect(editor.getByTestId('text-block-status')).toHaveText(/Freigegeben/);
    await openArea(editor, 'Textbausteine');
    await editor.getByText('Antwort mit Textbaustein ausprobieren').focus();
    await editor.keyboard.press('Enter');
    const reply = editor.getByLabel('Probe-Antwort');
    await reply.focus();
    await editor.keyboard.type('Guten Tag! ');
    await editor.keyboard.press('/');
    const picker = editor.getByRole('dialog', { name: 'Textbaustein einfügen' });
    await expect(picker).toBeVisible();
    const search = picker.getByRole('combobox');
    await expect(search).toBeFocused();
    // All but the last character: a prefix of this run's short code only.
    await editor.keyboard.type(code.slice(0, -1));
    await expect(picker.getByRole('option').first()).toContainText(`/${code}`);
    expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    await keepScreenshot(editor, 'text-block-picker-desktop');
    await editor.keyboard.press('ArrowDown');
    await editor.keyboard.press('ArrowUp');
    await editor.keyboard.press('Enter');
    const fill = editor.getByRole('dialog', { name: `„${title}“ ausfüllen` });
    await expect(fill).toBeVisible();
    await expect(fill.getByText('Noch nicht ausgefüllt: {{name}}, {{datum}}')).toBeVisible();
    await expect(fill.getByLabel('Name der angesprochenen Person')).toBeFocused();
    await editor.keyboard.type('Frau Schulz');
    await editor.keyboard.press('Tab');
    await editor.keyboard.type('12.03.2027');
    await expect(fill.getByTestId('picker-preview')).toHaveText('Hallo Frau Schulz, Sperrmüll melden Sie online an. Abholung am 12.03.2027.');
    await editor.keyboard.press('Enter');
    await expect(fill).toBeHidden();
    await expect(reply).toHaveValue('Guten Tag! Hallo Frau Schulz, Sperrmüll melden Sie online an. Abholung am 12.03.2027.');
    await expect(reply).toBeFocused();

    // Ctrl+K opens it too; Escape closes it without a change.
    await editor.keyboard.press('Control+k');
    await expect(picker).toBeVisible();
    await editor.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    await expect(reply).toHaveValue('Guten Tag! Hallo Frau Schulz, Sperrmüll melden Sie online an. Abholung am 12.03.2027.');

    // The list on a phone.
    await editor.setViewportSize(PHONE);
    expect(await seriousAccessibilityViolations(editor)).toEqual([]);
    await keepScreenshot(editor, 'text-blocks-list-mobile');
  });
});
