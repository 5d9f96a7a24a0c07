import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Member } from '@amtsplan/contracts';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { MemberRoleSelect } from './member-role-select';

@Component({
  selector: 'amt-member-table',
  imports: [MatButtonModule, MatIconModule, MatTableModule, MatTooltipModule, MemberRoleSelect, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="amt-table-region" role="region" tabindex="0" [attr.aria-label]="'members.tableRegion' | t">
      <table mat-table [dataSource]="members()">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'members.name' | t }}</th>
          <td mat-cell *matCellDef="let member">
            {{ member.user.displayName }}
            @if (member.user.id === currentUserId()) {
              <span class="amt-muted">{{ 'members.you' | t }}</span>
            }
            <span class="email-inline amt-muted">{{ member.user.email }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'members.email' | t }}</th>
          <td mat-cell *matCellDef="let member" class="email">{{ member.user.email }}</td>
        </ng-container>
        <ng-container matColumnDef="role">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'members.role' | t }}</th>
          <td mat-cell *matCellDef="let member">
            @if (canManage()) {
              <amt-member-role-select
                [organizationId]="organizationId()"
                [member]="member"
                [members]="members()"
                (changed)="memberChanged.emit($event)"
                (reloadRequested)="reloadRequested.emit()"
              />
            } @else {
              {{ roleLabelKey(member.role) | t }}
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span class="amt-visually-hidden">{{ 'members.actions' | t }}</span>
          </th>
          <td mat-cell *matCellDef="let member" class="actions">
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'members.removeNamed' | t: { name: member.user.displayName }"
              [matTooltip]="'members.removeNamed' | t: { name: member.user.displayName }"
              (click)="removeRequested.emit(member)"
            >
              <mat-icon aria-hidden="true">person_remove</mat-icon>
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let member; columns: columns()"></tr>
      </table>
    </div>
  `,
  styles: `
    .email,
    .email-inline {
      overflow-wrap: break-word;
    }
    .email-inline {
      display: none;
      font: var(--mat-sys-body-small);
    }
    /* On phones the address moves under the name instead of squeezing a column of its own. */
    @media (max-width: 599.98px) {
      .mat-column-email {
        display: none;
      }
      .email-inline {
        display: block;
      }
    }
    .actions {
      width: 56px;
      text-align: end;
    }
  `,
})
export class MemberTable {
  readonly organizationId = input.required<string>();
  readonly members = input.required<readonly Member[]>();
  readonly canManage = input.required<boolean>();
  readonly currentUserId = input<string | null>(null);

  readonly memberChanged = output<Member>();
  readonly removeRequested = output<Member>();
  readonly reloadRequested = output<void>();

  protected readonly roleLabelKey = roleLabelKey;

  protected readonly columns = computed(() =>
    this.canManage() ? ['name', 'email', 'role', 'actions'] : ['name', 'email', 'role'],
  );
}
