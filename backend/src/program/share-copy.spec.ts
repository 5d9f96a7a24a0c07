import { anonymiseDraft } from '@amtsplan/domain';
import { namesToHide, posterSectionText, textBlockText } from './share-copy';

describe('the copy of a post draft shared into the cohort', () => {
  const names = namesToHide('Stadt Musterstadt', ['Rita Redaktion', 'Lars Leitung'], ['Frau Özdemir']);

  it('hides the authority by its name and its distinctive word, and people by name and given name', () => {
    expect(names).toEqual(['Stadt Musterstadt', 'Musterstadt', 'Rita Redaktion', 'Rita', 'Lars Leitung', 'Lars', 'Frau Özdemir']);
    expect(anonymiseDraft('Die Stadt Musterstadt und Rita laden ein; Frau Özdemir aus Musterstadt antwortet.', { names })).toBe(
      'Die [Name] und [Name] laden ein; [Name] aus [Name] antwortet.',
    );
  });

  it('replaces addresses as a whole even when they contain the name', () => {
    expect(anonymiseDraft('Schreiben Sie an buergerservice@musterstadt.example oder folgen Sie @musterstadt@social.example und https://musterstadt.example/x', { names })).toBe(
      'Schreiben Sie an [E-Mail] oder folgen Sie [Konto] und [Link]',
    );
  });

  it('keeps generic words of the authority readable', () => {
    expect(anonymiseDraft('Die Stadt feiert Geburtstag.', { names: namesToHide('Stadt Musterstadt', []) })).toBe('Die Stadt feiert Geburtstag.');
  });
});

describe('the copy of a poster section and of a text block', () => {
  it('puts each answer under its question and the facts after them', () => {
    expect(posterSectionText({ answers: [{ question: 'Welche Themen?', text: ' Bauen und Kita \n' }], facts: ['3 Themen', '2 Serien'] })).toBe(
      'Welche Themen?\nBauen und Kita\n\nAus den Daten in Amtsplan:\n– 3 Themen\n– 2 Serien',
    );
    expect(posterSectionText({ answers: [{ question: 'Q', text: 'A' }], facts: [] })).toBe('Q\nA');
  });

  it('shares the Sie form, the Du form, or both labelled', () => {
    expect(textBlockText('Guten Tag', null)).toBe('Guten Tag');
    expect(textBlockText(null, 'Hallo')).toBe('Hallo');
    expect(textBlockText('Guten Tag', 'Hallo')).toBe('Sie-Form:\nGuten Tag\n\nDu-Form:\nHallo');
  });
});
