import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AuthorityOption, RunView } from '@amtsplan/contracts';
import { type Observable, catchError, forkJoin, map, of } from 'rxjs';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { FacilitationApi } from './facilitation-api';
import { RunCard } from './run-card';

/**
 * The Programmleitung: own runs with their cohorts, a new run, enrolment of one person per
 * authority, early unlock of weeks, and each cohort's progress (the cohort page).
 */
@Component({
  selector: 'amt-facilitation-page',
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, RunCard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'facilitation.heading' | t }}</h1>
    @let state = data.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="data.reload()" />
    } @else if (!state.value.granted) {
      <p>{{ 'facilitation.notGranted' | t }}</p>
    } @else {
      @for (run of state.value.runs; track run.id) {
        <amt-run-card [run]="run" [authorities]="state.value.authorities" (changed)="data.reload()" />
      } @empty {
        <p>{{ 'facilitation.runs.none' | t }}</p>
      }
      <section aria-labelledby="new-run">
        <h2 id="new-run">{{ 'facilitation.run.new' | t }}</h2>
        <form class="row" (submit)="$event.preventDefault(); createRun()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'facilitation.run.name' | t }}</mat-label>
            <input matInput [value]="runName()" (input)="runName.set($any($event.target).value)" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'facilitation.run.startsOn' | t }}</mat-label>
            <input matInput type="date" [value]="runStart()" (input)="runStart.set($any($event.target).value)" />
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy() || !runName().trim() || !runStart()">{{ 'facilitation.run.create' | t }}</button>
        </form>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
})
export class FacilitationPage {
  private readonly api = inject(FacilitationApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  protected readonly data = loadOnRequest({
    load: () => forkJoin({ runs: this.api.runs(), authorities: this.api.authorities() }).pipe(grantOrNot()),
  });
  protected readonly runName = signal('');
  protected readonly runStart = signal('');
  protected readonly busy = signal(false);

  protected createRun(): void {
    this.busy.set(true);
    this.api.createRun({ name: this.runName().trim(), startsOn: this.runStart() }).subscribe({
      next: () => {
        this.busy.set(false);
        this.runName.set('');
        this.notice.confirm(this.i18n.t('facilitation.run.created'));
        this.data.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notice.showError(error);
      },
    });
  }
}

/** 403 means "no Programmleitung grant": a message, not a failure. */
function grantOrNot() {
  return (source: Observable<{ runs: RunView[]; authorities: AuthorityOption[] }>) =>
    source.pipe(
      map((value) => ({ granted: true, ...value })),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 403) return of({ granted: false, runs: [] as RunView[], authorities: [] as AuthorityOption[] });
        throw error;
      }),
    );
}
