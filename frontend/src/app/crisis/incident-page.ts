import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { IncidentView } from '@amtsplan/contracts';
import { crisisLevelLabel, isOpenIncident, playbookLevel, type PlaybookContent } from '@amtsplan/domain';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import { describeFailure, isStaleVersion } from '../shared/http/problem';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';
import { ConfirmDialog } from '../shared/ui/confirm-dialog';
import { InlineAlert } from '../shared/ui/inline-alert';
import { CrisisApi } from './crisis-api';
import { INCIDENT_STATUS_KEYS, LEVEL_CHOICES } from './crisis-labels';
import { CRISIS_PATH } from './crisis-paths';
import { CrisisStatus } from './crisis-status';
import { LiftDialog } from './lift-dialog';
import { StopDialog } from './stop-dialog';

/** The timeline is read again this often while the incident is open (several people work on it). */
/** A fallback only: changes arrive on the live stream (CrisisStatus.changes). */
const LIVE_MS = 120_000;

/** One incident (or drill): level, Kommunikationsstopp, checklist, contacts, statements, live timeline, end, review, report. */
@Component({
  selector: 'amt-incident-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, InlineAlert, TranslatePipe, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  templateUrl: './incident-page.html',
  styleUrl: './incident-page.scss',
})
export class IncidentPage {
  private readonly api = inject(CrisisApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly crisisStatus = inject(CrisisStatus);
  readonly orgId = input.required<string>();
  readonly incidentId = input.required<string>();

  protected readonly STATUS_KEYS = INCIDENT_STATUS_KEYS;
  protected readonly levels = LEVEL_CHOICES;
  protected readonly incident = signal<IncidentView | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected newLevel = 3;
  protected levelReason = '';
  protected note = '';
  protected review = { whatHappened: '', whatWorked: '', whatToChange: '', followUps: '' };

  protected readonly open = computed(() => {
    const i = this.incident();
    return !!i && isOpenIncident(i.status);
  });
  protected readonly level = computed(() => {
    const i = this.incident();
    return i ? playbookLevel(i.content as PlaybookContent, i.level) : null;
  });
  /** A drill's generated comment wave, as „Minute · Kanal · Kategorie: Text“. */
  protected readonly wave = computed(() => (this.incident()?.drillWave ?? []).map((w) => `${w.minute}′ · ${w.channel} · ${w.category}: ${w.text}`));
  protected readonly levelLabel = computed(() => {
    const i = this.incident();
    return i ? crisisLevelLabel(i.level, i.content.levels) : '';
  });

  constructor() {
    effect(() => this.load(this.orgId(), this.incidentId()));
    // Live: every change of the organization's crisis state (another person's step, the stop).
    this.crisisStatus
      .changes(() => this.orgId())
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (!this.busy()) this.load(this.orgId(), this.incidentId());
      });
    const timer = setInterval(() => {
      if (this.open() && !this.busy()) this.load(this.orgId(), this.incidentId());
    }, LIVE_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected backLink(): string[] {
    return organizationUrl(this.orgId(), CRISIS_PATH);
  }

  protected reportUrl(): string {
    return this.api.reportUrl(this.orgId(), this.incidentId());
  }

  private load(orgId: string, id: string): void {
    this.api.incident(orgId, id).subscribe({
      next: (i) => this.show(i),
      error: (e) => this.error.set(describeFailure(e, this.i18n)),
    });
  }

  private show(i: IncidentView): void {
    this.incident.set(i);
    if (!this.busy()) this.newLevel = i.level;
  }

  protected stepDone(level: number, stepId: string): string | null {
    return this.incident()?.checklist.find((c) => c.level === level && c.stepId === stepId)?.doneAt ?? null;
  }

  protected alertedAt(contactId: string): string | null {
    return this.incident()?.contactsAlerted.find((c) => c.contactId === contactId)?.alertedAt ?? null;
  }

  protected contactsOfLevel(): IncidentView['content']['contacts'] {
    const i = this.incident();
    const level = this.level();
    if (!i || !level) return [];
    return i.content.contacts.filter((c) => level.contactIds.includes(c.id));
  }

  protected who(step: { responsible: { kind: 'role'; role: string } | { kind: 'person'; name: string } }): string {
    return step.responsible.kind === 'role' ? step.responsible.role : step.responsible.name;
  }

  private run(work: (i: IncidentView) => Observable<IncidentView>): void {
    const i = this.incident();
    if (!i) return;
    this.busy.set(true);
    this.error.set(null);
    work(i).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.show(updated);
        this.crisisStatus.refresh(this.orgId());
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(isStaleVersion(e) ? this.i18n.t('crisis.editor.stale') : describeFailure(e, this.i18n));
        this.load(this.orgId(), this.incidentId());
      },
    });
  }

  protected changeLevel(): void {
    this.run((i) => this.api.act(this.orgId(), i.id, 'level', { version: i.version, level: this.newLevel, reason: this.levelReason }));
    this.levelReason = '';
  }

  protected toggleStep(level: number, stepId: string, done: boolean): void {
    this.run((i) => this.api.act(this.orgId(), i.id, 'checklist', { version: i.version, level, stepId, done }));
  }

  protected markAlerted(contactId: string): void {
    this.run((i) => this.api.act(this.orgId(), i.id, 'contacts-alerted', { version: i.version, contactId }));
  }

  protected useStatement(textBlockId: string): void {
    this.run((i) => this.api.act(this.orgId(), i.id, 'statements', { textBlockId, note: '' }));
  }

  protected addNote(): void {
    const text = this.note.trim();
    if (!text) return;
    this.run((i) => this.api.act(this.orgId(), i.id, 'notes', { text }));
    this.note = '';
  }

  protected activateStop(): void {
    const i = this.incident();
    if (!i) return;
    this.dialog
      .open(StopDialog, { data: { drill: i.drill }, maxWidth: '560px', width: '100%' })
      .afterClosed()
      .subscribe((reason?: string) => {
        if (reason) this.run((current) => this.api.act(this.orgId(), current.id, 'stop', { version: current.version, confirm: true, reason }));
      });
  }

  protected liftStop(): void {
    const i = this.incident();
    if (!i) return;
    this.api.paused(this.orgId(), i.id).subscribe({
      next: (paused) =>
        this.dialog
          .open(LiftDialog, { data: { paused, version: i.version }, maxWidth: '640px', width: '100%' })
          .afterClosed()
          .subscribe((request) => {
            if (!request) return;
            this.busy.set(true);
            this.api.lift(this.orgId(), i.id, request).subscribe({
              next: (result) => {
                this.busy.set(false);
                this.show(result.incident);
                this.crisisStatus.refresh(this.orgId());
              },
              error: (e) => {
                this.busy.set(false);
                this.error.set(describeFailure(e, this.i18n));
                this.load(this.orgId(), i.id);
              },
            });
          }),
      error: (e) => this.error.set(describeFailure(e, this.i18n)),
    });
  }

  protected end(): void {
    this.dialog
      .open(ConfirmDialog, { data: { title: this.i18n.t('crisis.incident.end'), text: this.i18n.t('crisis.incident.endConfirm'), confirmLabel: this.i18n.t('crisis.incident.end') } })
      .afterClosed()
      .subscribe((ok) => {
        if (ok) this.run((i) => this.api.act(this.orgId(), i.id, 'end', { version: i.version }));
      });
  }

  protected submitReview(): void {
    const followUps = this.review.followUps
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((title) => ({ title, owner: '', dueOn: null, done: false }));
    this.run((i) =>
      this.api.review(this.orgId(), i.id, i.version, { whatHappened: this.review.whatHappened, whatWorked: this.review.whatWorked, whatToChange: this.review.whatToChange, followUps }),
    );
  }
}
