import { z } from 'zod';
import { CURRICULUM_TOPICS, type Curriculum, EXERCISE_RULES, POSTER_SECTIONS, PROGRAM_AREAS } from '@amtsplan/domain';

/**
 * The front matter of one week of the learning program (`libs/curriculum/<version>/woche-NN.md`).
 * This schema checks the shape; `validateCurriculum` in libs/domain checks the meaning (12 weeks,
 * minutes adding up, rules that exist, every poster section filled).
 */
const text = z.string().trim().min(1);
const minutes = z.number().int().positive();

const exerciseBase = {
  id: text,
  title: text,
  minutes,
  area: z.enum(PROGRAM_AREAS),
  instructions: text,
};

const Exercise = z.discriminatedUnion('kind', [
  z.object({ ...exerciseBase, kind: z.literal('reflection'), posterSection: z.enum(POSTER_SECTIONS), prompt: text }).strict(),
  z
    .object({
      ...exerciseBase,
      kind: z.literal('action'),
      rule: z.enum(Object.keys(EXERCISE_RULES) as [keyof typeof EXERCISE_RULES, ...(keyof typeof EXERCISE_RULES)[]]),
      params: z.record(z.string(), z.number()),
    })
    .strict(),
  z.object({ ...exerciseBase, kind: z.literal('checklist'), items: z.array(text).min(1) }).strict(),
  z.object({ ...exerciseBase, kind: z.literal('upload'), artefact: text, requiresAltText: z.boolean() }).strict(),
]);

export const CurriculumWeekFrontMatter = z
  .object({
    week: z.number().int(),
    title: text,
    milestone: z.enum(['kick-off', 'zwischenfazit', 'praesentation']).optional(),
    topics: z.array(z.enum(CURRICULUM_TOPICS)).min(1),
    goals: z.array(text).min(1),
    resources: z.array(
      z.object({ title: text, url: z.string().optional(), area: z.enum(PROGRAM_AREAS).optional(), note: z.string().optional() }).strict(),
    ),
    agenda: z.array(z.object({ minutes, title: text }).strict()).min(1),
    exercises: z.array(Exercise).min(1),
  })
  .strict();
export type CurriculumWeekFrontMatter = z.infer<typeof CurriculumWeekFrontMatter>;

/** `GET /api/program/curriculum`: the curriculum in use, as the domain describes it. */
export type CurriculumView = Curriculum;
