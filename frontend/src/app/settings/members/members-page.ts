import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { InvitationCreated, InvitationView, Member } from '@amtsplan/contracts';
import { type Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { Session } from '../../auth/session';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { InvitationLink } from '../../shared/ui/invitation-link';
import { LoadStatus } from '../../shared/ui/load-status';
import { InvitationsApi } from './invitations-api';
import { InviteMemberForm } from './invite-member-form';
import { MemberTable } from './member-table';
import { MembersApi } from './members-api';
import { PendingInvitations } from './pending-invitations';

interface Roster {
  readonly members: readonly Member[];
  readonly invitations: readonly InvitationView[];
}

@Component({
  selector: 'amt-members-page',
  imports: [InvitationLink, InviteMemberForm, LoadStatus, MemberTable, PendingInvitations, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members-page.html',
  styleUrl: './members-page.scss',
})
export class MembersPage {
  private readonly membersApi = inject(MembersApi);
  private readonly invitationsApi = inject(InvitationsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'members.manage'));
  protected readonly currentUserId = computed(() => this.session.me()?.user.id ?? null);

  // Read again when the person loses or gains the right to manage (e.g. after demoting themselves).
  protected readonly roster = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), canManage: this.canManage() }),
    load: ({ organizationId, canManage }) => this.fetch(organizationId, canManage),
  });
  protected readonly createdInvitation = signal<InvitationCreated | null>(null);

  protected replaceMember(updated: Member): void {
    this.roster.update((roster) => ({
      ...roster,
      members: roster.members.map((member) => (member.id === updated.id ? updated : member)),
    }));
    // Demoting oneself takes away the manage controls; the session must learn that.
    if (updated.user.id === this.currentUserId()) this.session.refresh().subscribe();
  }

  protected confirmRemoval(member: Member): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('members.removeConfirmTitle'),
      text: this.i18n.t('members.removeConfirmText', {
        name: member.user.displayName,
        organization: this.session.membershipIn(this.orgId())?.organization.name ?? '',
      }),
      confirmLabel: this.i18n.t('members.removeConfirm'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '480px' })
      .afterClosed()
      .pipe(switchMap((confirmed) => (confirmed ? this.membersApi.remove(this.orgId(), member.id).pipe(map(() => true)) : of(false))))
      .subscribe({
        next: (removed) => {
          if (!removed) return;
          this.notice.confirm(this.i18n.t('members.removed', { name: member.user.displayName }));
          this.roster.reload();
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }

  protected invitationCreated(created: InvitationCreated): void {
    this.createdInvitation.set(created);
    this.notice.confirm(this.i18n.t('invite.created', { email: created.invitation.email }));
    this.roster.reload();
  }

  protected invitationRevoked(revoked: InvitationView): void {
    this.roster.update((roster) => ({
      ...roster,
      invitations: roster.invitations.filter((invitation) => invitation.id !== revoked.id),
    }));
  }

  private fetch(organizationId: string, canManage: boolean): Observable<Roster> {
    return forkJoin({
      members: this.membersApi.list(organizationId),
      // Only the administration may see invitations; others are not asked for them at all.
      invitations: canManage ? this.invitationsApi.list(organizationId) : of([]),
    }).pipe(
      map(({ members, invitations }) => ({
        members,
        invitations: invitations.filter((invitation) => invitation.status === 'pending'),
      })),
    );
  }
}
