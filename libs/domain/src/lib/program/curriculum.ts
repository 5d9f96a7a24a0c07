import type { FieldProblem } from '../field-problem';
import { EXERCISE_RULES, type ExerciseRuleId } from './exercise-rules';

/**
 * The 12-week learning program as content: weeks with goals, an impulse, resources, the agenda
 * of the 90-minute cohort meeting and 3–5 exercises of about 180 minutes in all. The content
 * itself lives in `libs/curriculum/<version>/woche-NN.md` (YAML front matter + Markdown impulse);
 * this file is its shape and the checks that run at start-up and in the tests.
 */
export const PROGRAM_WEEKS = 12;
export const COHORT_MEETING_MINUTES = 90;
/** "About 180 minutes" a week: what the program promises participants and their leadership. */
export const WEEKLY_EXERCISE_MINUTES = { target: 180, min: 160, max: 200 } as const;
export const EXERCISES_PER_WEEK = { min: 3, max: 5 } as const;

/** The Konzept-Plakat's sections, in the order the poster shows them. */
export const POSTER_SECTIONS = [
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
] as const;
export type PosterSection = (typeof POSTER_SECTIONS)[number];

export const POSTER_SECTION_TITLES_DE: Readonly<Record<PosterSection, string>> = {
  ziele: 'Ziele',
  zielgruppen: 'Zielgruppen',
  kanaele: 'Kanäle & Positionierung',
  'themen-serien': 'Themen & Serien',
  redaktionsprozess: 'Redaktionsprozess & Freigabe',
  community: 'Community-Management',
  krisenvorsorge: 'Krisenvorsorge',
  netzwerk: 'Netzwerk',
  ressourcen: 'Ressourcen',
  kennzahlen: 'Kennzahlen',
};

/** Where in the tool an exercise is done, and so where its side panel appears. */
export const PROGRAM_AREAS = ['redaktionsplan', 'freigaben', 'textbausteine', 'community', 'krisen-playbooks', 'einstellungen', 'programm'] as const;
export type ProgramArea = (typeof PROGRAM_AREAS)[number];

interface ExerciseBase {
  /** Stable across curriculum versions as long as the exercise means the same: progress hangs on it. */
  readonly id: string;
  readonly title: string;
  readonly minutes: number;
  readonly area: ProgramArea;
  /** What to do, in a few sentences (Markdown). */
  readonly instructions: string;
}

export interface ReflectionExercise extends ExerciseBase {
  readonly kind: 'reflection';
  readonly posterSection: PosterSection;
  /** The question the written answer responds to. */
  readonly prompt: string;
}

export interface ActionExercise extends ExerciseBase {
  readonly kind: 'action';
  readonly rule: ExerciseRuleId;
  readonly params: Readonly<Record<string, number>>;
}

export interface ChecklistExercise extends ExerciseBase {
  readonly kind: 'checklist';
  readonly items: readonly string[];
}

export interface UploadExercise extends ExerciseBase {
  readonly kind: 'upload';
  /** What the file should show, e.g. "eine Grafik für eine Serie, gestaltet mit Canva". */
  readonly artefact: string;
  /** Always true in shipped content: every image in the program has an alternative text. */
  readonly requiresAltText: boolean;
  /** The Konzept-Plakat section the image is shown in, if any. */
  readonly posterSection?: PosterSection;
}

export type Exercise = ReflectionExercise | ActionExercise | ChecklistExercise | UploadExercise;
export const EXERCISE_KINDS = ['reflection', 'action', 'checklist', 'upload'] as const;

export interface AgendaItem {
  readonly minutes: number;
  readonly title: string;
}

export interface Resource {
  readonly title: string;
  /** A public web address (https), for laws, guides and templates. */
  readonly url?: string;
  /** A place inside Amtsplan, for resources that are the tool itself. */
  readonly area?: ProgramArea;
  readonly note?: string;
}

export interface CurriculumWeek {
  readonly week: number;
  readonly title: string;
  /** Topics of the program (the list) this week covers, for the coverage check. */
  readonly topics: readonly CurriculumTopic[];
  readonly goals: readonly string[];
  /** The week's impulse text (Markdown), read before the exercises. */
  readonly impulse: string;
  readonly resources: readonly Resource[];
  readonly agenda: readonly AgendaItem[];
  readonly exercises: readonly Exercise[];
  /** Milestones that belong to a week: the kick-off manifest, the midpoint review, the final presentation. */
  readonly milestone?: 'kick-off' | 'zwischenfazit' | 'praesentation';
}

