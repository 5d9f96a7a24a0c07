import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { InvitationCreated, InvitationView, Member } from '@amtsplan/contracts';
import { roleAllows } from '@amtsplan/domain';
import { type Observable, catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { Session } from '../../auth/session';
import { ProblemNotice, describeFailure } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { InvitationLink } from '../../shared/ui/invitation-link';
import { InvitationsApi } from './invitations-api';
import { InviteMemberForm } from './invite-member-form';
import { MemberTable } from './member-table';
import { MembersApi } from './members-api';
import { PendingInvitations } from './pending-invitations';

type Roster =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly members: readonly Member[]; readonly invitations: readonly InvitationView[] };

@Component({
  selector: 'amt-members-page',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    InlineAlert,
    InvitationLink,
    InviteMemberForm,
    MemberTable,
    PendingInvitations,
    TranslatePipe,
  ],
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

  private readonly membership = computed(() => this.session.membershipIn(this.orgId()));
  protected readonly canManage = computed(() => {
    const membership = this.membership();
    return membership !== null && roleAllows(membership.role, 'members.manage');
  });
  protected readonly currentUserId = computed(() => this.session.me()?.user.id ?? null);

  private readonly reloads = signal(0);
  protected readonly roster = signal<Roster>({ state: 'loading' });
  protected readonly createdInvitation = signal<InvitationCreated | null>(null);

  constructor() {
    const request = computed(() => ({ organizationId: this.orgId(), canManage: this.canManage(), reload: this.reloads() }));
    // switchMap drops the answer for an authority the person has already switched away from.
    toObservable(request)
      .pipe(
        switchMap(({ organizationId, canManage }) => this.fetch(organizationId, canManage)),
        takeUntilDestroyed(),
      )
      .subscribe((roster) => this.roster.set(roster));
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected replaceMember(updated: Member): void {
    this.updateLoaded((roster) => ({
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
        organization: this.membership()?.organization.name ?? '',
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
          this.reload();
        },
        error: (error: unknown) => this.notice.showError(error),
      });
  }

  protected invitationCreated(created: InvitationCreated): void {
    this.createdInvitation.set(created);
    this.notice.confirm(this.i18n.t('invite.created', { email: created.invitation.email }));
    this.reload();
  }

  protected invitationRevoked(revoked: InvitationView): void {
    this.updateLoaded((roster) => ({
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
      map(({ members, invitations }): Roster => ({
        state: 'loaded',
        members,
        invitations: invitations.filter((invitation) => invitation.status === 'pending'),
      })),
      catchError((error: unknown) => of<Roster>({ state: 'failed', message: describeFailure(error, this.i18n) })),
    );
  }

  private updateLoaded(change: (roster: Extract<Roster, { state: 'loaded' }>) => Roster): void {
    this.roster.update((roster) => (roster.state === 'loaded' ? change(roster) : roster));
  }
}
