import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ExerciseProgressView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { ProblemNotice } from '../shared/http/problem-notice';
import { isStaleVersion } from '../shared/http/problem';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { ActionProgress } from './action-progress';
import { ShareControl } from './cohort/share-control';
import { ExerciseUpload } from './exercise-upload';
import { exerciseLink, exerciseLinkLabel } from './exercise-links';
import { MarkdownText } from './markdown-text';
import { ProgramApi } from './program-api';
import { type ExerciseItem, exerciseStatusKey } from './program-weeks';

/** One weekly exercise on "Mein Programm": what to do, what is missing, and the work itself. */
@Component({
  selector: 'amt-exercise-card',
  imports: [ActionProgress, ExerciseUpload, MarkdownText, ShareControl, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exercise-card.html',
  styleUrl: './exercise-card.scss',
})
export class ExerciseCard {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);

  readonly organizationId = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly item = input.required<ExerciseItem>();
  /** The server's answer to a save, for the page to keep. */
  readonly saved = output<ExerciseProgressView>();
  /** Someone saved this exercise elsewhere first: the page reloads and says so. */
  readonly stale = output<void>();

  protected readonly exercise = computed(() => this.item().exercise);
  protected readonly progress = computed(() => this.item().progress);
  protected readonly statusKey = computed(() => exerciseStatusKey(this.progress().status));
  protected readonly link = computed(() => {
    const exercise = this.exercise();
    return exerciseLink(this.organizationId(), { area: exercise.area, rule: exercise.kind === 'action' ? exercise.rule : undefined });
  });
  protected readonly linkLabel = computed(() => { const exercise = this.exercise(); return exerciseLinkLabel(exercise.area, exercise.kind === 'action' ? exercise.rule : undefined); });
  protected readonly headingId = computed(() => `exercise-${this.exercise().id}`);
  protected readonly shareSource = computed(() => ({ kind: 'reflection' as const, exerciseId: this.exercise().id }));

  /** The text being written; follows the server's answer whenever a new one arrives. */
  protected readonly draft = linkedSignal(() => this.progress().answer ?? '');
  protected readonly unsaved = computed(() => this.draft() !== (this.progress().answer ?? ''));
  protected readonly busy = signal(false);

  protected isChecked(index: number): boolean {
    return this.progress().checked?.includes(index) ?? false;
  }

  protected saveReflection(finished: boolean): void {
    this.send(
      this.api.saveReflection(this.organizationId(), this.enrolmentId(), this.exercise().id, {
        version: this.progress().version,
        answer: this.draft(),
        finished,
      }),
    );
  }

  protected toggle(index: number, checked: boolean): void {
    const current = new Set(this.progress().checked ?? []);
    if (checked) current.add(index);
    else current.delete(index);
    this.send(
      this.api.saveChecklist(this.organizationId(), this.enrolmentId(), this.exercise().id, {
        version: this.progress().version,
        checked: [...current].sort((a, b) => a - b),
      }),
    );
  }

  private send(request: Observable<ExerciseProgressView>): void {
    this.busy.set(true);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.saved.emit(saved);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (isStaleVersion(error)) this.stale.emit();
        else this.notice.showError(error);
      },
    });
  }
}
