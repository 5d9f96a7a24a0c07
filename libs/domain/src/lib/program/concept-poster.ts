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

/** An uploaded image of an upload exercise that names a poster section. */
export interface PosterImage {
  readonly exerciseId: string;
  readonly altText: string;
  /** The upload's version: a replaced image gets a new address, so no browser shows the old one. */
  readonly version?: number;
}

/** Facts from the authority's data, already worded (the caller knows names and labels). */
export type PosterFacts = Partial<Record<PosterSection, readonly string[]>>;

export interface PosterSectionView {
  readonly section: PosterSection;
  readonly title: string;
  readonly answers: readonly { readonly exerciseId: string; readonly question: string; readonly text: string }[];
  readonly facts: readonly string[];
  /** Uploaded images for this section (upload exercises with `posterSection`), in curriculum order. */
  readonly images: readonly { readonly exerciseId: string; readonly title: string; readonly altText: string; readonly version: number }[];
  readonly filled: boolean;
}

export interface ConceptPoster {
  readonly sections: readonly PosterSectionView[];
  readonly filledCount: number;
}

export function composePoster(curriculum: Curriculum, answers: readonly PosterAnswer[], facts: PosterFacts, images: readonly PosterImage[] = []): ConceptPoster {
  const imageOf = new Map(images.filter((i) => i.altText.trim()).map((i) => [i.exerciseId, { altText: i.altText.trim(), version: i.version ?? 0 }]));
  const uploads = curriculum.weeks.flatMap((week) => week.exercises.flatMap((e) => (e.kind === 'upload' && e.posterSection ? [{ ...e, posterSection: e.posterSection }] : [])));
  const byExercise = new Map(answers.filter((a) => a.text.trim()).map((a) => [a.exerciseId, a.text.trim()]));
  const reflections = curriculum.weeks.flatMap((week) => week.exercises.flatMap((e) => (e.kind === 'reflection' ? [e] : [])));
  const sections = POSTER_SECTIONS.map((section): PosterSectionView => {
    const sectionAnswers = reflections
      .filter((exercise) => exercise.posterSection === section && byExercise.has(exercise.id))
      .map((exercise) => ({ exerciseId: exercise.id, question: exercise.prompt, text: byExercise.get(exercise.id) ?? '' }));
    const sectionFacts = (facts[section] ?? []).filter((fact) => fact.trim());
    const sectionImages = uploads
      .filter((exercise) => exercise.posterSection === section && imageOf.has(exercise.id))
      .map((exercise) => ({ exerciseId: exercise.id, title: exercise.title, altText: imageOf.get(exercise.id)?.altText ?? '', version: imageOf.get(exercise.id)?.version ?? 0 }));
    // An image is a piece of work for the section, like a written answer.
    return { section, title: POSTER_SECTION_TITLES_DE[section], answers: sectionAnswers, facts: sectionFacts, images: sectionImages, filled: sectionAnswers.length + sectionImages.length > 0 };
  });
  return { sections, filledCount: sections.filter((s) => s.filled).length };
}
