import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { loadOnRequest } from '../../shared/http/load-on-request';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { LoadStatus } from '../../shared/ui/load-status';
import { OwnShares } from '../cohort/own-shares';
import { ShareControl } from '../cohort/share-control';
import { meetingText } from '../program-dates';
import { PROGRAM_PATH } from '../program-paths';
import { exerciseUploadUrl, ProgramApi, posterDownloadUrl } from '../program-api';

/**
 * The Konzept-Plakat: ten sections from the participant's reflection answers and the authority's
 * live data, the leadership's signature under the manifest, and the downloads (A1 poster, slides).
 * Each answer on it can be shared into the Peer-Gruppe (and withdrawn) right here.
 */
@Component({
  selector: 'amt-poster-page',
  imports: [LoadStatus, MatButtonModule, MatIconModule, RouterLink, ShareControl, TranslatePipe],
  providers: [OwnShares],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'amt-page' },
  template: `
    <h1>{{ 'program.poster.heading' | t }}</h1>
    <a mat-button class="back" [routerLink]="backLink()">{{ 'program.links.back' | t }}</a>
    @let state = poster.current();
    @if (state.state !== 'loaded') {
      <amt-load-status [state]="state" (retry)="poster.reload()" />
    } @else {
      @let p = state.value;
      <p class="lead">{{ 'program.poster.lead' | t: { organization: p.organizationName, filled: p.filledCount, total: p.sections.length } }}</p>
      <div class="downloads">
        <a mat-flat-button [href]="downloads().a1" download><mat-icon aria-hidden="true">download</mat-icon>{{ 'program.poster.downloadA1' | t }}</a>
        <a mat-stroked-button [href]="downloads().slides" download><mat-icon aria-hidden="true">slideshow</mat-icon>{{ 'program.poster.downloadSlides' | t }}</a>
      </div>
      <section class="manifest" aria-labelledby="poster-manifest">
        <h2 id="poster-manifest">{{ 'program.manifest.heading' | t }}</h2>
        @if (p.manifest; as signature) {
          <p>{{ 'program.manifest.signedBy' | t: { name: signature.name, function: signature.function, at: at(signature.signedAt) } }}</p>
        } @else {
          <p>{{ 'program.manifest.unsigned' | t }} <a [routerLink]="manifestLink()">{{ 'program.links.manifest' | t }}</a></p>
        }
      </section>
      <div class="sections">
        @for (section of p.sections; track section.section) {
          <section class="section" [class.section--open]="!section.filled" [attr.aria-labelledby]="'poster-' + section.section">
            <h2 [id]="'poster-' + section.section">{{ section.title }}</h2>
            @for (answer of section.answers; track answer.exerciseId) {
              <figure class="answer">
                <figcaption>{{ answer.question }}</figcaption>
                <blockquote>{{ answer.text }}</blockquote>
                <amt-share-control [organizationId]="orgId()" [enrolmentId]="enrolmentId()" [source]="{ kind: 'reflection', exerciseId: answer.exerciseId }" />
              </figure>
            }
            @for (image of section.images; track image.exerciseId) {
              <figure class="answer poster-image">
                <figcaption>{{ image.title }}</figcaption>
                <img [src]="imageUrl(image.exerciseId, image.version)" [alt]="image.altText" />
                <amt-share-control [organizationId]="orgId()" [enrolmentId]="enrolmentId()" [source]="{ kind: 'upload', exerciseId: image.exerciseId }" />
              </figure>
            }
            @if (section.facts.length) {
              <h3 class="facts-heading">{{ 'program.poster.facts' | t }}</h3>
              <ul class="facts">
                @for (fact of section.facts; track $index) {
                  <li>{{ fact }}</li>
                }
              </ul>
            }
            @if (!section.filled) {
              <p class="open">{{ 'program.poster.open' | t }}</p>
            }
            @if (section.answers.length) {
              <div class="section-share">
                <amt-share-control [organizationId]="orgId()" [enrolmentId]="enrolmentId()" [source]="{ kind: 'poster_section', section: section.section }" [sharedTitle]="'Konzept-Plakat: ' + section.title" startLabel="program.share.startSection" />
              </div>
            }
          </section>
        }
      </div>
    }
  `,
  styles: `
    .back {
      margin: 0 0 8px -12px;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0 16px;
    }
    .manifest h2,
    .section h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .manifest {
      margin-bottom: 16px;
    }
    .sections {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
      gap: 16px;
    }
    .section {
      padding: 16px;
      border-radius: 12px;
      border: 2px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-lowest);
    }
    .section--open {
      border-color: var(--mat-sys-outline-variant);
    }
    .answer {
      margin: 0 0 12px;
    }
    figcaption {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    blockquote {
      margin: 4px 0 8px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .facts-heading {
      font: var(--mat-sys-title-small);
      margin: 8px 0 4px;
    }
    .facts {
      margin: 0;
      padding-left: 20px;
    }
    .open {
      color: var(--mat-sys-on-surface-variant);
    }
    .poster-image img {
      display: block;
      max-width: 100%;
      height: auto;
      margin: 4px 0;
    }
  `,
})
export class PosterPage {
  private readonly api = inject(ProgramApi);
  private readonly i18n = inject(I18n);
  private readonly shares = inject(OwnShares);

  readonly orgId = input.required<string>();
  readonly enrolmentId = input.required<string>();

  protected readonly poster = loadOnRequest({
    params: () => ({ organizationId: this.orgId(), enrolmentId: this.enrolmentId() }),
    load: ({ organizationId, enrolmentId }) => this.api.poster(organizationId, enrolmentId),
  });
  protected readonly backLink = computed(() => ['/o', this.orgId(), PROGRAM_PATH]);
  protected readonly manifestLink = computed(() => ['/o', this.orgId(), PROGRAM_PATH, 'manifest']);
  protected readonly downloads = computed(() => ({ a1: posterDownloadUrl(this.orgId(), this.enrolmentId(), 'a1'), slides: posterDownloadUrl(this.orgId(), this.enrolmentId(), 'slides') }));

  constructor() {
    effect(() => {
      const state = this.poster.current();
      if (state.state === 'loaded') this.shares.watch(state.value.cohortId);
    });
  }

  protected imageUrl(exerciseId: string, version: number): string {
    return exerciseUploadUrl(this.orgId(), this.enrolmentId(), exerciseId, version);
  }

  protected at(iso: string): string {
    return meetingText(iso, this.i18n.language());
  }
}
