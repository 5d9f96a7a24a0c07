import { Injectable } from '@nestjs/common';
import type { EnrolmentProgramView, ExerciseProgressView, MyProgramView, ProgramWeekView, SaveChecklistRequest, SaveReflectionRequest } from '@amtsplan/contracts';
import {
  type CurriculumWeek,
  type Exercise,
  EXERCISE_RULES,
  type ExerciseCheck,
  type ExerciseEvidence,
  exerciseProgress,
  type ProgramSnapshot,
  weekStartsOn,
} from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { CurriculumCatalogue } from './curriculum-catalogue';
import type { ExerciseProgressEntity } from './exercise-progress.entity';
import { ExerciseProgressRepository, type ParticipantEnrolment } from './exercise-progress.repository';
import { type ExerciseUploadRow, ExerciseUploadsRepository } from './exercise-uploads.repository';
import { ProgramSnapshotRepository } from './program-snapshot.repository';
import { meetingOf, nextMeetingOf, openWeeksOf } from './program-views';

/**
 * "Mein Programm": the participant's enrolments for the authority of the request, the open weeks
 * with each exercise's progress, and the live check of action exercises against the authority's
 * data. Reading records an action exercise as done the first time its rule holds.
 */
@Injectable()
export class MyProgramService {
  constructor(
    private readonly progress: ExerciseProgressRepository,
    private readonly snapshots: ProgramSnapshotRepository,
    private readonly catalogue: CurriculumCatalogue,
    private readonly audit: AuditLog,
    private readonly uploads: ExerciseUploadsRepository,
  ) {}

  async read(): Promise<MyProgramView> {
    const enrolments = await this.progress.ownEnrolments();
    if (enrolments.length === 0) return { enrolments: [] };
    const now = new Date();
    const snapshot = await this.snapshots.snapshot(now);
    const views: EnrolmentProgramView[] = [];
    for (const participant of enrolments) views.push(await this.enrolmentView(participant, snapshot, now));
    return { enrolments: views };
  }

  async saveReflection(enrolmentId: string, exerciseId: string, request: SaveReflectionRequest): Promise<ExerciseProgressView> {
    const { participant, week, exercise } = await this.openExercise(enrolmentId, exerciseId, 'reflection');
    const finished = request.finished ?? false;
    const result = exerciseProgress(exercise, { kind: 'reflection', answer: request.answer, submitted: finished });
    const previous = await this.progress.find(enrolmentId, exerciseId);
    const doneAt = result.status === 'done' ? (previous?.doneAt ?? new Date()) : null;
    if (!(await this.progress.save(enrolmentId, exerciseId, week.week, request.version, { status: result.status, answer: request.answer, finished, doneAt }))) {
      throw ProblemException.staleVersion();
    }
    // The answer itself stays out of the audit trail: it is the participant's working text.
    await this.audit.recordInOrganization({
      action: 'program.reflection_saved',
      objectType: 'program_enrolment',
      objectId: participant.enrolment.id,
      details: { exerciseId, status: result.status, finished, length: request.answer.trim().length },
    });
    return this.exerciseView(exercise, await this.progress.find(enrolmentId, exerciseId), null);
  }

  async saveChecklist(enrolmentId: string, exerciseId: string, request: SaveChecklistRequest): Promise<ExerciseProgressView> {
    const { participant, week, exercise } = await this.openExercise(enrolmentId, exerciseId, 'checklist');
    if (exercise.kind !== 'checklist') throw new Error('unreachable');
    const outOfRange = request.checked.find((index) => index >= exercise.items.length);
    if (outOfRange !== undefined) throw ProblemException.validation([{ path: 'checked', message: `Diese Checkliste hat ${exercise.items.length} Punkte.` }]);
    const checked = [...new Set(request.checked)].sort((a, b) => a - b);
    const result = exerciseProgress(exercise, { kind: 'checklist', checked });
    const previous = await this.progress.find(enrolmentId, exerciseId);
    const doneAt = result.status === 'done' ? (previous?.doneAt ?? new Date()) : null;
    if (!(await this.progress.save(enrolmentId, exerciseId, week.week, request.version, { status: result.status, checked, doneAt }))) throw ProblemException.staleVersion();
    await this.audit.recordInOrganization({
      action: 'program.checklist_saved',
      objectType: 'program_enrolment',
      objectId: participant.enrolment.id,
      details: { exerciseId, status: result.status, checked },
    });
    return this.exerciseView(exercise, await this.progress.find(enrolmentId, exerciseId), null);
  }

  /** One exercise as "Mein Programm" shows it, after a change (upload exercises: with their image). */
  async exerciseProgressView(enrolmentId: string, exercise: Exercise): Promise<ExerciseProgressView> {
    const upload = exercise.kind === 'upload' ? await this.uploads.find(enrolmentId, exercise.id) : null;
    return this.exerciseView(exercise, await this.progress.find(enrolmentId, exercise.id), null, upload);
  }

  /** The participant's own enrolment in this authority, or 404 (also for other members). */
  async ownEnrolment(enrolmentId: string): Promise<ParticipantEnrolment> {
    const [participant] = await this.progress.ownEnrolments(enrolmentId);
    if (!participant) throw ProblemException.notFound();
    return participant;
  }