export interface Curriculum {
  /** e.g. `2027.1`: progress records name the version they were made against. */
  readonly version: string;
  readonly weeks: readonly CurriculumWeek[];
}

/** What the program must cover, whatever the order and grouping of the weeks. */
export const CURRICULUM_TOPICS = [
  'ziele-auftrag',
  'zielgruppen-kanaele-positionierung',
  'redaktionsplan-themen',
  'serien-formate',
  'prozesse-freigabe',
  'grafiken',
  'community-textbausteine',
  'netzwerke',
  'datenschutz-recht',
  'shitstorm-vorbereitung',
  'video',
  'podcast',
  'konzept-praesentieren',
] as const;
export type CurriculumTopic = (typeof CURRICULUM_TOPICS)[number];

const EXERCISE_ID = /^w(0[1-9]|1[0-2])-[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every problem of a curriculum, with a German message; empty when it may be used. */
export function validateCurriculum(curriculum: Curriculum): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ path, message });

  if (!/^\d{4}\.\d+$/.test(curriculum.version)) problem('version', `Version „${curriculum.version}“ hat nicht die Form JJJJ.N.`);
  if (curriculum.weeks.length !== PROGRAM_WEEKS) problem('weeks', `Das Programm hat ${PROGRAM_WEEKS} Wochen, nicht ${curriculum.weeks.length}.`);

  const seenIds = new Set<string>();
  const covered = new Set<CurriculumTopic>();
  curriculum.weeks.forEach((week, index) => {
    const at = `weeks.${index}`;
    if (week.week !== index + 1) problem(`${at}.week`, `Woche ${index + 1} steht an dieser Stelle, nicht Woche ${week.week}.`);
    if (!week.title.trim()) problem(`${at}.title`, 'Der Titel fehlt.');
    if (week.goals.length === 0) problem(`${at}.goals`, 'Mindestens ein Ziel.');
    if (week.impulse.trim().length < 200) problem(`${at}.impulse`, 'Der Impuls ist zu kurz (mindestens 200 Zeichen).');
    if (week.resources.length === 0) problem(`${at}.resources`, 'Mindestens eine Quelle oder Vorlage.');
    week.resources.forEach((resource, r) => {
      if (resource.url !== undefined && !/^https:\/\/[^\s]+$/.test(resource.url)) problem(`${at}.resources.${r}.url`, 'Adressen beginnen mit https://.');
      if (resource.area !== undefined && !(PROGRAM_AREAS as readonly string[]).includes(resource.area)) problem(`${at}.resources.${r}.area`, `Unbekannter Bereich „${resource.area}“.`);
    });
    for (const topic of week.topics) {
      if (!(CURRICULUM_TOPICS as readonly string[]).includes(topic)) problem(`${at}.topics`, `Unbekanntes Thema „${topic}“.`);
      else covered.add(topic);
    }

    const agendaMinutes = sum(week.agenda.map((item) => item.minutes));
    if (agendaMinutes !== COHORT_MEETING_MINUTES) problem(`${at}.agenda`, `Das Treffen dauert ${COHORT_MEETING_MINUTES} Minuten; die Agenda ergibt ${agendaMinutes}.`);

    const { min, max } = EXERCISES_PER_WEEK;
    if (week.exercises.length < min || week.exercises.length > max) problem(`${at}.exercises`, `${min} bis ${max} Aufgaben pro Woche, nicht ${week.exercises.length}.`);
    const minutes = sum(week.exercises.map((exercise) => exercise.minutes));
    if (minutes < WEEKLY_EXERCISE_MINUTES.min || minutes > WEEKLY_EXERCISE_MINUTES.max) {
      problem(`${at}.exercises`, `Die Aufgaben ergeben ${minutes} Minuten; erwartet sind etwa ${WEEKLY_EXERCISE_MINUTES.target} (${WEEKLY_EXERCISE_MINUTES.min}–${WEEKLY_EXERCISE_MINUTES.max}).`);
    }
    week.exercises.forEach((exercise, e) => {
      for (const found of exerciseProblems(exercise, index + 1)) problem(`${at}.exercises.${e}.${found.path}`, found.message);
      if (seenIds.has(exercise.id)) problem(`${at}.exercises.${e}.id`, `Die Kennung „${exercise.id}“ kommt zweimal vor.`);
      seenIds.add(exercise.id);
    });
  });

  for (const topic of CURRICULUM_TOPICS) {
    if (!covered.has(topic)) problem('weeks', `Kein Wochenthema deckt „${topic}“ ab.`);
  }
  for (const milestone of ['kick-off', 'zwischenfazit', 'praesentation'] as const) {
    const count = curriculum.weeks.filter((week) => week.milestone === milestone).length;
    if (count !== 1) problem('weeks', `Der Meilenstein „${milestone}“ gehört in genau eine Woche (gefunden: ${count}).`);
  }
  if (!curriculum.weeks.some((week) => week.exercises.some((e) => e.kind === 'upload'))) {
    problem('weeks', 'Keine Woche hat eine Upload-Aufgabe (z. B. eine Grafik mit Alternativtext).');
  }
  const sections = new Set(curriculum.weeks.flatMap((week) => week.exercises.flatMap((e) => (e.kind === 'reflection' ? [e.posterSection] : []))));
  for (const section of POSTER_SECTIONS) {
    if (!sections.has(section)) problem('weeks', `Keine Reflexionsaufgabe füllt den Plakatabschnitt „${POSTER_SECTION_TITLES_DE[section]}“.`);
  }
  return problems;
}

