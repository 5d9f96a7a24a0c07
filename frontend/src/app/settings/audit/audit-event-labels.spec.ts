import { TestBed } from '@angular/core/testing';
import { I18n } from '../../shared/i18n/i18n';
import { auditDetailsSummary } from './audit-event-labels';

describe('auditDetailsSummary', () => {
  let i18n: I18n;

  beforeEach(() => {
    i18n = TestBed.inject(I18n);
  });

  it('names the keys and the roles in German, "from" before "to"', () => {
    expect(auditDetailsSummary({ to: 'editor', from: 'contributor', userId: 'u-1' }, i18n)).toBe(
      'Bisher: Fachbereich · Neu: Redaktion · Person (ID): u-1',
    );
    expect(auditDetailsSummary({ role: 'viewer', email: 'neu@musterstadt.example' }, i18n)).toBe(
      'E-Mail: neu@musterstadt.example · Rolle: Lesezugriff',
    );
  });

  it('says yes or no, and names post statuses and platforms', () => {
    expect(auditDetailsSummary({ demo: true }, i18n)).toBe('Demodaten: Ja');
    expect(auditDetailsSummary({ workingTitle: 'Sommerfest', status: 'draft' }, i18n)).toBe(
      'Arbeitstitel: Sommerfest · Status: Entwurf',
    );
    expect(auditDetailsSummary({ platform: 'instagram', name: 'Stadt auf Instagram' }, i18n)).toBe(
      'Name: Stadt auf Instagram · Plattform: Instagram',
    );
  });

  it('keeps names that happen to look like ids, skips nested values and shows unknown keys as they are', () => {
    expect(auditDetailsSummary({ name: 'admin', fields: ['name'], reason: 'Test' }, i18n)).toBe('Name: admin · reason: Test');
  });

  it('follows the language', () => {
    i18n.use('en');
    expect(auditDetailsSummary({ role: 'viewer', newAccount: false }, i18n)).toBe('Role: Read only · New account: No');
  });
});
