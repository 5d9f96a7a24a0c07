import {
  PERSON_PUBLICATION_MOVES,
  personMayMovePublication,
  publicationMachine,
  publicationStatusAfter,
  PUBLICATION_STATUS_LABELS,
  PUBLICATION_STATUSES,
  postStatusAfterPublications,
  publishBlockers,
  type PublishFacts,
  statusAfterInterruption,
} from './publication-status';

describe('publication of one channel', () => {
  it('has a German label for every status', () => {
    expect(Object.keys(PUBLICATION_STATUS_LABELS)).toEqual([...PUBLICATION_STATUSES]);
    expect(PUBLICATION_STATUS_LABELS.unconfirmed).toBe('Unbestätigt');
    expect(PUBLICATION_STATUS_LABELS.missed).toBe('Verpasst');
  });

  it('walks pending → publishing → published, and published is final', () => {
    expect(publicationMachine.canTransition('pending', 'publishing')).toBe(true);
    expect(publicationMachine.canTransition('publishing', 'published')).toBe(true);
    expect(publicationMachine.isFinal('published')).toBe(true);
  });

  it('never sends an unconfirmed or missed publication again without a person', () => {
    expect(publicationMachine.canTransition('unconfirmed', 'pending')).toBe(false);
    expect(publicationMachine.canTransition('unconfirmed', 'publishing')).toBe(false);
    expect(publicationMachine.canTransition('missed', 'publishing')).toBe(false);
    expect(publicationMachine.canTransition('failed', 'publishing')).toBe(false);
    expect(publicationMachine.canTransition('publishing', 'publishing')).toBe(false);
  });

  it('maps attempt outcomes to statuses', () => {
    expect(publicationStatusAfter('published')).toBe('published');
    expect(publicationStatusAfter('failed_retryable')).toBe('pending');
    expect(publicationStatusAfter('failed_permanent')).toBe('failed');
    expect(publicationStatusAfter('unknown')).toBe('unconfirmed');
    for (const outcome of ['published', 'failed_retryable', 'failed_permanent', 'unknown'] as const) {
      expect(publicationMachine.canTransition('publishing', publicationStatusAfter(outcome))).toBe(true);
    }
  });

  it('turns an attempt cut off by a crash into unconfirmed, and leaves the rest alone', () => {
    expect(statusAfterInterruption('publishing')).toBe('unconfirmed');
    for (const status of PUBLICATION_STATUSES.filter((s) => s !== 'publishing')) expect(statusAfterInterruption(status)).toBe(status);
    expect(publicationMachine.canTransition('publishing', statusAfterInterruption('publishing'))).toBe(true);
  });

  it('lets a person confirm, retry or publish late', () => {
    expect(personMayMovePublication('unconfirmed', 'published')).toBe(true);
    expect(personMayMovePublication('unconfirmed', 'failed')).toBe(true);
    expect(personMayMovePublication('missed', 'pending')).toBe(true);
    expect(personMayMovePublication('missed', 'published')).toBe(true);
    expect(personMayMovePublication('failed', 'pending')).toBe(true);
    expect(personMayMovePublication('pending', 'published')).toBe(true);
  });

  it('leaves the publisher moves to the publisher', () => {
    expect(personMayMovePublication('pending', 'publishing')).toBe(false);
    expect(personMayMovePublication('publishing', 'published')).toBe(false);
    expect(personMayMovePublication('pending', 'missed')).toBe(false);
    expect(personMayMovePublication('published', 'pending')).toBe(false);
  });

  it('hands a channel without API connection to a person, who confirms or gives up', () => {
    expect(publicationMachine.canTransition('publishing', 'manual_due')).toBe(true);
    expect(personMayMovePublication('manual_due', 'published')).toBe(true);
    expect(personMayMovePublication('manual_due', 'failed')).toBe(true);
    expect(publicationMachine.canTransition('manual_due', 'publishing')).toBe(false);
    expect(publicationMachine.canTransition('manual_due', 'pending')).toBe(false);
    expect(personMayMovePublication('missed', 'failed')).toBe(true);
    expect(PUBLICATION_STATUS_LABELS.manual_due).toBe('Jetzt veröffentlichen');
  });

  it('only lists person moves the machine knows', () => {
    for (const from of PUBLICATION_STATUSES) {
      for (const to of PERSON_PUBLICATION_MOVES[from]) expect(publicationMachine.canTransition(from, to)).toBe(true);
    }
  });
});

