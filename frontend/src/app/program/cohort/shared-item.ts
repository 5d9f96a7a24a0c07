import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SHARE_REACTIONS, type ShareView } from '@amtsplan/contracts';
import { filter, switchMap } from 'rxjs';
import { ProblemNotice } from '../../shared/http/problem-notice';
import { I18n } from '../../shared/i18n/i18n';
import { TranslatePipe } from '../../shared/i18n/translate.pipe';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import { meetingText } from '../program-dates';
import { ProgramApi, sharedImageUrl } from '../program-api';

type Reaction = (typeof SHARE_REACTIONS)[number];

const KIND_KEYS = {
  reflection: 'program.share.kind.reflection',
  post_draft: 'program.share.kind.postDraft',
  upload: 'program.share.kind.upload',
  poster_section: 'program.share.kind.posterSection',
  text_block: 'program.share.kind.textBlock',
} as const satisfies Record<ShareView['kind'], string>;

const REACTION_KEYS = { like: 'program.reaction.like', helpful: 'program.reaction.helpful', idea: 'program.reaction.idea' } as const satisfies Record<Reaction, string>;

/** One shared result in the Peer-Gruppe: the copy, who shared it, reactions and comments. */
@Component({
  selector: 'amt-shared-item',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = share();
    <article class="share" [attr.aria-labelledby]="'share-' + s.id">
      <header>
        <span class="kind">{{ kindKey() | t }}</span>
        <h3 [id]="'share-' + s.id">{{ s.title }}</h3>
        <p class="byline">{{ 'program.share.byline' | t: { name: s.author.displayName, organization: s.author.organizationName, at: at(s.createdAt) } }}</p>
      </header>
      @if (s.kind === 'upload') {
        <!-- The body of an image share is its alt text: the image carries it, and it is shown below for everyone. -->
        <figure class="image">
          <img [src]="imageUrl()" [alt]="s.body" />
          <figcaption class="body">{{ 'program.upload.altTextShown' | t: { altText: s.body } }}</figcaption>
        </figure>
      } @else {
        <p class="body">{{ s.body }}</p>
      }
      <div class="reactions" role="group" [attr.aria-label]="'program.reaction.label' | t">
        @for (reaction of reactions; track reaction) {
          <button mat-stroked-button type="button" [attr.aria-pressed]="s.myReaction === reaction" [class.chosen]="s.myReaction === reaction" [disabled]="busy()" (click)="react(reaction)">
            {{ reactionKeys[reaction] | t }} · {{ s.reactions[reaction] }}
          </button>
        }
        @if (s.own) {
          <button mat-button type="button" class="withdraw" [disabled]="busy()" (click)="withdraw()">{{ 'program.share.withdraw' | t }}</button>
        }
      </div>
      <section class="comments" [attr.aria-label]="'program.comments.label' | t">
        @for (comment of s.comments; track comment.id) {
          <div class="comment">
            <p class="comment__byline">
              {{ comment.author.displayName }}@if (comment.author.organizationName) {, {{ comment.author.organizationName }}} · {{ at(comment.createdAt) }}
            </p>
            <p class="comment__body">{{ comment.body }}</p>
          </div>
        }
        <form class="comment-form" (submit)="$event.preventDefault(); comment()">
          <mat-form-field subscriptSizing="dynamic" class="comment-form__field">
            <mat-label>{{ 'program.comments.new' | t }}</mat-label>
            <textarea matInput rows="2" [value]="draft()" (input)="draft.set($any($event.target).value)" [disabled]="busy()"></textarea>
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy() || !draft().trim()">{{ 'program.comments.send' | t }}</button>
        </form>
      </section>
    </article>
  `,
  styles: `
    .share {
      padding: 16px;
      margin-bottom: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .image {
      margin: 8px 0;
    }
    .image img {
      display: block;
      max-width: min(100%, 28rem);
      height: auto;
      border-radius: var(--mat-sys-corner-small);
    }
    .kind {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 4px 0;
    }
    .byline,
    .comment__byline {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .body,
    .comment__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .reactions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    /* Dark text on the light container, also under the focus and ripple layers (with the
       primary colour as text, axe measured 4.5:1 undercut while the click's ripple faded). */
    .chosen {
      background: var(--mat-sys-secondary-container);
      --mat-button-outlined-label-text-color: var(--mat-sys-on-secondary-container);
      --mat-button-outlined-ripple-color: color-mix(in srgb, var(--mat-sys-on-secondary-container) 12%, transparent);
      --mat-button-outlined-state-layer-color: var(--mat-sys-on-secondary-container);
    }
    .withdraw {
      margin-left: auto;
    }
    .comments {
      margin-top: 12px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding-top: 8px;
    }
    .comment {
      margin-bottom: 8px;
    }
    .comment__body {
      margin: 2px 0 0;
    }
    .comment-form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-end;
    }
    .comment-form__field {
      flex: 1 1 16rem;
    }
  `,
})
export class SharedItem {
  private readonly api = inject(ProgramApi);
  private readonly notice = inject(ProblemNotice);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly cohortId = input.required<string>();
  readonly share = input.required<ShareView>();
  readonly changed = output<ShareView>();
  readonly withdrawn = output<string>();

  protected readonly reactions = SHARE_REACTIONS;
  protected readonly reactionKeys = REACTION_KEYS;
  protected readonly busy = signal(false);
  protected readonly draft = signal('');
  protected readonly kindKey = computed(() => KIND_KEYS[this.share().kind]);
  protected readonly imageUrl = computed(() => sharedImageUrl(this.cohortId(), this.share().id));

  protected at(iso: string): string {
    return meetingText(iso, this.i18n.language());
  }

  protected react(reaction: Reaction): void {
    const next = this.share().myReaction === reaction ? null : reaction;
    this.busy.set(true);
    this.api.react(this.cohortId(), this.share().id, { reaction: next }).subscribe({ next: (share) => this.done(share), error: (error: unknown) => this.fail(error) });
  }

  protected comment(): void {
    const body = this.draft().trim();
    if (!body) return;
    this.busy.set(true);
    this.api.comment(this.cohortId(), this.share().id, body).subscribe({
      next: (share) => {
        this.draft.set('');
        this.done(share);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected withdraw(): void {
    const data: ConfirmDialogData = { title: this.i18n.t('program.share.withdrawTitle'), text: this.i18n.t('program.share.withdrawText'), confirmLabel: this.i18n.t('program.share.withdraw') };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(true);
          return this.api.withdraw(this.cohortId(), this.share().id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.withdrawn.emit(this.share().id);
          this.notice.confirm(this.i18n.t('program.share.withdrawn'));
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private done(share: ShareView): void {
    this.busy.set(false);
    this.changed.emit(share);
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.showError(error);
  }
}
