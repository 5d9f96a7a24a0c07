import { canonicalInboxReplyContent, parseInboxReplyContent, replyNeedsApproval } from './sensitive-reply';

const base = {
  itemId: 'item-1',
  comment: { authorHandle: '@anna', authorDisplayName: 'Anna', text: 'Warum?', channelName: 'Mastodon', category: 'complaint' as const },
  reply: { body: 'Guten Tag, Anna.', textBlockVersionId: null },
};

describe('sensitive inbox replies', () => {
  it('needs approval only for a category marked sensitive', () => {
    expect(replyNeedsApproval('complaint', ['complaint', 'hate'])).toBe(true);
    expect(replyNeedsApproval('question', ['complaint', 'hate'])).toBe(false);
    expect(replyNeedsApproval(null, ['complaint'])).toBe(false);
  });

  it('binds the reply text and the comment: any edit gives other content', () => {
    const original = canonicalInboxReplyContent(base);
    expect(canonicalInboxReplyContent({ ...base, reply: { ...base.reply, body: 'Guten Tag, Anna!' } })).not.toBe(original);
    expect(canonicalInboxReplyContent({ ...base, comment: { ...base.comment, text: 'Wieso?' } })).not.toBe(original);
    expect(canonicalInboxReplyContent({ ...base, reply: { ...base.reply, body: '  Guten Tag, Anna.\n' } })).toBe(original);
    expect(parseInboxReplyContent(original).reply.body).toBe('Guten Tag, Anna.');
  });
});
