import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { MidpointReviewView } from '@amtsplan/contracts';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { isStaleVersion } from '../../shared/http/problem';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { PROGRAM_PATH } from '../program-paths';
import { ProgramApi } from '../program-api';

type Field = 'works' | 'notWorking' | 'next';

const FIELDS: ReadonlyArray<{ field: Field; label: 'program.midpoint.works' | 'program.midpoint.notWorking' | 'program.midpoint.next'; hint: 'program.midpoint.worksHint' | 'program.midpoint.notWorkingHint' | 'program.midpoint.nextHint' }> = [
  { field: 'works', label: 'program.midpoint.works', hint: 'program.midpoint.worksHint' },
  { field: 'notWorking', label: 'program.midpoint.notWorking', hint: 'program.midpoint.notWorkingHint' },
  { field: 'next', label: 'program.midpoint.next', hint: 'program.midpoint.nextHint' },
];

/** The Zwischenfazit at week 6: three guided questions; shown to the Peer-Gruppe and the Programmleitung once released. */
@Component({
  selector: 'amt-midpoint-review-page',
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'program.midpoint.heading' | t }}</h1>
    <a mat-button class="back" [routerLink]="backLink()">{{ 'program.links.back' | t }}</a>
    @let state = review.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="review.reload()" />
    } @else {
      <p class="lead">{{ 'program.midpoint.lead' | t }}</p>
      @for (f of fields; track f.field) {
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>{{ f.label | t }}</mat-label>
          <textarea matInput rows="4" [value]="drafts()[f.field]" (input)="set(f.field, $any($event.target).value)" [disabled]="busy()"></textarea>
          <mat-hint>{{ f.hint | t }}</mat-hint>
        </mat-form-field>
      }
      <div class="actions">
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="save(state.value, !!state.value.submittedAt)">{{ 'program.midpoint.save' | t }}</button>
        @if (!state.value.submittedAt) {
          <button mat-flat-button type="button" [disabled]="busy() || !complete()" (click)="save(state.value, true)">{{ 'program.midpoint.submit' | t }}</button>
        } @else {
          <span class="shared">{{ 'program.midpoint.submitted' | t }}</span>
        }
      </div>
    }
  `,
  styles: `
    .back {
      margin: 0 0 8px -12px;
    }
    .lead {
      max-width: 45rem;
    }
    .field {
      display: block;
      max-width: 50rem;
      margin-bottom: 16px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .shared {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
    }
  `,
})
export class MidpointReviewPage {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();
  readonly enrolmentId = input.required<string>();

  protected readonly fields = FIELDS;
  protected readonly review = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), enrolmentId: this.enrolmentId() }),
    load: ({ organizationId, enrolmentId }) => this.api.midpointReview(organizationId, enrolmentId),
  });
  protected readonly drafts = linkedSignal<Record<Field, string>>(() => {
    const state = this.review.current();
    return state.state === 'loaded' ? { works: state.value.works, notWorking: state.value.notWorking, next: state.value.next } : { works: '', notWorking: '', next: '' };
  });
  protected readonly complete = computed(() => Object.values(this.drafts()).every((text) => text.trim()));
  protected readonly busy = signal(false);
  protected readonly backLink = computed(() => ['/o', this.orgId(), PROGRAM_PATH]);

  protected set(field: Field, value: string): void {
    this.drafts.update((all) => ({ ...all, [field]: value }));
  }

  protected save(current: MidpointReviewView, submit: boolean): void {
    this.busy.set(true);
    this.api.saveMidpointReview(this.orgId(), this.enrolmentId(), { version: current.version, ...this.drafts(), submit }).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.review.update(() => saved);
        this.notice.confirm(this.i18n.t(submit && !current.submittedAt ? 'program.midpoint.submittedNotice' : 'program.midpoint.saved'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (isStaleVersion(error)) {
          this.notice.showErrorText(this.i18n.t('program.staleReloaded'));
          this.review.reload();
        } else this.notice.showError(error);
      },
    });
  }
}
