import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelect, MatSelectModule } from '@angular/material/select';
import type { Member } from '@amtsplan/contracts';
import { ORGANIZATION_ROLES, type OrganizationRole, refuseMembershipChange } from '@amtsplan/domain';
import { isStaleVersion } from '../../shared/http/problem';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { MembersApi } from './members-api';

/** Changes a member's role as soon as another one is picked; undoes the pick when the API refuses. */
@Component({
  selector: 'amt-member-role-select',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="role-field">
      <mat-select
        [value]="member().role"
        [disabled]="pending()"
        [aria-label]="'members.roleOf' | t: { name: member().user.displayName }"
        (selectionChange)="change($event.value)"
      >
        @for (role of roles; track role) {
          <mat-option [value]="role">{{ roleLabelKey(role) | t }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    /* Wide enough for the longest role name, "Community-Management", without an ellipsis. */
    .role-field {
      width: 260px;
      max-width: 100%;
      min-width: 150px;
      padding: 4px 0;
    }
  `,
})
export class MemberRoleSelect {
  private readonly api = inject(MembersApi);
  private readonly problems = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly member = input.required<Member>();
  /** All members, to refuse demoting the last admin before asking the server. */
  readonly members = input.required<readonly Member[]>();
  readonly changed = output<Member>();
  /** The member was changed by someone else meanwhile; the list must be read again. */
  readonly reloadRequested = output<void>();

  protected readonly roles = ORGANIZATION_ROLES;
  protected readonly roleLabelKey = roleLabelKey;
  protected readonly pending = signal(false);
  private readonly select = viewChild.required(MatSelect);

  protected change(role: OrganizationRole): void {
    const member = this.member();
    const roster = this.members().map((m) => ({ memberId: m.id, role: m.role }));
    if (refuseMembershipChange(roster, member.id, role) === 'last-admin') {
      this.undo();
      this.problems.showErrorText(this.i18n.t('members.lastAdmin'));
      return;
    }
    this.pending.set(true);
    this.api.changeRole(this.organizationId(), member.id, { role, version: member.version }).subscribe({
      next: (updated) => {
        this.pending.set(false);
        this.problems.confirm(
          this.i18n.t('members.roleChanged', {
            name: updated.user.displayName,
            role: this.i18n.t(roleLabelKey(updated.role)),
          }),
        );
        this.changed.emit(updated);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.undo();
        if (isStaleVersion(error)) {
          this.problems
            .showErrorText(this.i18n.t('problem.staleVersion'), this.i18n.t('common.reload'))
            .onAction()
            .subscribe(() => this.reloadRequested.emit());
        } else {
          this.problems.showError(error);
        }
      },
    });
  }

  /** `[value]` does not re-apply an unchanged binding, so the refused pick is reset by hand. */
  private undo(): void {
    this.select().value = this.member().role;
  }
}
