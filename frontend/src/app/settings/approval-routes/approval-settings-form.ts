import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { type MatSlideToggleChange, MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ApprovalSettingsView, UpdateApprovalSettingsRequest } from '@amtsplan/contracts';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { isStaleVersion } from '../../shared/http/problem';
import { formProblemAlert } from '../../shared/http/problem-form';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { InlineAlert } from '../../shared/ui/inline-alert';
import { LoadStatus } from '../../shared/ui/load-status';
import { ApprovalRoutesApi } from './approval-routes-api';

function periodGroup(period: { from: string; to: string; label: string | null } = { from: '', to: '', label: null }) {
  return new FormGroup({
    from: new FormControl(period.from, { nonNullable: true, validators: Validators.required }),
    to: new FormControl(period.to, { nonNullable: true, validators: Validators.required }),
    label: new FormControl(period.label ?? '', { nonNullable: true, validators: Validators.maxLength(200) }),
  });
}

/** Self-approval (confirmed, because it suspends four-eyes and is audited) and the election blackout periods. */
@Component({
  selector: 'amt-approval-settings-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSlideToggleModule, FieldErrorPipe, InlineAlert, LoadStatus, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approval-settings-form.html',
  styleUrls: ['../catalogue-page.scss', './approval-settings-form.scss'],
})
export class ApprovalSettingsForm {
  private readonly api = inject(ApprovalRoutesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly organizationId = input.required<string>();
  readonly canManage = input.required<boolean>();

  protected readonly settings = loadOnRequest({ params: () => this.organizationId(), load: (id) => this.api.settings(id) });
  protected readonly form = new FormGroup({ electionBlackoutPeriods: new FormArray<ReturnType<typeof periodGroup>>([]) });
  protected readonly periods = this.form.controls.electionBlackoutPeriods;
  protected readonly pending = signal(false);
  protected readonly alert = signal<string | null>(null);

  constructor() {
    effect(() => {
      const state = this.settings.current();
      if (state.state === 'loaded') untracked(() => this.fill(state.value));
    });
    effect(() => (this.canManage() ? this.form.enable() : this.form.disable()));
  }

  protected addPeriod(): void {
    this.periods.push(periodGroup());
  }

  protected removePeriod(index: number): void {
    this.periods.removeAt(index);
  }

  protected toggleSelfApproval(settings: ApprovalSettingsView, event: MatSlideToggleChange): void {
    const allow = event.checked;
    const data: ConfirmDialogData = {
      title: this.i18n.t(allow ? 'approvalSettings.selfOnTitle' : 'approvalSettings.selfOffTitle'),
      text: this.i18n.t(allow ? 'approvalSettings.selfOnText' : 'approvalSettings.selfOffText'),
      confirmLabel: this.i18n.t(allow ? 'approvalSettings.selfOn' : 'approvalSettings.selfOff'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '480px' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.save({ version: settings.version, allowSelfApproval: allow });
        // Until the server confirms, the switch shows what is stored.
        else event.source.checked = !allow;
      });
  }

  protected savePeriods(settings: ApprovalSettingsView): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const electionBlackoutPeriods = this.periods.getRawValue().map((p) => ({ from: p.from, to: p.to, label: p.label.trim() || null }));
    this.save({ version: settings.version, electionBlackoutPeriods });
  }

  private save(change: UpdateApprovalSettingsRequest): void {
    if (this.pending()) return;
    this.pending.set(true);
    this.alert.set(null);
    this.api.updateSettings(this.organizationId(), change).subscribe({
      next: (saved) => {
        this.pending.set(false);
        this.settings.update(() => saved);
        this.notice.confirm(this.i18n.t('approvalSettings.saved'));
      },
      error: (error: unknown) => {
        this.pending.set(false);
        if (isStaleVersion(error)) {
          this.alert.set(this.i18n.t('problem.staleVersion'));
          this.settings.reload();
          return;
        }
        this.alert.set(formProblemAlert(this.form, error, this.i18n));
        // The switch reverts to the stored value.
        this.settings.reload();
      },
    });
  }

  private fill(settings: ApprovalSettingsView): void {
    this.periods.clear({ emitEvent: false });
    for (const period of settings.electionBlackoutPeriods) this.periods.push(periodGroup(period), { emitEvent: false });
    if (!this.canManage()) this.form.disable({ emitEvent: false });
    this.form.markAsPristine();
  }
}
