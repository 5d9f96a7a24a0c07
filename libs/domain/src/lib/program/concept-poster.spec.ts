import type { Curriculum, CurriculumWeek } from './curriculum';
import { composePoster } from './concept-poster';

const week = (n: number, exercises: CurriculumWeek['exercises']): CurriculumWeek => ({
  week: n,
  title: `Woche ${n}`,
  topics: [],
  goals: [],
  impulse: '',
  resources: [],
  agenda: [],
  exercises,
});
const base = { title: 'Reflexion', minutes: 30, area: 'programm' as const, instructions: '.' };
const curriculum: Curriculum = {
  version: '2027.1',
  weeks: [
    week(1, [{ ...base, id: 'w01-auftrag', kind: 'reflection', posterSection: 'ziele', prompt: 'Wofür?' }]),
    week(2, [
      { ...base, id: 'w02-zielgruppen', kind: 'reflection', posterSection: 'zielgruppen', prompt: 'Wen?' },
      { ...base, id: 'w02-kanalwahl', kind: 'reflection', posterSection: 'kanaele', prompt: 'Wo?' },
    ]),
    week(6, [
      { ...base, id: 'w06-grafik', kind: 'upload', title: 'Grafikvorlage', artefact: 'eine Grafik', requiresAltText: true, posterSection: 'themen-serien' },
      { ...base, id: 'w06-ohne-plakat', kind: 'upload', title: 'Nur hochladen', artefact: 'ein Bild', requiresAltText: true },
    ]),
  ],
};

describe('composePoster', () => {
  it('puts answers into their sections in curriculum order, with facts from the data', () => {
    const poster = composePoster(
      curriculum,
      [
        { exerciseId: 'w02-kanalwahl', text: 'Instagram für Familien, Mastodon für Fachleute.' },
        { exerciseId: 'w01-auftrag', text: ' Wir informieren schnell. ' },
        { exerciseId: 'w02-zielgruppen', text: '   ' },
        { exerciseId: 'w09-unbekannt', text: 'Gehört zu keiner Reflexion.' },
      ],
      { kanaele: ['Instagram (@musterstadt)', ''], themen: undefined } as never,
    );
    expect(poster.sections.map((s) => s.section)).toEqual([
      'ziele',
      'zielgruppen',
      'kanaele',
      'themen-serien',
      'redaktionsprozess',
      'community',
      'krisenvorsorge',
      'netzwerk',
      'ressourcen',
      'kennzahlen',
    ]);
    expect(poster.sections[0]).toEqual({ section: 'ziele', title: 'Ziele', answers: [{ exerciseId: 'w01-auftrag', question: 'Wofür?', text: 'Wir informieren schnell.' }], facts: [], images: [], filled: true });
    expect(poster.sections[1]!.filled).toBe(false);
    expect(poster.sections[2]).toMatchObject({ title: 'Kanäle & Positionierung', facts: ['Instagram (@musterstadt)'], filled: true });
    expect(poster.filledCount).toBe(2);
  });

  it('shows an uploaded image in the section its exercise names, which fills the section', () => {
    const poster = composePoster(curriculum, [], {}, [
      { exerciseId: 'w06-grafik', altText: ' Serienkachel „Frag das Amt“ in Stadtblau ', version: 3 },
      { exerciseId: 'w06-ohne-plakat', altText: 'Gehört in keinen Abschnitt.' },
    ]);
    expect(poster.sections[3]).toMatchObject({
      section: 'themen-serien',
      images: [{ exerciseId: 'w06-grafik', title: 'Grafikvorlage', altText: 'Serienkachel „Frag das Amt“ in Stadtblau', version: 3 }],
      filled: true,
    });
    expect(poster.sections.flatMap((s) => s.images)).toHaveLength(1);
    expect(poster.filledCount).toBe(1);
  });
});
