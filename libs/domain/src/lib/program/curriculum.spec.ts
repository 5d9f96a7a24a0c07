import { CURRICULUM_TOPICS, type Curriculum, type CurriculumWeek, type Exercise, POSTER_SECTIONS, validateCurriculum } from './curriculum';

const IMPULSE = 'Ein Impuls, lang genug, damit er als Text zählt. '.repeat(6);

/** A curriculum that passes every check; each test breaks one thing. */
function validCurriculum(): Curriculum {
  const weeks: CurriculumWeek[] = Array.from({ length: 12 }, (_, i) => {
    const week = i + 1;
    const id = (name: string) => `w${String(week).padStart(2, '0')}-${name}`;
    const exercises: Exercise[] = [
      { id: id('reflexion'), kind: 'reflection', title: 'Nachdenken', minutes: 60, area: 'programm', instructions: 'Schreiben.', posterSection: POSTER_SECTIONS[i % POSTER_SECTIONS.length]!, prompt: 'Warum?' },
      { id: id('planen'), kind: 'action', title: 'Planen', minutes: 60, area: 'redaktionsplan', instructions: 'Planen.', rule: 'posts-planned-ahead', params: { posts: 8, days: 28, topics: 2 } },
      week === 6
        ? { id: id('grafik'), kind: 'upload', title: 'Gestalten', minutes: 60, area: 'programm', instructions: 'Hochladen.', artefact: 'eine Grafik', requiresAltText: true, posterSection: 'themen-serien' }
        : { id: id('liste'), kind: 'checklist', title: 'Abhaken', minutes: 60, area: 'programm', instructions: 'Abhaken.', items: ['Eins', 'Zwei'] },
    ];
    return {
      week,
      title: `Woche ${week}`,
      topics: week === 12 ? [CURRICULUM_TOPICS[11]!, CURRICULUM_TOPICS[12]!] : [CURRICULUM_TOPICS[i]!],
      goals: ['Ein Ziel'],
      impulse: IMPULSE,
      resources: [{ title: 'Quelle', url: 'https://example.org/quelle' }],
      agenda: [
        { minutes: 60, title: 'Austausch' },
        { minutes: 30, title: 'Ausblick' },
      ],
      exercises,
      milestone: week === 1 ? 'kick-off' : week === 6 ? 'zwischenfazit' : week === 12 ? 'praesentation' : undefined,
    };
  });
  return { version: '2027.1', weeks };
}

function withWeek(curriculum: Curriculum, index: number, change: (week: CurriculumWeek) => CurriculumWeek): Curriculum {
  return { ...curriculum, weeks: curriculum.weeks.map((week, i) => (i === index ? change(week) : week)) };
}

