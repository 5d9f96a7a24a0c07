import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CrisisDetectionView } from '@amtsplan/contracts';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { forkJoin } from 'rxjs';
import { loadOnRequest } from '../shared/http/load-on-request';
import { describeFailure } from '../shared/http/problem';
import { DateTimePipe } from '../shared/i18n/date-time.pipe';
import { I18n } from '../shared/i18n/i18n';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';
import { InlineAlert } from '../shared/ui/inline-alert';
import { LoadStatus } from '../shared/ui/load-status';
import { CrisisApi } from './crisis-api';
import { INCIDENT_STATUS_KEYS, LEVEL_CHOICES, VERSION_STATUS_KEYS } from './crisis-labels';
import { CRISIS_PATH, INCIDENT_SEGMENT, PLAYBOOK_SEGMENT } from './crisis-paths';
import { CrisisStatus } from './crisis-status';
import { ExercisePanel } from '../program/exercise-panel';

/** Krisen-Playbooks: incidents and drills, the authority's playbooks, the templates, and „Krise ausrufen“. */
@Component({
  selector: 'amt-crisis-overview-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, LoadStatus, InlineAlert, TranslatePipe, DateTimePipe, ExercisePanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'crisis.heading' | t }}</h1>
    @defer (on idle) { <amt-exercise-panel class="program-panel" [orgId]="orgId()" area="krisen-playbooks" /> }
    @let state = data.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="data.reload()" />
    } @else {
      @let view = state.value;
      @if (view.detections.length) {
        <section aria-labelledby="detections-heading" class="section" data-testid="crisis-detections">
          <h2 id="detections-heading">{{ 'crisis.detection.heading' | t }}</h2>
          <ul class="list">
            @for (d of view.detections; track d.id) {
              <li class="detection">
                <strong>{{ 'crisis.detection.title' | t: { level: d.levelName } }}</strong>
                <span class="meta">
                  @if (d.playbook; as p) {
                    {{ 'crisis.detection.playbook' | t: { name: p.name } }} ·
                  }
                  {{ d.detectedAt | dateTime }}
                </span>
                <ul class="figures">
                  @for (c of d.channels; track c.channelId) {
                    @if (c.meeting) {
                      <li>{{ 'crisis.detection.channel' | t: { channel: c.channelName, negative: c.negative, items: c.items, minutes: d.windowMinutes, share: percent(c.negativeShare) } }}</li>
                    }
                  }
                </ul>
                <p class="meta">{{ 'crisis.detection.notActivated' | t }}</p>
                <div class="actions">
                  <button mat-flat-button class="amt-danger" type="button" [disabled]="busy()" [attr.aria-label]="'crisis.detection.declareNamed' | t: { level: d.levelName }" (click)="declareFrom(d)">
                    {{ 'crisis.detection.declare' | t }}
                  </button>
                  <button mat-stroked-button type="button" [disabled]="busy()" [attr.aria-label]="'crisis.detection.dismissNamed' | t: { level: d.levelName }" (click)="dismiss(d)">
                    {{ 'crisis.detection.dismiss' | t }}
                  </button>
                </div>
              </li>
            }
          </ul>
        </section>
      }
      <section aria-labelledby="declare-heading" class="section">
        <h2 id="declare-heading">{{ 'crisis.declare.heading' | t }}</h2>
        <form class="declare" (ngSubmit)="declare()">
          <mat-form-field>
            <mat-label>{{ 'crisis.declare.playbook' | t }}</mat-label>
            <mat-select name="playbook" [(ngModel)]="playbookId">
              <mat-option [value]="null">{{ 'crisis.declare.adHoc' | t }}</mat-option>
              @for (p of view.playbooks; track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'crisis.declare.title' | t }}</mat-label>
            <input matInput name="title" required data-declare-title [(ngModel)]="title" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'crisis.declare.reason' | t }}</mat-label>
            <textarea matInput name="reason" required rows="2" [(ngModel)]="reason"></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'crisis.declare.level' | t }}</mat-label>
            <mat-select name="level" [(ngModel)]="level">
              @for (l of levels; track l.level) {
                <mat-option [value]="l.level">{{ 'crisis.level' | t: { level: l.level, name: l.name } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-checkbox name="drill" [(ngModel)]="drill">{{ 'crisis.declare.drill' | t }}</mat-checkbox>
          @if (error(); as message) {
            <amt-inline-alert>{{ message }}</amt-inline-alert>
          }
          <div>
            <button mat-flat-button class="amt-danger" type="submit" [disabled]="busy()">
              {{ (drill ? 'crisis.declare.submitDrill' : 'crisis.declare.submit') | t }}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="incidents-heading" class="section">
        <h2 id="incidents-heading">{{ 'crisis.incidents' | t }}</h2>
        @if (view.incidents.length === 0) {
          <p>{{ 'crisis.noIncidents' | t }}</p>
        }
        <ul class="list">
          @for (i of view.incidents; track i.id) {
            <li>
              <a [routerLink]="incidentLink(i.id)" [attr.aria-label]="'crisis.openIncident' | t: { title: i.title }">{{ i.title }}</a>
              <span class="meta">
                {{ INCIDENT_STATUS_KEYS[i.status] | t }} · {{ 'crisis.declare.level' | t }} {{ i.level }}
                @if (i.drill) {
                  · {{ 'crisis.drill' | t }}
                }
                · {{ i.declaredAt | dateTime }}
              </span>
            </li>
          }
        </ul>
      </section>

      <section aria-labelledby="playbooks-heading" class="section">
        <h2 id="playbooks-heading">{{ 'crisis.playbooks' | t }}</h2>
        @if (view.playbooks.length === 0) {
          <p>{{ 'crisis.noPlaybooks' | t }}</p>
        }
        <ul class="list">
          @for (p of view.playbooks; track p.id) {
            <li>
              <a [routerLink]="playbookLink(p.id)" [attr.aria-label]="'crisis.openPlaybook' | t: { name: p.name }">{{ p.name }}</a>
              <span class="meta">{{ 'crisis.versionLine' | t: { number: p.versionNumber, status: (VERSION_STATUS_KEYS[p.versionStatus] | t) } }}</span>
            </li>
          }
        </ul>
      </section>

      <section aria-labelledby="templates-heading" class="section">
        <h2 id="templates-heading">{{ 'crisis.templates' | t }}</h2>
        <ul class="list">
          @for (t of view.templates; track t.key) {
            <li>
              <strong>{{ t.name }}</strong>
              <span class="meta">{{ t.scenario }}</span>
              <div>
                <button mat-stroked-button type="button" [disabled]="busy()" [attr.aria-label]="'crisis.copyTemplateNamed' | t: { name: t.name }" (click)="copy(t.key)">
                  {{ 'crisis.copyTemplate' | t }}
                </button>
              </div>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .section {
      margin-bottom: 32px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    .declare {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 640px;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .list > li {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .figures {
      margin: 0;
      padding-left: 20px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class CrisisOverviewPage {
  private readonly api = inject(CrisisApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly crisisStatus = inject(CrisisStatus);
  readonly orgId = input.required<string>();

  protected readonly INCIDENT_STATUS_KEYS = INCIDENT_STATUS_KEYS;
  protected readonly VERSION_STATUS_KEYS = VERSION_STATUS_KEYS;
  protected readonly levels = LEVEL_CHOICES;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected playbookId: string | null = null;
  protected title = '';
  protected reason = '';
  protected level = 3;
  protected drill = false;
  /** The alert „Krise ausrufen“ was prefilled from; the declaration marks it. */
  protected detectionId: string | null = null;
  private readonly host = inject(ElementRef<HTMLElement>);

  protected readonly data = loadOnRequest({
    params: () => this.orgId(),
    load: (id) => forkJoin({ playbooks: this.api.playbooks(id), templates: this.api.templates(id), incidents: this.api.incidents(id), detections: this.api.detections(id) }),
  });

  constructor() {
    // A new alert (or one dismissed elsewhere) shows up without reloading the page.
    this.crisisStatus
      .changes(() => this.orgId())
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (!this.busy()) this.data.reload();
      });
  }

  protected percent(share: number): number {
    return Math.round(share * 100);
  }

  /** Prefills „Krise ausrufen“ with the suggested level and playbook; a person still declares. */
  protected declareFrom(d: CrisisDetectionView): void {
    this.detectionId = d.id;
    this.playbookId = d.playbook?.id ?? null;
    this.level = d.suggestedLevel;
    this.drill = false;
    if (!this.title) this.title = this.i18n.t('crisis.detection.defaultTitle');
    if (!this.reason) this.reason = this.i18n.t('crisis.detection.defaultReason', { level: d.levelName, channels: d.channels.filter((c) => c.meeting).map((c) => c.channelName).join(', ') });
    setTimeout(() => (this.host.nativeElement as HTMLElement).querySelector<HTMLInputElement>('[data-declare-title]')?.focus());
  }

  protected dismiss(d: CrisisDetectionView): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.dismissDetection(this.orgId(), d.id, d.version).subscribe({
      next: () => {
        this.busy.set(false);
        if (this.detectionId === d.id) this.detectionId = null;
        this.data.reload();
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(describeFailure(e, this.i18n));
      },
    });
  }

  protected incidentLink(id: string): string[] {
    return organizationUrl(this.orgId(), CRISIS_PATH, INCIDENT_SEGMENT, id);
  }

  protected playbookLink(id: string): string[] {
    return organizationUrl(this.orgId(), CRISIS_PATH, PLAYBOOK_SEGMENT, id);
  }

  protected copy(templateKey: string): void {
    this.busy.set(true);
    this.api.copyTemplate(this.orgId(), templateKey).subscribe({
      next: (playbook) => void this.router.navigate(this.playbookLink(playbook.id)),
      error: (e) => {
        this.busy.set(false);
        this.error.set(describeFailure(e, this.i18n));
      },
    });
  }

  protected declare(): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.declare(this.orgId(), { playbookId: this.playbookId, title: this.title, reason: this.reason, level: this.level, drill: this.drill, detectionId: this.drill ? null : this.detectionId }).subscribe({
      next: (incident) => {
        this.crisisStatus.refresh(this.orgId());
        void this.router.navigate(this.incidentLink(incident.id));
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(describeFailure(e, this.i18n));
      },
    });
  }
}
