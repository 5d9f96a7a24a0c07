import { PUBLICATION_STATUSES } from '@amtsplan/domain';
import { awaitsPublisher, isPublishedPostUrl, isPublishingNewsFor, publicationActions, publicationStatusDisplay } from './publication-panel-status';

describe('publication panel status', () => {
  it('names every status and gives each an icon (colour is never the only signal)', () => {
    for (const status of PUBLICATION_STATUSES) {
      const display = publicationStatusDisplay(status);
      expect(display.label).toBe(`publishing.status.${status}`);
      expect(display.icon).not.toBe('');
    }
  });

  it('offers each status only the moves a person may make', () => {
    expect(publicationActions({ status: 'manual_due' }, true)).toEqual({ manualTask: true, confirm: true, markFailed: false, retry: false, publishLate: false });
    expect(publicationActions({ status: 'unconfirmed' }, true)).toEqual({ manualTask: false, confirm: true, markFailed: true, retry: false, publishLate: false });
    expect(publicationActions({ status: 'failed' }, true)).toMatchObject({ retry: true, confirm: false, publishLate: false });
    expect(publicationActions({ status: 'missed' }, true)).toMatchObject({ publishLate: true, retry: false, confirm: false });
    for (const status of ['pending', 'publishing', 'published'] as const) {
      expect(Object.values(publicationActions({ status }, true)).some(Boolean)).toBe(false);
    }
  });

  it('offers nothing to someone who may not plan (Leitung, Lesen)', () => {
    for (const status of PUBLICATION_STATUSES) {
      expect(Object.values(publicationActions({ status }, false)).some(Boolean)).toBe(false);
    }
  });

  it('accepts only absolute http(s) addresses as the published post', () => {
    expect(isPublishedPostUrl('https://www.instagram.com/p/abc')).toBe(true);
    expect(isPublishedPostUrl(' http://example.org/1 ')).toBe(true);
    expect(isPublishedPostUrl('www.instagram.com/p/abc')).toBe(false);
    expect(isPublishedPostUrl('javascript:alert(1)')).toBe(false);
    expect(isPublishedPostUrl('')).toBe(false);
  });

  it("reloads on the publisher's notifications about this post only", () => {
    const post = '7d0c6f7e-1111-4222-8333-944455556666';
    expect(isPublishingNewsFor({ kind: 'manual_publish_due', link: `/plan?post=${post}` }, post)).toBe(true);
    expect(isPublishingNewsFor({ kind: 'publish_failed', link: '/plan?post=other' }, post)).toBe(false);
    expect(isPublishingNewsFor({ kind: 'approval_requested', link: `/plan?post=${post}` }, post)).toBe(false);
    expect(isPublishingNewsFor({ kind: 'publish_unconfirmed', link: null }, post)).toBe(false);
  });

  it('says the publisher still has work while the post waits for its time or a channel is pending or in flight', () => {
    const view = (postStatus: string, ...statuses: string[]) => ({ postStatus, publications: statuses.map((status) => ({ status })) }) as never;
    expect(awaitsPublisher(view('scheduled'))).toBe(true);
    expect(awaitsPublisher(view('scheduled', 'pending'))).toBe(true);
    expect(awaitsPublisher(view('failed', 'published', 'pending'))).toBe(true);
    expect(awaitsPublisher(view('scheduled', 'publishing'))).toBe(true);
    expect(awaitsPublisher(view('published', 'published'))).toBe(false);
    expect(awaitsPublisher(view('failed', 'failed', 'unconfirmed', 'manual_due', 'missed'))).toBe(false);
    expect(awaitsPublisher(view('draft'))).toBe(false);
  });
});
