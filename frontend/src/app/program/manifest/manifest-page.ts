import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ManifestView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { isStaleVersion } from '../../shared/http/problem';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { meetingText } from '../program-dates';
import { PROGRAM_PATH } from '../program-paths';
import { ProgramApi } from '../program-api';

/**
 * The Kick-off-Manifest of the authority: planners edit the text (the template until saved), the
 * leadership (Leitung or Administration) signs it with their function. The signature belongs to the
 * text as signed; an edit afterwards asks for a new signature.
 */
@Component({
  selector: 'amt-manifest-page',
  imports: [LoadStatus, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'program.manifest.heading' | t }}</h1>
    <a mat-button class="back" [routerLink]="backLink()">{{ 'program.links.back' | t }}</a>
    @let state = manifest.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="manifest.reload()" />
    } @else {
      @let m = state.value;
      <p class="lead">{{ 'program.manifest.lead' | t }}</p>
      @if (m.canEdit) {
        <mat-form-field class="text" subscriptSizing="dynamic">
          <mat-label>{{ 'program.manifest.text' | t }}</mat-label>
          <textarea matInput rows="12" [value]="draft()" (input)="draft.set($any($event.target).value)" [disabled]="busy()"></textarea>
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="button" [disabled]="busy() || !unsaved()" (click)="save(m)">{{ 'program.manifest.save' | t }}</button>
          @if (m.signature && unsaved()) {
            <span class="hint">{{ 'program.manifest.editDropsSignature' | t }}</span>
          }
        </div>
      } @else {
        <blockquote class="text text--read">{{ m.text }}</blockquote>
      }

      <section class="signature" aria-labelledby="manifest-signature">
        <h2 id="manifest-signature">{{ 'program.manifest.signature' | t }}</h2>
        @if (m.signature; as signature) {
          <p class="signed">{{ 'program.manifest.signedBy' | t: { name: signature.name, function: signature.function, at: at(signature.signedAt) } }}</p>
        } @else {
          <p>{{ 'program.manifest.unsigned' | t }}</p>
        }
        @if (m.canSign && !m.signature) {
          <form class="sign" (submit)="$event.preventDefault(); sign(m)">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'program.manifest.function' | t }}</mat-label>
              <input matInput [value]="role()" (input)="role.set($any($event.target).value)" [disabled]="busy()" />
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy() || role().trim().length < 2 || unsaved()">{{ 'program.manifest.sign' | t }}</button>
          </form>
        } @else if (!m.canSign && !m.signature) {
          <p class="hint">{{ 'program.manifest.whoSigns' | t }}</p>
        }
      </section>
    }
  `,
  styles: `
    .back {
      margin: 0 0 8px -12px;
    }
    .lead {
      max-width: 45rem;
    }
    .text {
      width: 100%;
      max-width: 50rem;
    }
    .text--read {
      /* Full width with its padding and border inside it, so a phone does not scroll sideways. */
      box-sizing: border-box;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      margin: 0;
      padding: 16px;
      max-width: 50rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .actions,
    .sign {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin-top: 12px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .signature h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .signed {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class ManifestPage {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);
  private readonly i18n = inject(I18n);

  readonly orgId = input.required<string>();

  protected readonly manifest = loadOnRequest({ params: () => this.orgId(), load: (id) => this.api.manifest(id) });
  protected readonly backLink = computed(() => ['/o', this.orgId(), PROGRAM_PATH]);
  private readonly loadedText = computed(() => {
    const state = this.manifest.current();
    return state.state === 'loaded' ? state.value.text : '';
  });
  protected readonly draft = linkedSignal(() => this.loadedText());
  protected readonly unsaved = computed(() => this.draft() !== this.loadedText());
  protected readonly role = signal('');
  protected readonly busy = signal(false);

  protected at(iso: string): string {
    return meetingText(iso, this.i18n.language());
  }

  protected save(m: ManifestView): void {
    this.send(this.api.saveManifest(this.orgId(), { version: m.version, text: this.draft() }), 'program.manifest.saved');
  }

  protected sign(m: ManifestView): void {
    this.send(this.api.signManifest(this.orgId(), { version: m.version, function: this.role() }), 'program.manifest.signedNotice');
  }

  private send(request: Observable<ManifestView>, confirmation: 'program.manifest.saved' | 'program.manifest.signedNotice'): void {
    this.busy.set(true);
    request.subscribe({
      next: (view) => {
        this.busy.set(false);
        this.manifest.update(() => view);
        this.notice.confirm(this.i18n.t(confirmation));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (isStaleVersion(error)) {
          this.notice.showErrorText(this.i18n.t('program.manifest.stale'));
          this.manifest.reload();
        } else this.notice.showError(error);
      },
    });
  }
}
