import { anonymiseDraft } from './draft-anonymisation';

describe('anonymiseDraft', () => {
  it('replaces addresses, links, handles and phone numbers', () => {
    const text =
      'Fragen an buergerbuero@musterstadt.de oder 05121 / 301-200, Infos auf https://musterstadt.de/kita und www.musterstadt.de. Danke @jugendamt_ms und @stadt@social.example!';
    expect(anonymiseDraft(text)).toBe('Fragen an [E-Mail] oder [Telefon], Infos auf [Link] und [Link] Danke [Konto] und [Konto]!');
  });

  it('hides the names it is given, longest first and only as whole words', () => {
    const text = 'Die Stadt Musterstadt lädt ein. Musterstädter*innen willkommen! Bürgermeisterin Erika Beispiel eröffnet, Musterstadt feiert.';
    expect(anonymiseDraft(text, { names: ['Musterstadt', 'Stadt Musterstadt', 'Erika Beispiel', ' '] })).toBe(
      'Die [Name] lädt ein. Musterstädter*innen willkommen! Bürgermeisterin [Name] eröffnet, [Name] feiert.',
    );
  });

  it('replaces a whole address even when a hidden name is part of it', () => {
    expect(anonymiseDraft('Schreiben Sie an info@musterstadt.example oder https://musterstadt.example/kontakt, Musterstadt hilft.', { names: ['Musterstadt'] })).toBe(
      'Schreiben Sie an [E-Mail] oder [Link] [Name] hilft.',
    );
  });

  it('leaves hashtags, dates and times alone', () => {
    const text = '#MontagsMenschen am 03.05.2027 um 10:00 Uhr, Eintritt 5 €.';
    expect(anonymiseDraft(text)).toBe(text);
  });
});
