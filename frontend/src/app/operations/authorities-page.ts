import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { loadOnRequest } from '../shared/http/load-on-request';
import { ProblemNotice } from '../shared/http/problem-notice';
import { CalendarDatePipe } from '../shared/i18n/calendar-date.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InvitationLink } from '../shared/ui/invitation-link';
import { LoadStatus } from '../shared/ui/load-status';
import { type AuthorityCreated, CreateAuthorityForm } from './create-authority-form';
import { OperatorOrganizationsApi } from './operator-organizations-api';

/**
 * The installation operator's page: creates authorities and invites their first
 * administration. It shows names and dates only; what an authority plans stays its own.
 */
@Component({
  selector: 'amt-authorities-page',
  imports: [MatTableModule, CalendarDatePipe, CreateAuthorityForm, InvitationLink, LoadStatus, TranslatePipe],
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
  protected readonly authorities = loadOnRequest({ load: () => this.api.list() });
  protected readonly created = signal<AuthorityCreated | null>(null);

  protected authorityCreated(created: AuthorityCreated): void {
    this.created.set(created);
    this.notice.confirm(this.i18n.t('operations.created', { name: created.organization.name }));
    this.authorities.reload();
  }
}
