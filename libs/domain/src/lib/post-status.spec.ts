import {
  isPostStatus,
  POST_STATUSES,
  POST_STATUS_LABELS,
  postStatusMachine,
  USER_POST_MOVES,
  userMayMove,
  userMovesFrom,
} from './post-status';

describe('post lifecycle', () => {
  it('has a German label for every status', () => {
    expect(Object.keys(POST_STATUS_LABELS).sort()).toEqual([...POST_STATUSES].sort());
    expect(POST_STATUS_LABELS.changes_requested).toBe('Änderungen erbeten');
    expect(POST_STATUS_LABELS.approved).toBe('Freigegeben');
  });

  it('walks the happy path from idea to published', () => {
    const path = ['idea', 'draft', 'in_approval', 'approved', 'scheduled', 'published'] as const;
    for (let i = 1; i < path.length; i++) expect(postStatusMachine.canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('lets an edit void an approval at every stage before publishing', () => {
    for (const from of ['in_approval', 'approved', 'scheduled'] as const) {
      expect(postStatusMachine.canTransition(from, 'draft')).toBe(true);
    }
    expect(postStatusMachine.canTransition('scheduled', 'approved')).toBe(true);
  });

  it('never skips the approval', () => {
    for (const from of ['idea', 'draft', 'changes_requested', 'archived', 'failed'] as const) {
      expect(postStatusMachine.canTransition(from, 'approved')).toBe(false);
    }
    expect(postStatusMachine.canTransition('approved', 'published')).toBe(false);
    expect(postStatusMachine.canTransition('draft', 'scheduled')).toBe(false);
  });

  it('retries a failed post through scheduling again', () => {
    expect(postStatusMachine.nextStates('failed')).toEqual(['scheduled', 'draft', 'archived']);
    expect(postStatusMachine.canTransition('failed', 'published')).toBe(false);
  });

  it('archives a published post but never reopens it', () => {
    expect(postStatusMachine.nextStates('published')).toEqual(['archived']);
  });

  it('does not archive posts with a pending decision or job', () => {
    expect(postStatusMachine.canTransition('in_approval', 'archived')).toBe(false);
    expect(postStatusMachine.canTransition('scheduled', 'archived')).toBe(false);
  });

  it('restores from the archive only into idea or draft', () => {
    expect(postStatusMachine.nextStates('archived')).toEqual(['draft', 'idea']);
  });

  it('has no dead end', () => {
    for (const status of POST_STATUSES) expect(postStatusMachine.isFinal(status)).toBe(false);
  });
});

describe('userMayMove', () => {
  it('allows idea ↔ draft, archiving and restoring', () => {
    expect(userMayMove('idea', 'draft')).toBe(true);
    expect(userMayMove('draft', 'idea')).toBe(true);
    expect(userMayMove('draft', 'archived')).toBe(true);
    expect(userMayMove('published', 'archived')).toBe(true);
    expect(userMayMove('archived', 'draft')).toBe(true);
    expect(userMayMove('archived', 'idea')).toBe(true);
  });

  it('leaves approval and publishing moves to their workflows', () => {
    expect(userMayMove('draft', 'in_approval')).toBe(false);
    expect(userMayMove('in_approval', 'approved')).toBe(false);
    expect(userMayMove('approved', 'scheduled')).toBe(false);
    expect(userMayMove('scheduled', 'published')).toBe(false);
    expect(userMovesFrom('scheduled')).toEqual([]);
  });

  it('only lists moves the lifecycle knows', () => {
    for (const from of POST_STATUSES) {
      for (const to of USER_POST_MOVES[from]) expect(postStatusMachine.canTransition(from, to)).toBe(true);
    }
  });

  it('recognises status ids', () => {
    expect(isPostStatus('changes_requested')).toBe(true);
    expect(isPostStatus('Entwurf')).toBe(false);
    expect(isPostStatus(null)).toBe(false);
  });
});
