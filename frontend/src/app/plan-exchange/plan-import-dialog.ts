import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type { PlanImportField, PlanImportMode, PlanImportPreview, PlanImportProblem, PlanImportResult, PlanImportRowError } from '@amtsplan/contracts';
import { describeFailure, problemOf } from '../shared/http/problem';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { InlineAlert } from '../shared/ui/inline-alert';
import { IMPORT_FIELDS, type MappingChoice, REQUIRED_IMPORT_FIELDS, doubleColumns, initialChoice, missingFields, toMapping } from './import-mapping';
import { PlanExchangeApi } from './plan-exchange-api';

export interface PlanImportDialogData {
  readonly organizationId: string;
}

/** Closes with the number of posts created (0 when nothing was imported). */
@Component({
  selector: 'amt-plan-import-dialog',
  imports: [FormsModule, InlineAlert, MatButtonModule, MatDialogModule, MatFormFieldModule, MatProgressBarModule, MatRadioModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-import-dialog.html',
  styleUrl: './plan-import-dialog.scss',
})
export class PlanImportDialog {
  private readonly api = inject(PlanExchangeApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<PlanImportDialog, number>>(MatDialogRef);
  private readonly data = inject<PlanImportDialogData>(MAT_DIALOG_DATA);

  protected readonly fields = IMPORT_FIELDS;
  protected readonly required = new Set<PlanImportField>(REQUIRED_IMPORT_FIELDS);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<PlanImportPreview | null>(null);
  protected readonly choice = signal<MappingChoice | null>(null);
  protected readonly mode = signal<PlanImportMode>('all-or-nothing');
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly rowErrors = signal<readonly PlanImportRowError[]>([]);
  protected readonly result = signal<PlanImportResult | null>(null);

  protected readonly missing = computed(() => {
    const choice = this.choice();
    return choice ? missingFields(choice) : [];
  });
  protected readonly doubled = computed(() => {
    const choice = this.choice();
    return choice ? doubleColumns(choice) : [];
  });
  protected readonly previewRows = computed(() => this.preview()?.rows.slice(0, 5) ?? []);

  protected fieldLabel(field: PlanImportField): string {
    return this.i18n.t(`exchange.field.${field}`);
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    input.value = '';
    if (!file) return;
    this.file.set(file);
    this.preview.set(null);
    this.result.set(null);
    this.rowErrors.set([]);
    this.failure.set(null);
    this.busy.set(true);
    this.api.preview(this.data.organizationId, file).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.preview.set(preview);
        this.choice.set(initialChoice(preview));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(describeFailure(error, this.i18n));
      },
    });
  }

  protected setColumn(field: PlanImportField, column: string): void {
    this.choice.update((choice) => (choice ? { ...choice, [field]: column } : choice));
  }

  protected runImport(mode: PlanImportMode = this.mode()): void {
    const file = this.file();
    const mapping = toMapping(this.choice() ?? ({} as MappingChoice));
    if (!file || !mapping) return;
    this.mode.set(mode);
    this.busy.set(true);
    this.failure.set(null);
    this.rowErrors.set([]);
    this.api.import(this.data.organizationId, file, mapping, mode).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
        this.rowErrors.set(result.rowErrors);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error) as PlanImportProblem | null;
        this.failure.set(describeFailure(error, this.i18n));
        this.rowErrors.set(problem?.rowErrors ?? []);
      },
    });
  }

  protected close(): void {
    this.dialogRef.close(this.result()?.created ?? 0);
  }
}