  /** An exercise of an open week of the enrolment's run, or 404 / 422 in German. */
  async openExercise(enrolmentId: string, exerciseId: string, kind?: Exercise['kind']): Promise<{ participant: ParticipantEnrolment; week: CurriculumWeek; exercise: Exercise }> {
    const participant = await this.ownEnrolment(enrolmentId);
    const week = this.catalogue.current.weeks.find((w) => w.exercises.some((e) => e.id === exerciseId));
    const exercise = week?.exercises.find((e) => e.id === exerciseId);
    if (!week || !exercise) throw ProblemException.notFound('Diese Aufgabe gibt es im Lernprogramm nicht.');
    if (week.week > openWeeksOf(participant.run, new Date())) {
      throw ProblemException.unprocessable(`Woche ${week.week} ist noch nicht freigeschaltet (ab ${germanDate(weekStartsOn(participant.run.startsOn, week.week))}).`);
    }
    if (kind && exercise.kind !== kind) throw ProblemException.unprocessable(`„${exercise.title}“ ist keine Aufgabe dieser Art (${KIND_DE[exercise.kind]}).`);
    return { participant, week, exercise };
  }

  private async enrolmentView(participant: ParticipantEnrolment, snapshot: ProgramSnapshot, now: Date): Promise<EnrolmentProgramView> {
    const { enrolment, run, cohort } = participant;
    const open = openWeeksOf(run, now);
    const stored = new Map((await this.progress.list(enrolment.id)).map((row) => [row.exerciseId, row]));
    const uploads = new Map((await this.uploads.list(enrolment.id)).map((upload) => [upload.exerciseId, upload]));
    const weeks: ProgramWeekView[] = [];
    for (const week of this.catalogue.current.weeks) {
      const isOpen = week.week <= open;
      const exercises: ExerciseProgressView[] = [];
      if (isOpen) {
        for (const exercise of week.exercises) {
          let row = stored.get(exercise.id) ?? null;
          const check = exercise.kind === 'action' ? EXERCISE_RULES[exercise.rule].check(snapshot, exercise.params) : null;
          if (check?.holds && row?.status !== 'done' && (await this.progress.recordActionDone(enrolment.id, exercise.id, week.week, now))) {
            await this.audit.recordInOrganization({ action: 'program.exercise_done', objectType: 'program_enrolment', objectId: enrolment.id, details: { exerciseId: exercise.id, rule: exercise.kind === 'action' ? exercise.rule : null } });
            row = await this.progress.find(enrolment.id, exercise.id);
          }
          exercises.push(this.exerciseView(exercise, row, check, uploads.get(exercise.id) ?? null));
        }
      }
      weeks.push({ week: week.week, title: week.title, opensOn: weekStartsOn(run.startsOn, week.week), open: isOpen, exercises });
    }
    return {
      enrolmentId: enrolment.id,
      run: { id: run.id, name: run.name, startsOn: run.startsOn, curriculumVersion: run.curriculumVersion },
      cohort: { id: cohort.id, name: cohort.name, meeting: meetingOf(cohort), nextMeetingAt: nextMeetingOf(run, cohort, now) },
      openWeeks: open,
      weeks,
    };
  }

  private exerciseView(exercise: Exercise, row: ExerciseProgressEntity | null, check: ExerciseCheck | null, upload: ExerciseUploadRow | null = null): ExerciseProgressView {
    const result = exerciseProgress(exercise, evidenceOf(exercise, row, check, upload), row?.status ?? 'open');
    const view: ExerciseProgressView = {
      exerciseId: exercise.id,
      kind: exercise.kind,
      title: exercise.title,
      minutes: exercise.minutes,
      status: result.status,
      missing: [...result.missing],
      doneAt: row?.doneAt ? new Date(row.doneAt).toISOString() : null,
      version: row?.version ?? 0,
    };
    if (exercise.kind === 'reflection') return { ...view, answer: row?.answer ?? '', finished: row?.finished ?? false };
    if (exercise.kind === 'checklist') return { ...view, checked: row?.checked ?? [] };
    if (exercise.kind === 'upload') {
      return {
        ...view,
        upload: upload
          ? {
              id: upload.id,
              altText: upload.altText,
              contentType: upload.contentType,
              byteSize: upload.byteSize,
              width: upload.width,
              height: upload.height,
              uploadedAt: new Date(upload.createdAt).toISOString(),
              version: upload.version,
            }
          : null,
      };
    }
    if (check) return { ...view, check: { holds: check.holds, done: check.done, target: check.target, summary: check.summary, missing: [...check.missing] } };
    return view;
  }
}

const KIND_DE: Record<Exercise['kind'], string> = { reflection: 'Reflexion', action: 'Aufgabe im Werkzeug', checklist: 'Checkliste', upload: 'Upload' };

function evidenceOf(exercise: Exercise, row: ExerciseProgressEntity | null, check: ExerciseCheck | null, upload: ExerciseUploadRow | null): ExerciseEvidence {
  switch (exercise.kind) {
    case 'reflection':
      return { kind: 'reflection', answer: row?.answer ?? '', submitted: row?.finished ?? false };
    case 'checklist':
      return { kind: 'checklist', checked: row?.checked ?? [] };
    case 'upload':
      return { kind: 'upload', hasFile: upload !== null, altText: upload?.altText ?? '' };
    case 'action':
      return { kind: 'action', check: check ?? { holds: false, done: 0, target: 0, summary: '', missing: [] } };
  }
}

function germanDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

