import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CurriculumWeekFrontMatter } from '@amtsplan/contracts';
import { type Curriculum, type CurriculumWeek, type FieldProblem, validateCurriculum } from '@amtsplan/domain';

/** The curriculum version the program runs with; a new version is a new folder next to it. */
export const CURRENT_CURRICULUM_VERSION = '2027.1';

const WEEK_FILE = /^woche-(\d{2})\.md$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

export class CurriculumContentError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`Der Inhalt des Lernprogramms ist ungültig:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Where the content lies: next to the bundle in a build (webpack copies `libs/curriculum` to
 * `dist/backend/curriculum`), in the repository when running from source (tests, migrations).
 */
export function curriculumRoot(): string {
  const candidates = [join(__dirname, 'curriculum'), join(__dirname, '..', '..', '..', 'libs', 'curriculum')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Lernprogramm-Inhalte nicht gefunden (gesucht in ${candidates.join(', ')})`);
  return found;
}

/** Reads and checks one version; any problem stops with every problem listed, never a half curriculum. */
export function loadCurriculum(version = CURRENT_CURRICULUM_VERSION, root = curriculumRoot()): Curriculum {
  const folder = join(root, version);
  const files = readdirSync(folder).filter((name) => WEEK_FILE.test(name)).sort();
  const problems: FieldProblem[] = [];
  const weeks: CurriculumWeek[] = [];
  for (const file of files) {
    const parsed = parseWeek(readFileSync(join(folder, file), 'utf8'));
    if ('problems' in parsed) problems.push(...parsed.problems.map((p) => ({ path: `${file}: ${p.path}`, message: p.message })));
    else weeks.push(parsed.week);
  }
  if (problems.length) throw new CurriculumContentError(problems);
  const curriculum: Curriculum = { version, weeks };
  const meaning = validateCurriculum(curriculum);
  if (meaning.length) throw new CurriculumContentError(meaning);
  return curriculum;
}

function parseWeek(source: string): { week: CurriculumWeek } | { problems: FieldProblem[] } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { problems: [{ path: '', message: 'Die Datei beginnt nicht mit einem Kopf zwischen zwei Zeilen „---“.' }] };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    return { problems: [{ path: '', message: `Der Kopf ist kein gültiges YAML: ${(error as Error).message}` }] };
  }
  const result = CurriculumWeekFrontMatter.safeParse(data);
  if (!result.success) return { problems: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
  return { week: { ...result.data, impulse: (match[2] ?? '').trim() } };
}
