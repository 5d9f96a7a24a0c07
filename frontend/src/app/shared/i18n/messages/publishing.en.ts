import type { publishingDe } from './publishing.de';

/** English texts of the publishing area; a key German lacks or misses is a compile error. */
export const publishingEn = {
  'auditAction.publication.published_late': 'Missed publication published after all',
  'auditAction.publication.retried': 'Publication tried again',
  'auditAction.channel.credentials_removed': 'Channel credentials removed',

  'publishing.status.pending': 'Pending',
  'publishing.status.publishing': 'Publishing',
  'publishing.status.published': 'Published',
  'publishing.status.failed': 'Failed',
  'publishing.status.unconfirmed': 'Unconfirmed — please check',
  'publishing.status.missed': 'Missed',
  'publishing.status.manual_due': 'Publish now',

  'publishing.panel.heading': 'Publishing',
  'publishing.panel.refresh': 'Refresh',
  'publishing.panel.none': 'Not published yet. Once an approved post reaches its time, its state per channel shows here.',
  'publishing.panel.claimedAt': 'Taken by the publisher on',
  'publishing.openPublished': 'View the post on {channel}',
  'publishing.confirmedBy': 'confirmed by {name} on',
  'publishing.nextAttempt': 'Next automatic attempt:',

  'publishing.task.intro': 'This channel is published by hand. Please post the approved text unchanged on {channel}, then confirm the address of the post.',
  'publishing.task.text': 'Approved text',
  'publishing.task.copyText': 'Copy text',
  'publishing.task.images': 'Images ({count}) with alt text',
  'publishing.task.noAltText': '(no alt text)',
  'publishing.task.copyAltText': 'Copy alt text {position}',
  'publishing.copied.text': 'Text copied to the clipboard.',
  'publishing.copied.altText': 'Alt text {position} copied to the clipboard.',
  'publishing.copyFailed': 'Copying is not possible. Please select the text and copy it by hand.',

  'publishing.confirm.url': 'Address of the published post',
  'publishing.confirm.urlHint': 'e.g. https://www.instagram.com/p/…',
  'publishing.confirm.urlInvalid': 'Please enter a full address starting with https://.',
  'publishing.confirm.submit': 'Confirm as published',
  'publishing.markFailed.reason': 'Why the post did not go out',
  'publishing.markFailed.submit': 'Mark as failed',
  'publishing.retry': 'Try again',
  'publishing.late.button': 'Publish after all',
  'publishing.late.title': 'Publish late?',
  'publishing.late.text': 'The planned time is long past. The approved post will be published on {channel} now, exactly as approved. Is the content still right?',
  'publishing.late.confirm': 'Publish now',

  'publishing.confirmed': 'Confirmed as published.',
  'publishing.markedFailed': 'Marked as failed.',
  'publishing.retried': 'Trying again.',
  'publishing.sentBack': 'Publishing now.',
} as const satisfies { readonly [K in keyof typeof publishingDe]: string };
