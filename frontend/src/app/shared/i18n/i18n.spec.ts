import { ChangeDetectionStrategy, Component, DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';
import { de } from './messages.de';
import { en } from './messages.en';
import { translate } from './translate';
import { TranslatePipe } from './translate.pipe';

@Component({
  selector: 'amt-greeting',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'area.editorialPlan' | t }}</h1><p>{{ 'members.removed' | t: { name: 'Erika Muster' } }}</p>`,
})
class Greeting {}

describe('I18n', () => {
  let i18n: I18n;

  beforeEach(() => {
    i18n = TestBed.inject(I18n);
  });

  it('speaks German until told otherwise', () => {
    expect(i18n.language()).toBe('de');
    expect(i18n.t('area.editorialPlan')).toBe('Redaktionsplan');
  });

  it('switches to English at runtime and back', () => {
    i18n.use('en');
    expect(i18n.t('area.editorialPlan')).toBe('Editorial calendar');

    i18n.use('de');
    expect(i18n.t('area.editorialPlan')).toBe('Redaktionsplan');
  });

  it('sets the document language for screen readers', () => {
    i18n.use('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });

  it('fills in parameters', () => {
    expect(i18n.t('login.tooManyAttempts', { minutes: 5 })).toBe(
      'Zu viele Anmeldeversuche. Bitte in 5 Minuten erneut versuchen.',
    );
  });

  it('formats times in Berlin time, with German or English conventions', () => {
    // 23:30 UTC on 30 March 2026 is already 1:30 on the 31st in Berlin (summer time).
    expect(i18n.dateTime('2026-03-30T23:30:00Z')).toBe('31.03.2026, 01:30');
    i18n.use('en');
    expect(i18n.dateTime('2026-03-30T23:30:00Z')).toBe('31 Mar 2026, 01:30');
  });

  it('re-renders OnPush views through the pipe when the language changes', async () => {
    const fixture = TestBed.createComponent(Greeting);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('h1')?.textContent).toBe('Redaktionsplan');
    expect(element.querySelector('p')?.textContent).toBe('Erika Muster wurde entfernt.');

    i18n.use('en');
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent).toBe('Editorial calendar');
    expect(element.querySelector('p')?.textContent).toBe('Erika Muster has been removed.');
  });
});

describe('dictionaries', () => {
  it('have the same keys in both languages and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const text of [...Object.values(de), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(de[key]) });
    }
  });

  it('leaves a placeholder visible rather than printing "undefined" when a value is missing at runtime', () => {
    const params = {} as { minutes: number };
    expect(translate('de', 'login.tooManyAttempts', params)).toContain('{minutes}');
  });
});
