import { ChangeDetectionStrategy, Component, type ElementRef, Injector, afterNextRender, computed, inject, input, viewChild } from '@angular/core';
import { FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApprovalRouteView } from '@amtsplan/contracts';
import { ORGANIZATION_ROLES, roleAllows } from '@amtsplan/domain';
import { forkJoin, map } from 'rxjs';
import { Session } from '../../auth/session';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { roleLabelKey } from '../../shared/i18n/role-labels';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { catalogueForm } from '../catalogue-form';
import { ChannelsApi } from '../channels/channels-api';
import { MembersApi } from '../members/members-api';
import { ApprovalRoutesApi } from './approval-routes-api';
import { ApprovalSettingsForm } from './approval-settings-form';
import { createRouteRequest, fillRouteForm, routeForm, routeFormValue, stepGroup, updateRouteRequest } from './route-form';
import { RouteStepFields } from './route-step-fields';

/** Freigaberouten: the list (the default route last), one route at a time in the form below, and the approval settings. */
@Component({
  selector: 'amt-approval-routes-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ApprovalSettingsForm,
    FieldErrorPipe,
    InlineAlert,
    LoadStatus,
    RouteStepFields,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approval-routes-page.html',
  styleUrls: ['../catalogue-page.scss', './approval-routes-page.scss'],
})
export class ApprovalRoutesPage {
  private readonly api = inject(ApprovalRoutesApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly membersApi = inject(MembersApi);
  private readonly session = inject(Session);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  readonly orgId = input.required<string>();

  protected readonly canManage = computed(() => this.session.allows(this.orgId(), 'approvals.manage'));
  protected readonly routes = loadOnRequest({
    params: () => this.orgId(),
    load: (id) =>
      forkJoin([this.api.list(id), this.channelsApi.list(id), this.membersApi.list(id)]).pipe(
        map(([routes, channels, members]) => ({
          routes,
          channels,
          channelNames: new Map(channels.map((c) => [c.id, c.name])),
          // Only people whose role may decide can be named in a step (the API checks it too).
          deciders: members.filter((m) => roleAllows(m.role, 'approvals.decide')),
          names: new Map(members.map((m) => [m.user.id, m.user.displayName])),
        })),
      ),
  });
  protected readonly allRoles = ORGANIZATION_ROLES;
  protected readonly decidingRoles = ORGANIZATION_ROLES.filter((role) => roleAllows(role, 'approvals.decide'));

  protected readonly form = routeForm();
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly formHeading = viewChild<ElementRef<HTMLElement>>('formHeading');
  protected readonly entries = catalogueForm<ApprovalRouteView>({
    form: this.form,
    formDirective: this.formDirective,
    list: this.routes,
    savedMessage: (saved) => this.i18n.t('approvalRoutes.saved', { name: saved.name }),
    afterCancel: () => fillRouteForm(this.form, null),
  });

  protected edit(route: ApprovalRouteView): void {
    this.entries.edit(route);
    fillRouteForm(this.form, routeFormValue(route));
    // The form sits below the list; on a phone it would otherwise open out of sight.
    afterNextRender(() => this.formHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected addStep(): void {
    this.form.controls.steps.push(stepGroup());
  }

  protected moveStep(index: number, by: -1 | 1): void {
    const steps = this.form.controls.steps;
    const step = steps.at(index);
    steps.removeAt(index);
    steps.insert(index + by, step);
  }

  protected removeStep(index: number): void {
    this.form.controls.steps.removeAt(index);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    this.entries.submit((editing) =>
      editing ? this.api.update(this.orgId(), editing.id, updateRouteRequest(editing, value)) : this.api.create(this.orgId(), createRouteRequest(value)),
    );
  }

  protected remove(route: ApprovalRouteView): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('approvalRoutes.deleteTitle', { name: route.name }),
      text: this.i18n.t('approvalRoutes.deleteText'),
      confirmLabel: this.i18n.t('approvalRoutes.delete'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.api.remove(this.orgId(), route.id).subscribe({
          next: () => {
            this.notice.confirm(this.i18n.t('approvalRoutes.deleted', { name: route.name }));
            if (this.entries.editing()?.id === route.id) this.entries.cancel();
            this.routes.reload();
          },
          error: (error: unknown) => {
            this.notice.showError(error);
            this.routes.reload();
          },
        });
      });
  }

  /** "Kanäle: Mastodon · Sensibles Thema · Schlagworte: wahl" — or "immer" for a route without conditions. */
  protected conditionsText(route: ApprovalRouteView, channelNames: ReadonlyMap<string, string>): string {
    const c = route.conditions;
    const parts = [
      ...(c.channelIds?.length ? [this.i18n.t('approvalRoutes.when.channels', { channels: c.channelIds.map((id) => channelNames.get(id) ?? '?').join(', ') })] : []),
      ...(c.sensitiveTopic ? [this.i18n.t('approvalRoutes.when.sensitive')] : []),
      ...(c.tags?.length ? [this.i18n.t('approvalRoutes.when.tags', { tags: c.tags.join(', ') })] : []),
      ...(c.electionBlackout ? [this.i18n.t('approvalRoutes.when.blackout')] : []),
    ];
    if (route.isDefault) return this.i18n.t('approvalRoutes.when.default');
    return parts.join(' · ') || this.i18n.t('approvalRoutes.when.always');
  }

  protected stepText(step: ApprovalRouteView['steps'][number], names: ReadonlyMap<string, string>): string {
    const who =
      step.approvers.kind === 'role'
        ? this.i18n.t(roleLabelKey(step.approvers.role))
        : step.approvers.userIds.map((id) => names.get(id) ?? '?').join(', ');
    const due = this.i18n.t(step.due.kind === 'after_submission' ? 'approvalRoutes.due.after' : 'approvalRoutes.due.before', { hours: step.due.hours });
    const skip = step.skipWhenSubmittedBy.length
      ? `; ${this.i18n.t('approvalRoutes.skippedFor', { roles: step.skipWhenSubmittedBy.map((role) => this.i18n.t(roleLabelKey(role))).join(', ') })}`
      : '';
    return `${step.name} (${who}; ${due}${skip})`;
  }
}
