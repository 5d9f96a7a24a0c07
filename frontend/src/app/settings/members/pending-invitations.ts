import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { InvitationView } from '@amtsplan/contracts';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { DateTimePipe } from '../../shared/i18n/date-time.pipe';
import { I18n } from '../../shared/i18n/i18n';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { InvitationsApi } from './invitations-api';

@Component({
  selector: 'amt-pending-invitations',
  imports: [MatButtonModule, MatTableModule, DateTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ 'invitations.heading' | t }}</h3>
    @if (invitations().length === 0) {
      <p class="amt-muted">{{ 'invitations.empty' | t }}</p>
    } @else {
      <div class="amt-table-region" role="region" tabindex="0" [attr.aria-label]="'invitations.tableRegion' | t">
        <table mat-table [dataSource]="invitations()">
          <ng-container matColumnDef="email">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'invitations.email' | t }}</th>
            <td mat-cell *matCellDef="let invitation" class="email">{{ invitation.email }}</td>
          </ng-container>
          <ng-container matColumnDef="role">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'invitations.role' | t }}</th>
            <td mat-cell *matCellDef="let invitation">{{ roleLabelKey(invitation.role) | t }}</td>
          </ng-container>
          <ng-container matColumnDef="expiresAt">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'invitations.expiresAt' | t }}</th>
            <td mat-cell *matCellDef="let invitation">{{ invitation.expiresAt | dateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="amt-visually-hidden">{{ 'invitations.actions' | t }}</span>
            </th>
            <td mat-cell *matCellDef="let invitation" class="actions">
              <button
                mat-button
                type="button"
                [disabled]="revoking() === invitation.id"
                [attr.aria-label]="'invitations.revokeNamed' | t: { email: invitation.email }"
                (click)="revoke(invitation)"
              >
                {{ 'invitations.revoke' | t }}
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let invitation; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    table {
      min-width: 560px;
    }
    .email {
      overflow-wrap: break-word;
    }
    .actions {
      text-align: end;
    }
  `,
})
export class PendingInvitations {
  private readonly api = inject(InvitationsApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly invitations = input.required<readonly InvitationView[]>();
  readonly revoked = output<InvitationView>();

  protected readonly columns = ['email', 'role', 'expiresAt', 'actions'];
  protected readonly roleLabelKey = roleLabelKey;
  protected readonly revoking = signal<string | null>(null);

  protected revoke(invitation: InvitationView): void {
    this.revoking.set(invitation.id);
    this.api.revoke(this.organizationId(), invitation.id).subscribe({
      next: () => {
        this.revoking.set(null);
        this.notice.confirm(this.i18n.t('invitations.revoked', { email: invitation.email }));
        this.revoked.emit(invitation);
      },
      error: (error: unknown) => {
        this.revoking.set(null);
        this.notice.showError(error);
      },
    });
  }
}