describe('postStatusAfterPublications', () => {
  it('publishes the post only when every channel went out', () => {
    expect(postStatusAfterPublications(['published', 'published'])).toBe('published');
    expect(postStatusAfterPublications(['published', 'manual_due'])).toBe('scheduled');
  });

  it('fails the post only when every channel is settled and one failed', () => {
    expect(postStatusAfterPublications(['published', 'failed'])).toBe('failed');
    expect(postStatusAfterPublications(['failed'])).toBe('failed');
    for (const open of ['pending', 'publishing', 'unconfirmed', 'missed', 'manual_due'] as const) {
      expect(postStatusAfterPublications(['failed', open])).toBe('scheduled');
    }
  });

  it('keeps a post without publications scheduled', () => {
    expect(postStatusAfterPublications([])).toBe('scheduled');
  });
});

describe('publishBlockers', () => {
  const planned = new Date('2026-05-04T10:00:00Z');
  const facts = (over: Partial<PublishFacts> = {}): PublishFacts => ({
    approvedContentHash: 'h1',
    currentContentHash: 'h1',
    communicationStop: false,
    plannedAt: planned,
    now: new Date('2026-05-04T10:00:05Z'),
    ...over,
  });
  const codes = (over: Partial<PublishFacts>) => publishBlockers(facts(over)).map((b) => b.code);

  it('lets an approved, due, unchanged post through', () => {
    expect(publishBlockers(facts())).toEqual([]);
    expect(codes({ now: planned })).toEqual([]);
  });

  it('blocks without approval or after a change', () => {
    expect(publishBlockers(facts({ approvedContentHash: null }))).toEqual([{ code: 'approval-missing', message: 'Freigabe fehlt.' }]);
    expect(codes({ currentContentHash: 'h2' })).toEqual(['content-changed']);
  });

  it('blocks everything during a Kommunikationsstopp', () => {
    expect(codes({ communicationStop: true })).toEqual(['communication-stop']);
    expect(codes({ communicationStop: true, approvedContentHash: null })).toEqual(['approval-missing', 'communication-stop']);
  });

  it('blocks before the time and without a time', () => {
    expect(codes({ now: new Date('2026-05-04T09:59:59Z') })).toEqual(['not-due']);
    expect(codes({ plannedAt: null })).toEqual(['not-planned']);
  });

  it('blocks a missed post until a person confirms', () => {
    const late = new Date('2026-05-04T12:00:01Z');
    expect(publishBlockers(facts({ now: late }))).toEqual([
      { code: 'missed', message: 'Verpasst: mehr als 2 Stunden nach dem geplanten Zeitpunkt. Veröffentlichen nur nach Bestätigung durch eine Person.' },
    ]);
    expect(codes({ now: late, lateConfirmed: true })).toEqual([]);
    expect(codes({ now: new Date('2026-05-04T12:00:00Z') })).toEqual([]);
    expect(publishBlockers(facts({ now: new Date('2026-05-04T10:31:00Z'), toleranceMs: 30 * 60_000 }))[0].message).toContain('mehr als 30 Minuten');
    expect(publishBlockers(facts({ now: late, toleranceMs: 60 * 60_000 }))[0].message).toContain('mehr als 1 Stunde');
  });

  it('still blocks a late-confirmed post that lacks approval', () => {
    expect(codes({ now: new Date('2026-05-05T10:00:00Z'), lateConfirmed: true, currentContentHash: 'h2' })).toEqual(['content-changed']);
  });
});
