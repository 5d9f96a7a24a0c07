import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ApprovalInboxReplySubjectView, InboxCategory } from '@amtsplan/contracts';
import { COMMUNITY_PATH } from '../community/community-paths';
import { CATEGORY_LABEL } from '../community/inbox-labels';
import { TranslatePipe } from '../shared/i18n/translate.pipe';
import { organizationUrl } from '../shared/routing/paths';

/** A reply of the Posteingang under approval (sensitive category): the comment it answers and the reply as it will be sent. */
@Component({
  selector: 'amt-approval-inbox-reply-preview',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" aria-labelledby="inbox-reply-heading">
      <h2 id="inbox-reply-heading">{{ 'approvals.inboxReply.heading' | t }}</h2>
      <h3>{{ 'approvals.inboxReply.comment' | t }}</h3>
      <p class="preview__meta">
        {{ 'approvals.inboxReply.from' | t: { author: author(), channel: reply().comment.channelName ?? ('approvals.inboxReply.noChannel' | t), category: (categoryKey() | t) } }}
      </p>
      <blockquote class="preview__comment">{{ reply().comment.text }}</blockquote>
      <h3>{{ 'approvals.inboxReply.reply' | t }}</h3>
      <p class="preview__body">{{ reply().body }}</p>
      @if (reply().fromTextBlock) {
        <p class="preview__meta">{{ 'approvals.inboxReply.fromTextBlock' | t }}</p>
      }
      <a [routerLink]="link()">{{ 'approvals.inboxReply.open' | t }}</a>
    </section>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .preview__meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 4px;
      overflow-wrap: anywhere;
    }
    .preview__comment {
      margin: 0 0 8px;
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .preview__body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 12px;
      margin: 0 0 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
    }
  `,
})
export class ApprovalInboxReplyPreview {
  readonly reply = input.required<ApprovalInboxReplySubjectView>();
  readonly orgId = input.required<string>();

  protected readonly author = computed(() => {
    const comment = this.reply().comment;
    return comment.authorDisplayName ? `${comment.authorDisplayName} (${comment.authorHandle})` : comment.authorHandle;
  });
  protected readonly categoryKey = computed(() => CATEGORY_LABEL[this.reply().comment.category as InboxCategory] ?? CATEGORY_LABEL.other);
  protected readonly link = computed(() => organizationUrl(this.orgId(), COMMUNITY_PATH));
}