describe('validateCurriculum', () => {
  it('accepts a complete curriculum', () => {
    expect(validateCurriculum(validCurriculum())).toEqual([]);
  });

  it('wants exactly 12 weeks, numbered in order', () => {
    const eleven = { ...validCurriculum(), weeks: validCurriculum().weeks.slice(0, 11) };
    expect(validateCurriculum(eleven)).toContainEqual({ path: 'weeks', message: 'Das Programm hat 12 Wochen, nicht 11.' });
    const swapped = withWeek(validCurriculum(), 2, (week) => ({ ...week, week: 4 }));
    expect(validateCurriculum(swapped)).toContainEqual({ path: 'weeks.2.week', message: 'Woche 3 steht an dieser Stelle, nicht Woche 4.' });
  });

  it('checks that exercises add up to about 180 minutes and the meeting to 90', () => {
    const short = withWeek(validCurriculum(), 0, (week) => ({ ...week, exercises: week.exercises.map((e) => ({ ...e, minutes: 30 })) }));
    expect(validateCurriculum(short)).toContainEqual({ path: 'weeks.0.exercises', message: 'Die Aufgaben ergeben 90 Minuten; erwartet sind etwa 180 (160–200).' });
    const longMeeting = withWeek(validCurriculum(), 4, (week) => ({ ...week, agenda: [...week.agenda, { minutes: 15, title: 'Zugabe' }] }));
    expect(validateCurriculum(longMeeting)).toContainEqual({ path: 'weeks.4.agenda', message: 'Das Treffen dauert 90 Minuten; die Agenda ergibt 105.' });
  });

  it('wants 3 to 5 exercises a week', () => {
    const two = withWeek(validCurriculum(), 1, (week) => ({ ...week, exercises: week.exercises.slice(0, 2).map((e) => ({ ...e, minutes: 90 })) }));
    expect(validateCurriculum(two)).toContainEqual({ path: 'weeks.1.exercises', message: '3 bis 5 Aufgaben pro Woche, nicht 2.' });
  });

  it('refuses an action exercise whose rule does not exist or lacks parameters', () => {
    const unknownRule = withWeek(validCurriculum(), 2, (week) => ({
      ...week,
      exercises: week.exercises.map((e) => (e.kind === 'action' ? ({ ...e, rule: 'gibt-es-nicht' } as unknown as Exercise) : e)),
    }));
    expect(validateCurriculum(unknownRule)).toContainEqual({ path: 'weeks.2.exercises.1.rule', message: 'Die Prüfregel „gibt-es-nicht“ gibt es nicht.' });
    const missingParam = withWeek(validCurriculum(), 2, (week) => ({
      ...week,
      exercises: week.exercises.map((e) => (e.kind === 'action' ? { ...e, params: { posts: 8, days: 28, tage: 3 } } : e)),
    }));
    expect(validateCurriculum(missingParam)).toEqual([
      { path: 'weeks.2.exercises.1.params.topics', message: 'Die Prüfregel „posts-planned-ahead“ braucht „topics“ als ganze Zahl ab 1.' },
      { path: 'weeks.2.exercises.1.params.tage', message: 'Die Prüfregel „posts-planned-ahead“ kennt „tage“ nicht.' },
    ]);
  });

  it('wants stable exercise ids that name their week and occur once', () => {
    const wrongWeek = withWeek(validCurriculum(), 3, (week) => ({ ...week, exercises: week.exercises.map((e, i) => (i === 0 ? { ...e, id: 'w03-reflexion' } : e)) }));
    const problems = validateCurriculum(wrongWeek);
    expect(problems).toContainEqual({ path: 'weeks.3.exercises.0.id', message: 'Kennung „w03-reflexion“: erwartet w04-… in Kleinbuchstaben mit Bindestrichen.' });
    expect(problems).toContainEqual({ path: 'weeks.3.exercises.0.id', message: 'Die Kennung „w03-reflexion“ kommt zweimal vor.' });
  });

  it('wants every topic covered, every poster section filled and each milestone once', () => {
    const gaps = withWeek(validCurriculum(), 8, (week) => ({
      ...week,
      topics: ['ziele-auftrag'],
      milestone: 'kick-off',
      exercises: week.exercises.map((e) => (e.kind === 'reflection' ? { ...e, posterSection: 'ziele' as const } : e)),
    }));
    const problems = validateCurriculum(gaps);
    expect(problems).toContainEqual({ path: 'weeks', message: 'Kein Wochenthema deckt „datenschutz-recht“ ab.' });
    expect(problems).toContainEqual({ path: 'weeks', message: 'Der Meilenstein „kick-off“ gehört in genau eine Woche (gefunden: 2).' });
    expect(problems).toContainEqual({ path: 'weeks', message: 'Keine Reflexionsaufgabe füllt den Plakatabschnitt „Ressourcen“.' });
  });

  it('wants an upload exercise somewhere, always with alt text and a known poster section', () => {
    const week6 = (change: (e: Exercise) => Exercise) => withWeek(validCurriculum(), 5, (week) => ({ ...week, exercises: week.exercises.map((e) => (e.kind === 'upload' ? change(e) : e)) }));
    expect(validateCurriculum(week6((e) => ({ ...e, requiresAltText: false }) as Exercise))).toEqual([
      { path: 'weeks.5.exercises.2.requiresAltText', message: 'Ein hochgeladenes Bild braucht immer einen Alternativtext.' },
    ]);
    expect(validateCurriculum(week6((e) => ({ ...e, posterSection: 'plakat' }) as unknown as Exercise))).toEqual([
      { path: 'weeks.5.exercises.2.posterSection', message: 'Unbekannter Plakatabschnitt „plakat“.' },
    ]);
    const noUpload = week6((e) => ({ id: e.id, kind: 'checklist', title: 'Abhaken', minutes: 60, area: 'programm', instructions: 'Abhaken.', items: ['Eins', 'Zwei'] }));
    expect(validateCurriculum(noUpload)).toEqual([{ path: 'weeks', message: 'Keine Woche hat eine Upload-Aufgabe (z. B. eine Grafik mit Alternativtext).' }]);
  });

  it('accepts only https links for resources', () => {
    const insecure = withWeek(validCurriculum(), 0, (week) => ({ ...week, resources: [{ title: 'Alt', url: 'http://example.org' }] }));
    expect(validateCurriculum(insecure)).toEqual([{ path: 'weeks.0.resources.0.url', message: 'Adressen beginnen mit https://.' }]);
  });
});
