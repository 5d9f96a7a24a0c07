import { type Curriculum, POSTER_SECTIONS, POSTER_SECTION_TITLES_DE, type PosterSection } from './curriculum';

/**
 * The Konzept-Plakat: ten sections filled from the participant's reflection answers and from what
 * already stands in Amtsplan (channels, series, approval routes, playbooks), so the poster shows
 * the concept as it is lived, not only as it was written down.
 */
export interface PosterAnswer {
  readonly exerciseId: string;
  readonly text: string;
}

/** Facts from the authority's data, already worded (the caller knows names and labels). */
export type PosterFacts = Partial<Record<PosterSection, readonly string[]>>;

export interface PosterSectionView {
  readonly section: PosterSection;
  readonly title: string;
  readonly answers: readonly { readonly exerciseId: string; readonly question: string; readonly text: string }[];
  readonly facts: readonly string[];
  readonly filled: boolean;
}

export interface ConceptPoster {
  readonly sections: readonly PosterSectionView[];
  readonly filledCount: number;
}

export function composePoster(curriculum: Curriculum, answers: readonly PosterAnswer[], facts: PosterFacts): ConceptPoster {
  const byExercise = new Map(answers.filter((a) => a.text.trim()).map((a) => [a.exerciseId, a.text.trim()]));
  const reflections = curriculum.weeks.flatMap((week) => week.exercises.flatMap((e) => (e.kind === 'reflection' ? [e] : [])));
  const sections = POSTER_SECTIONS.map((section): PosterSectionView => {
    const sectionAnswers = reflections
      .filter((exercise) => exercise.posterSection === section && byExercise.has(exercise.id))
      .map((exercise) => ({ exerciseId: exercise.id, question: exercise.prompt, text: byExercise.get(exercise.id) ?? '' }));
    const sectionFacts = (facts[section] ?? []).filter((fact) => fact.trim());
    return { section, title: POSTER_SECTION_TITLES_DE[section], answers: sectionAnswers, facts: sectionFacts, filled: sectionAnswers.length > 0 };
  });
  return { sections, filledCount: sections.filter((s) => s.filled).length };
}
