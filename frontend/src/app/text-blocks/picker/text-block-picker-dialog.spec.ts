import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { TextBlockHit } from '@amtsplan/contracts';
import { TextBlockPickerDialog, type TextBlockPickerData } from './text-block-picker-dialog';

const hit = (id: string, shortCode: string, title: string): TextBlockHit => ({
  id,
  shortCode,
  status: 'approved',
  tags: [],
  usageCount: 0,
  lastUsedAt: null,
  validUntil: null,
  reviewOn: null,
  owner: { id: 'u', displayName: 'Rita Redaktion' },
  versionId: `${id}-v1`,
  versionNumber: 1,
  title,
  body: { sie: `${title}.`, du: null },
  category: { id: 'c', name: 'Allgemein' },
  platforms: [],
});

const STATEMENT = hit('hs', 'haltung', 'Wir nehmen die Kritik ernst');
const OTHER = hit('ab', 'abfall', 'Abfallkalender');

describe('TextBlockPickerDialog: holding statements of the active crisis', () => {
  jest.setTimeout(30_000);
  let fixture: ComponentFixture<TextBlockPickerDialog>;
  let http: HttpTestingController;
  const closed: unknown[] = [];
  const element = () => fixture.nativeElement as HTMLElement;

  async function open(holdingStatements: boolean): Promise<void> {
    const data: TextBlockPickerData = { options: { organizationId: 'org-1', holdingStatements }, settings: { addressForm: 'sie', placeholders: [], version: 1 } };
    TestBed.configureTestingModule({
      imports: [TextBlockPickerDialog],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close: (value: unknown) => closed.push(value) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TextBlockPickerDialog);
    fixture.detectChanges();
    if (holdingStatements) http.expectOne('/api/orgs/org-1/crisis-status/holding-statements').flush([STATEMENT]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The search finds the statement too: it is shown once, in its group.
    http.expectOne((r) => r.url === '/api/orgs/org-1/text-blocks').flush([OTHER, STATEMENT]);
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const key = (name: string) => {
    element().querySelector('input[role="combobox"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    fixture.detectChanges();
  };

  afterEach(() => {
    http.verify();
    closed.length = 0;
  });

  it('shows the holding statements first in a labelled group, and the keyboard walks through both groups', async () => {
    await open(true);
    const groups = [...element().querySelectorAll('[role="listbox"] > [role="group"]')];
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Haltungsstatements (aktive Krise)', 'Weitere Textbausteine']);
    expect([...element().querySelectorAll('[role="option"]')].map((o) => o.querySelector('.hit__code')!.textContent)).toEqual(['/haltung', '/abfall']);
    const combobox = element().querySelector('input[role="combobox"]')!;
    expect(element().querySelector(`#${combobox.getAttribute('aria-activedescendant')}`)!.textContent).toContain('Wir nehmen die Kritik ernst');
    key('ArrowDown');
    expect(element().querySelector(`#${combobox.getAttribute('aria-activedescendant')}`)!.textContent).toContain('Abfallkalender');
    key('ArrowUp');
    key('Enter');
    http.expectOne('/api/orgs/org-1/text-blocks/hs/uses').flush({});
    expect(closed).toEqual([expect.objectContaining({ textBlockId: 'hs', versionId: 'hs-v1', text: 'Wir nehmen die Kritik ernst.' })]);
  });

  it('has no group and asks for no statements when the composer does not want them', async () => {
    await open(false);
    expect(element().querySelectorAll('[role="group"]')).toHaveLength(0);
    expect([...element().querySelectorAll('[role="option"]')].map((o) => o.querySelector('.hit__code')!.textContent)).toEqual(['/abfall', '/haltung']);
  });
});
