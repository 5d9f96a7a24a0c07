import { mayEditPost } from './post-permissions';

describe('who may edit a post', () => {
  const own = { authorUserId: 'u1', status: 'draft' as const };

  it('lets planners edit everything', () => {
    expect(mayEditPost({ plan: true, propose: true, userId: 'u9' }, { authorUserId: 'u1', status: 'approved' })).toBe(true);
  });

  it('lets a Fachbereich edit only its own ideas and drafts', () => {
    const contributor = { plan: false, propose: true, userId: 'u1' };
    expect(mayEditPost(contributor, own)).toBe(true);
    expect(mayEditPost(contributor, { ...own, status: 'idea' })).toBe(true);
    expect(mayEditPost(contributor, { ...own, status: 'in_approval' })).toBe(false);
    expect(mayEditPost(contributor, { ...own, authorUserId: 'u2' })).toBe(false);
  });

  it('lets Leitung and readers edit nothing', () => {
    expect(mayEditPost({ plan: false, propose: false, userId: 'u1' }, own)).toBe(false);
  });
});
