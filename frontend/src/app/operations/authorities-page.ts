import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { OperatorOrganizationView } from '@amtsplan/contracts';
import { type Observable, catchError, map, of, switchMap } from 'rxjs';
import { ProblemNotice, describeFailure } from '../shared/http/problem-notice';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { InvitationLink } from '../shared/ui/invitation-link';
import { CalendarDatePipe } from './calendar-date.pipe';
import { type AuthorityCreated, CreateAuthorityForm } from './create-authority-form';
import { OperatorOrganizationsApi } from './operator-organizations-api';

type Authorities =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly organizations: readonly OperatorOrganizationView[] };

/**
 * The installation operator's page: creates authorities and invites their first
 * administration. It shows names and dates only; what an authority plans stays its own.
 */
@Component({
  selector: 'amt-authorities-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    CalendarDatePipe,
    CreateAuthorityForm,
    InlineAlert,
    InvitationLink,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './authorities-page.html',
  styleUrl: './authorities-page.scss',
})
export class AuthoritiesPage {
  private readonly api = inject(OperatorOrganizationsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  protected readonly columns = ['name', 'createdAt'];
  private readonly reloads = signal(0);
  protected readonly authorities = signal<Authorities>({ state: 'loading' });
  protected readonly created = signal<AuthorityCreated | null>(null);

  constructor() {
    toObservable(this.reloads)
      .pipe(
        switchMap(() => this.fetch()),
        takeUntilDestroyed(),
      )
      .subscribe((authorities) => this.authorities.set(authorities));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected authorityCreated(created: AuthorityCreated): void {
    this.created.set(created);
    this.notice.confirm(this.i18n.t('operations.created', { name: created.organization.name }));
    this.reload();
  }

  private fetch(): Observable<Authorities> {
    return this.api.list().pipe(
      map((organizations): Authorities => ({ state: 'loaded', organizations })),
      catchError((error: unknown) => of<Authorities>({ state: 'failed', message: describeFailure(error, this.i18n) })),
    );
  }
}