function exerciseProblems(exercise: Exercise, week: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string): void => void problems.push({ path, message });
  const prefix = `w${String(week).padStart(2, '0')}-`;
  if (!EXERCISE_ID.test(exercise.id) || !exercise.id.startsWith(prefix)) problem('id', `Kennung „${exercise.id}“: erwartet ${prefix}… in Kleinbuchstaben mit Bindestrichen.`);
  if (!exercise.title.trim()) problem('title', 'Der Titel fehlt.');
  if (!Number.isInteger(exercise.minutes) || exercise.minutes < 10 || exercise.minutes > 120) problem('minutes', 'Eine Aufgabe dauert 10 bis 120 Minuten.');
  if (!(PROGRAM_AREAS as readonly string[]).includes(exercise.area)) problem('area', `Unbekannter Bereich „${exercise.area}“.`);
  if (!exercise.instructions.trim()) problem('instructions', 'Die Anleitung fehlt.');
  switch (exercise.kind) {
    case 'reflection':
      if (!(POSTER_SECTIONS as readonly string[]).includes(exercise.posterSection)) problem('posterSection', `Unbekannter Plakatabschnitt „${exercise.posterSection}“.`);
      if (!exercise.prompt.trim()) problem('prompt', 'Die Leitfrage fehlt.');
      break;
    case 'action': {
      const rule = EXERCISE_RULES[exercise.rule];
      if (!rule) {
        problem('rule', `Die Prüfregel „${exercise.rule}“ gibt es nicht.`);
        break;
      }
      for (const name of rule.params) {
        const value = exercise.params[name];
        if (value === undefined || !Number.isInteger(value) || value < 1) problem(`params.${name}`, `Die Prüfregel „${exercise.rule}“ braucht „${name}“ als ganze Zahl ab 1.`);
      }
      for (const name of Object.keys(exercise.params)) {
        if (!rule.params.includes(name)) problem(`params.${name}`, `Die Prüfregel „${exercise.rule}“ kennt „${name}“ nicht.`);
      }
      break;
    }
    case 'checklist':
      if (exercise.items.length < 2) problem('items', 'Eine Checkliste hat mindestens zwei Punkte.');
      break;
    case 'upload':
      if (!exercise.artefact.trim()) problem('artefact', 'Es fehlt, was hochgeladen werden soll.');
      if (exercise.requiresAltText !== true) problem('requiresAltText', 'Ein hochgeladenes Bild braucht immer einen Alternativtext.');
      if (exercise.posterSection !== undefined && !(POSTER_SECTIONS as readonly string[]).includes(exercise.posterSection)) {
        problem('posterSection', `Unbekannter Plakatabschnitt „${exercise.posterSection}“.`);
      }
      break;
    default:
      problem('kind', `Unbekannte Aufgabenart „${(exercise as { kind: string }).kind}“.`);
  }
  return problems;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
