import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRICULUM_TOPICS, POSTER_SECTIONS, PROGRAM_WEEKS } from '@amtsplan/domain';
import { CURRENT_CURRICULUM_VERSION, CurriculumContentError, curriculumRoot, loadCurriculum } from './curriculum-files';

describe('the curriculum in the repository', () => {
  const curriculum = loadCurriculum();

  it('has 12 weeks of 3–5 exercises adding up to about 180 minutes and a 90-minute meeting', () => {
    expect(curriculum.version).toBe(CURRENT_CURRICULUM_VERSION);
    expect(curriculum.weeks.map((w) => w.week)).toEqual(Array.from({ length: PROGRAM_WEEKS }, (_, i) => i + 1));
    for (const week of curriculum.weeks) {
      const minutes = week.exercises.reduce((sum, e) => sum + e.minutes, 0);
      expect({ week: week.week, minutes, meeting: week.agenda.reduce((sum, a) => sum + a.minutes, 0) }).toEqual({ week: week.week, minutes: 180, meeting: 90 });
      expect(week.exercises.length).toBeGreaterThanOrEqual(3);
      expect(week.exercises.length).toBeLessThanOrEqual(5);
      expect(week.impulse.length).toBeGreaterThan(500);
    }
  });

  it('covers every topic and poster section, with the milestones in weeks 1, 6 and 12', () => {
    expect(new Set(curriculum.weeks.flatMap((w) => w.topics))).toEqual(new Set(CURRICULUM_TOPICS));
    expect(new Set(curriculum.weeks.flatMap((w) => w.exercises.flatMap((e) => (e.kind === 'reflection' ? [e.posterSection] : []))))).toEqual(new Set(POSTER_SECTIONS));
    expect(curriculum.weeks.filter((w) => w.milestone).map((w) => [w.week, w.milestone])).toEqual([
      [1, 'kick-off'],
      [6, 'zwischenfazit'],
      [12, 'praesentation'],
    ]);
  });

  it('has the exercise of week 3 that the calendar shows: 8 posts in 28 days over 2 topics', () => {
    const week3 = curriculum.weeks[2]!;
    expect(week3.exercises).toContainEqual(expect.objectContaining({ kind: 'action', area: 'redaktionsplan', rule: 'posts-planned-ahead', params: { posts: 8, days: 28, topics: 2 } }));
  });
});

describe('loadCurriculum refuses broken content with every problem named', () => {
  function brokenCopy(edit: (week3: string) => string): string {
    const root = mkdtempSync(join(tmpdir(), 'curriculum-'));
    cpSync(join(curriculumRoot(), CURRENT_CURRICULUM_VERSION), join(root, CURRENT_CURRICULUM_VERSION), { recursive: true });
    const file = join(root, CURRENT_CURRICULUM_VERSION, 'woche-03.md');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return root;
  }

  it('names a wrong shape with file and field', () => {
    const root = brokenCopy((text) => text.replace('    minutes: 90\n', '    minutes: neunzig\n'));
    expect(() => loadCurriculum(CURRENT_CURRICULUM_VERSION, root)).toThrow(CurriculumContentError);
    expect(() => loadCurriculum(CURRENT_CURRICULUM_VERSION, root)).toThrow(/woche-03\.md: exercises\.1\.minutes/);
  });

  it('names a rule that does not exist', () => {
    const root = brokenCopy((text) => text.replace('rule: posts-planned-ahead', 'rule: posts-irgendwie'));
    expect(() => loadCurriculum(CURRENT_CURRICULUM_VERSION, root)).toThrow(/woche-03\.md: exercises\.1\.rule/);
  });

  it('names minutes that no longer add up', () => {
    const root = brokenCopy((text) => text.replace('    minutes: 90\n', '    minutes: 20\n'));
    expect(() => loadCurriculum(CURRENT_CURRICULUM_VERSION, root)).toThrow('weeks.2.exercises: Die Aufgaben ergeben 110 Minuten');
  });

  it('refuses a file without front matter', () => {
    const root = brokenCopy((text) => text.replace(/^---\n/, ''));
    expect(() => loadCurriculum(CURRENT_CURRICULUM_VERSION, root)).toThrow(/woche-03\.md: : Die Datei beginnt nicht mit einem Kopf/);
  });
});
