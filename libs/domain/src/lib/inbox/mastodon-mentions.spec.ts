import { compareMastodonIds, mastodonArrival, plainTextOfHtml, type MastodonNotification } from './mastodon-mentions';

const notification = (status: Partial<NonNullable<MastodonNotification['status']>>, overrides: Partial<MastodonNotification> = {}): MastodonNotification => ({
  id: '500',
  type: 'mention',
  created_at: '2026-12-07T09:00:00.000Z',
  account: { acct: 'buerger@social.example', display_name: 'Bürger Bert', url: 'https://social.example/@buerger' },
  status: { id: '9001', created_at: '2026-12-07T08:59:00.000Z', in_reply_to_id: null, visibility: 'public', content: '<p>Hallo</p>', url: 'https://social.example/@buerger/9001', ...status },
  ...overrides,
});

describe('mastodonArrival', () => {
  const ours = new Set(['110000000']);

  it('makes a reply to one of our statuses a comment, anything else a mention, and direct visibility a message', () => {
    expect(mastodonArrival(notification({ in_reply_to_id: '110000000' }), ours, 'mastodon.stadt.example')).toMatchObject({ kind: 'comment', inReplyToId: '110000000', externalId: '9001' });
    expect(mastodonArrival(notification({ in_reply_to_id: '42' }), ours, 'mastodon.stadt.example')).toMatchObject({ kind: 'mention' });
    expect(mastodonArrival(notification({}), ours, 'mastodon.stadt.example')).toMatchObject({ kind: 'mention' });
    expect(mastodonArrival(notification({ in_reply_to_id: '110000000', visibility: 'direct' }), ours, 'mastodon.stadt.example')).toMatchObject({ kind: 'message' });
  });

  it('keeps author, permalink and the status time; completes a local handle with the instance', () => {
    expect(mastodonArrival(notification({}), ours, 'mastodon.stadt.example')).toEqual({
      kind: 'mention',
      externalId: '9001',
      inReplyToId: null,
      authorHandle: '@buerger@social.example',
      authorDisplayName: 'Bürger Bert',
      authorProfileUrl: 'https://social.example/@buerger',
      text: 'Hallo',
      permalink: 'https://social.example/@buerger/9001',
      receivedAt: '2026-12-07T08:59:00.000Z',
    });
    const local = mastodonArrival(notification({}, { account: { acct: 'nachbarin', display_name: '', url: 'javascript:alert(1)' } }), ours, 'mastodon.stadt.example');
    expect(local).toMatchObject({ authorHandle: '@nachbarin@mastodon.stadt.example', authorDisplayName: null, authorProfileUrl: null });
  });

  it('ignores other notification types and mentions without a status', () => {
    expect(mastodonArrival(notification({}, { type: 'favourite' }), ours, 'h')).toBeNull();
    expect(mastodonArrival(notification({}, { status: null }), ours, 'h')).toBeNull();
  });
});

describe('plainTextOfHtml', () => {
  it('turns paragraphs and breaks into new lines and drops every tag', () => {
    const html =
      '<p><span class="h-card"><a href="https://mastodon.stadt.example/@stadt" class="u-url mention">@<span>stadt</span></a></span> Wann kommt der Sperrmüll?</p><p>Zeile 1<br />Zeile 2 <a href="https://example.org/x"><span class="invisible">https://</span><span class="">example.org/x</span></a></p>';
    expect(plainTextOfHtml(html)).toBe('@stadt Wann kommt der Sperrmüll?\n\nZeile 1\nZeile 2 https://example.org/x');
  });

  it('decodes entities once, so encoded markup stays text and nothing is left to run', () => {
    expect(plainTextOfHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#252;ber &#x1F600; &quot;x&quot;</p>')).toBe('<script>alert(1)</script> &amp; über 😀 "x"');
    expect(plainTextOfHtml('<img src=x onerror=alert(1)>Text<script>alert(2)</script>')).toBe('Textalert(2)');
  });
});

describe('compareMastodonIds', () => {
  it('orders decimal ids as numbers, beyond the safe integer range', () => {
    expect(compareMastodonIds('99', '100')).toBeLessThan(0);
    expect(compareMastodonIds('113000000000000001', '113000000000000000')).toBeGreaterThan(0);
    expect(compareMastodonIds('5', '5')).toBe(0);
  });
});
