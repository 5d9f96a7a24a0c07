import { type ApprovalDecisionInput, awaitingDecisionFrom, type DecideResult, decide, requiredApprovers } from './approval-decision';
import { type ApprovalRoute, type ApprovalStep, defaultApprovalRoute } from './approval-routes';
import {
  type ApprovalPolicy,
  type ApprovalRequestState,
  contentAuthors,
  isApprovedFor,
  openApprovalRequest,
  type OpenApprovalRequestInput,
  voidApprovalRequest,
  withdrawApprovalRequest,
} from './approval-request';

const submittedAt = new Date('2026-05-04T08:00:00Z');
const beforeDue = new Date('2026-05-04T12:00:00Z');
const afterDue = new Date('2026-05-05T09:00:00Z');
const strict: ApprovalPolicy = { allowSelfApproval: false };
const lenient: ApprovalPolicy = { allowSelfApproval: true };

const step = (over: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name: 'Leitung',
  approvers: { kind: 'users', userIds: ['u-leitung'] },
  mode: 'any',
  due: { kind: 'after_submission', hours: 24 },
  ...over,
});
const routeOf = (...steps: ApprovalStep[]): ApprovalRoute => ({ id: 'r', name: 'R', priority: 1, isDefault: false, conditions: { tags: ['x'] }, steps });

function open(over: Partial<OpenApprovalRequestInput> = {}): ApprovalRequestState {
  const result = openApprovalRequest({
    route: defaultApprovalRoute('default'),
    contentHash: 'hash-1',
    authorUserId: 'u-fachbereich',
    submittedByUserId: 'u-fachbereich',
    submitterRole: 'contributor',
    contentEditorUserIds: [],
    membersByRole: { editor: ['u-redaktion', 'u-redaktion-2'], approver: ['u-leitung', 'u-leitung-2'] },
    submittedAt,
    plannedAt: null,
    policy: strict,
    ...over,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.state;
}

const approve = (stepIndex: number, over: Partial<ApprovalDecisionInput> = {}): ApprovalDecisionInput => ({
  kind: 'approve',
  stepIndex,
  contentHash: 'hash-1',
  at: beforeDue,
  ...over,
});

function ok(result: DecideResult): Extract<DecideResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.reason}`);
  return result;
}

function refusal(result: DecideResult): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.code;
}

describe('decide: the happy path through the seeded route', () => {
  it('opens the next step after an any-step and approves after the last', () => {
    const first = ok(decide(open(), approve(0), { userId: 'u-redaktion' }, strict));
    expect(first.stepCompleted).toBe(true);
    expect(first.selfApproval).toBe(false);
    expect(first.state.status).toBe('pending');
    expect(first.state.steps.map((s) => s.status)).toEqual(['approved', 'open']);
    expect(first.decision).toEqual({ userId: 'u-redaktion', kind: 'approve', at: beforeDue, comment: null, asDeputy: false, selfApproval: false });

    const second = ok(decide(first.state, approve(1), { userId: 'u-leitung-2' }, strict));
    expect(second.state.status).toBe('approved');
    expect(second.state.closedAt).toEqual(beforeDue);
    expect(isApprovedFor(second.state, 'hash-1')).toBe(true);
  });

  it('keeps an optional comment, trimmed', () => {
    const result = ok(decide(open(), approve(0, { comment: '  Passt.  ' }), { userId: 'u-redaktion' }, strict));
    expect(result.decision.comment).toBe('Passt.');
  });
});

describe('decide: request changes and reject', () => {
  it('needs a comment to request changes', () => {
    for (const comment of [undefined, null, '', '   ']) {
      expect(refusal(decide(open(), approve(0, { kind: 'request_changes', comment }), { userId: 'u-redaktion' }, strict))).toBe('comment-required');
    }
    const result = ok(decide(open(), approve(0, { kind: 'request_changes', comment: 'Bitte Uhrzeit ergänzen' }), { userId: 'u-redaktion' }, strict));
    expect(result.state.status).toBe('changes_requested');
    expect(result.state.steps.map((s) => s.status)).toEqual(['changes_requested', 'waiting']);
    expect(result.state.closedAt).toEqual(beforeDue);
  });

  it('rejects with or without a comment and ends the request', () => {
    const result = ok(decide(open(), approve(0, { kind: 'reject' }), { userId: 'u-redaktion' }, strict));
    expect(result.state.status).toBe('rejected');
    expect(result.state.steps[0].status).toBe('rejected');
    expect(result.stepCompleted).toBe(true);
  });

  it('ends an all-step at the first change request, whatever others approved', () => {
    const state = open({ route: routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['a', 'b', 'c'] } })) });
    const one = ok(decide(state, approve(0), { userId: 'a' }, strict)).state;
    const two = ok(decide(one, approve(0, { kind: 'request_changes', comment: 'Quelle fehlt' }), { userId: 'b' }, strict));
    expect(two.state.status).toBe('changes_requested');
    expect(refusal(decide(two.state, approve(0), { userId: 'c' }, strict))).toBe('request-closed');
  });

  it('refuses an unknown decision kind', () => {
    expect(refusal(decide(open(), approve(0, { kind: 'maybe' as never }), { userId: 'u-redaktion' }, strict))).toBe('unknown-decision');
  });
});

describe('decide: refusals', () => {
  it('refuses decisions on voided, withdrawn and decided requests', () => {
    const voided = voidApprovalRequest(open(), ['Zeitpunkt geändert'], beforeDue);
    const result = decide(voided, approve(0), { userId: 'u-redaktion' }, strict);
    expect(result).toEqual({ ok: false, code: 'request-closed', reason: 'Über diese Freigabe ist nicht mehr zu entscheiden (Ungültig (Inhalt geändert)).' });
    expect(refusal(decide(withdrawApprovalRequest(open(), beforeDue), approve(0), { userId: 'u-redaktion' }, strict))).toBe('request-closed');
    const done = ok(decide(ok(decide(open(), approve(0), { userId: 'u-redaktion' }, strict)).state, approve(1), { userId: 'u-leitung' }, strict));
    expect(refusal(decide(done.state, approve(1), { userId: 'u-leitung-2' }, strict))).toBe('request-closed');
  });

  it('refuses a decision about other content than the request is bound to', () => {
    expect(refusal(decide(open(), approve(0, { contentHash: 'hash-0' }), { userId: 'u-redaktion' }, strict))).toBe('content-changed');
  });

  it('refuses decisions on a step that is not open', () => {
    expect(refusal(decide(open(), approve(1), { userId: 'u-leitung' }, strict))).toBe('step-not-open');
    expect(refusal(decide(open(), approve(7), { userId: 'u-leitung' }, strict))).toBe('step-not-open');
    expect(refusal(decide(open(), approve(-1), { userId: 'u-leitung' }, strict))).toBe('step-not-open');
    const skipped = open({ submitterRole: 'editor', authorUserId: 'u-redaktion', submittedByUserId: 'u-redaktion' });
    expect(refusal(decide(skipped, approve(0), { userId: 'u-redaktion-2' }, strict))).toBe('step-not-open');
  });

  it('refuses people the step does not name', () => {
    expect(refusal(decide(open(), approve(0), { userId: 'u-leitung' }, strict))).toBe('not-an-approver');
    expect(refusal(decide(open(), approve(0), { userId: 'u-unbekannt' }, strict))).toBe('not-an-approver');
  });

  it('keeps authors, content editors and the submitter out (four-eyes)', () => {
    const state = open({
      route: routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich', 'u-bearbeiter', 'u-einreicher', 'u-leitung'] } })),
      contentEditorUserIds: ['u-bearbeiter'],
      submittedByUserId: 'u-einreicher',
    });
    for (const userId of ['u-fachbereich', 'u-bearbeiter', 'u-einreicher']) {
      for (const kind of ['approve', 'request_changes', 'reject'] as const) {
        expect(refusal(decide(state, approve(0, { kind, comment: 'x' }), { userId }, strict))).toBe('four-eyes');
      }
    }
    expect(ok(decide(state, approve(0), { userId: 'u-leitung' }, strict)).state.status).toBe('approved');
  });

  it('lets nobody decide two steps of one request', () => {
    const state = open({ route: routeOf(step({ approvers: { kind: 'users', userIds: ['a', 'b'] } }), step({ approvers: { kind: 'users', userIds: ['a', 'c'] } })) });
    const after = ok(decide(state, approve(0), { userId: 'a' }, strict)).state;
    const result = decide(after, approve(1), { userId: 'a' }, strict);
    expect(result).toEqual({
      ok: false,
      code: 'decided-other-step',
      reason: 'Sie haben bereits einen anderen Schritt dieser Freigabe entschieden; jeder Schritt braucht eine andere Person.',
    });
    expect(refusal(decide(after, approve(1), { userId: 'a' }, lenient))).toBe('decided-other-step');
    expect(ok(decide(after, approve(1), { userId: 'c' }, strict)).state.status).toBe('approved');
  });

  it('refuses a second decision by the same person in an all-step', () => {
    const state = open({ route: routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['a', 'b'] } })) });
    const after = ok(decide(state, approve(0), { userId: 'a' }, strict)).state;
    expect(refusal(decide(after, approve(0), { userId: 'a' }, strict))).toBe('already-decided');
    expect(refusal(decide(after, approve(0, { kind: 'reject' }), { userId: 'a' }, strict))).toBe('already-decided');
  });
});

describe('decide: self-approval', () => {
  const state = open({ route: routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich', 'u-leitung'] } })) });

  it('is refused unless the organization allows it', () => {
    expect(refusal(decide(state, approve(0), { userId: 'u-fachbereich' }, strict))).toBe('four-eyes');
  });

  it('is flagged for the audit when allowed', () => {
    const result = ok(decide(state, approve(0), { userId: 'u-fachbereich' }, lenient));
    expect(result.selfApproval).toBe(true);
    expect(result.decision.selfApproval).toBe(true);
    expect(result.state.steps[0].decisions[0].selfApproval).toBe(true);
    expect(result.state.status).toBe('approved');
    expect(ok(decide(state, approve(0), { userId: 'u-leitung' }, lenient)).selfApproval).toBe(false);
  });
});

describe('decide: all-steps', () => {
  it('completes when everyone named approved', () => {
    const state = open({ route: routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['a', 'b', 'c'] } })) });
    const one = ok(decide(state, approve(0), { userId: 'b' }, strict));
    expect(one.stepCompleted).toBe(false);
    expect(one.state.steps[0].status).toBe('open');
    const two = ok(decide(one.state, approve(0), { userId: 'a' }, strict));
    expect(two.state.status).toBe('pending');
    const three = ok(decide(two.state, approve(0), { userId: 'c' }, strict));
    expect(three.stepCompleted).toBe(true);
    expect(three.state.status).toBe('approved');
  });

  it('with a role: all members holding the role at submission', () => {
    const route = routeOf(step({ mode: 'all', approvers: { kind: 'role', role: 'approver' } }));
    const state = open({ route, membersByRole: { approver: ['l1', 'l2'] } });
    const one = ok(decide(state, approve(0), { userId: 'l1' }, strict)).state;
    expect(one.status).toBe('pending');
    expect(refusal(decide(one, approve(0), { userId: 'l3' }, strict))).toBe('not-an-approver');
    expect(ok(decide(one, approve(0), { userId: 'l2' }, strict)).state.status).toBe('approved');
  });

  it('does not wait for an author among the people, unless self-approval makes them required', () => {
    const route = routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['u-fachbereich', 'a'] } }));
    const state = open({ route });
    expect(requiredApprovers(state, 0, strict)).toEqual(['a']);
    expect(ok(decide(state, approve(0), { userId: 'a' }, strict)).state.status).toBe('approved');
    expect(requiredApprovers(state, 0, lenient)).toEqual(['a', 'u-fachbereich']);
    const one = ok(decide(state, approve(0), { userId: 'a' }, lenient)).state;
    expect(one.status).toBe('pending');
    expect(ok(decide(one, approve(0), { userId: 'u-fachbereich' }, lenient)).state.status).toBe('approved');
  });
});

describe('decide: deputies', () => {
  const route = routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['a', 'b'] }, deputyUserId: 'd' }), step({ approvers: { kind: 'users', userIds: ['x'] } }));

  it('may decide only once the step is overdue', () => {
    const state = open({ route });
    expect(refusal(decide(state, approve(0), { userId: 'd' }, strict))).toBe('deputy-too-early');
    expect(refusal(decide(state, approve(0, { at: new Date(state.steps[0].dueAt.getTime() - 1) }), { userId: 'd' }, strict))).toBe('deputy-too-early');
    const result = ok(decide(state, approve(0, { at: state.steps[0].dueAt }), { userId: 'd' }, strict));
    expect(result.decision.asDeputy).toBe(true);
  });

  it('stands in for the whole step, also an all-step', () => {
    const state = open({ route });
    const one = ok(decide(state, approve(0), { userId: 'a' }, strict)).state;
    const result = ok(decide(one, approve(0, { at: afterDue }), { userId: 'd' }, strict));
    expect(result.stepCompleted).toBe(true);
    expect(result.state.steps.map((s) => s.status)).toEqual(['approved', 'open']);
  });

  it('may also request changes once overdue, and is still bound by four-eyes', () => {
    const state = open({ route });
    expect(ok(decide(state, approve(0, { at: afterDue, kind: 'request_changes', comment: 'Bitte kürzen' }), { userId: 'd' }, strict)).state.status).toBe(
      'changes_requested',
    );
    const authorDeputy = open({ route, contentEditorUserIds: ['d'] });
    expect(refusal(decide(authorDeputy, approve(0, { at: afterDue }), { userId: 'd' }, strict))).toBe('four-eyes');
  });
});

describe('awaitingDecisionFrom', () => {
  it('lists who may decide the open step now', () => {
    const route = routeOf(step({ mode: 'all', approvers: { kind: 'users', userIds: ['u-fachbereich', 'a', 'b'] }, deputyUserId: 'd' }), step({ approvers: { kind: 'users', userIds: ['a', 'x'] } }));
    const state = open({ route });
    expect(awaitingDecisionFrom(state, strict, beforeDue)).toEqual(['a', 'b']);
    expect(awaitingDecisionFrom(state, strict, afterDue)).toEqual(['a', 'b', 'd']);
    expect(awaitingDecisionFrom(state, lenient, beforeDue)).toEqual(['a', 'b', 'u-fachbereich']);
    const one = ok(decide(state, approve(0), { userId: 'a' }, strict)).state;
    expect(awaitingDecisionFrom(one, strict, beforeDue)).toEqual(['b']);
    const two = ok(decide(one, approve(0), { userId: 'b' }, strict)).state;
    expect(awaitingDecisionFrom(two, strict, beforeDue)).toEqual(['x']);
    expect(awaitingDecisionFrom(voidApprovalRequest(two, [], beforeDue), strict, beforeDue)).toEqual([]);
  });
});

/** A small seeded generator (mulberry32) so the random runs repeat exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('decide: invariants over random decision sequences', () => {
  const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

  it('keeps four-eyes, one step per person, and approves only complete routes', () => {
    const seen = { opened: 0, approved: 0, selfApprovals: 0, deputies: 0, ended: 0 };
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
      const subset = () => people.filter(() => rnd() < 0.4);
      const policy = { allowSelfApproval: rnd() < 0.3 };
      const steps = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
        step({ mode: pick(['any', 'all'] as const), approvers: { kind: 'users', userIds: subset() }, deputyUserId: rnd() < 0.3 ? pick(people) : null }),
      );
      const opened = openApprovalRequest({
        route: routeOf(...steps),
        contentHash: 'h',
        authorUserId: 'p0',
        submittedByUserId: pick(['p0', 'p1']),
        submitterRole: 'editor',
        contentEditorUserIds: rnd() < 0.5 ? ['p2'] : [],
        membersByRole: {},
        submittedAt,
        plannedAt: null,
        policy,
      });
      if (!opened.ok) continue;
      seen.opened++;
      let state = opened.state;
      const authors = contentAuthors(state);
      for (let move = 0; move < 25 && state.status === 'pending'; move++) {
        const decision: ApprovalDecisionInput = {
          kind: rnd() < 0.85 ? 'approve' : pick(['request_changes', 'reject'] as const),
          stepIndex: Math.floor(rnd() * (state.steps.length + 1)),
          contentHash: rnd() < 0.95 ? 'h' : 'other',
          comment: rnd() < 0.8 ? 'Kommentar' : null,
          at: rnd() < 0.5 ? beforeDue : afterDue,
        };
        const result = decide(state, decision, { userId: pick(people) }, policy);
        if (!result.ok) continue;
        expect(decision.contentHash).toBe('h');
        expect(authors.has(result.decision.userId) && !policy.allowSelfApproval).toBe(false);
        expect(result.selfApproval).toBe(authors.has(result.decision.userId));
        if (result.selfApproval) seen.selfApprovals++;
        if (result.decision.asDeputy) seen.deputies++;
        state = result.state;
      }
      const deciders = state.steps.flatMap((s, i) => [...new Set(s.decisions.map((d) => d.userId))].map((u) => [u, i] as const));
      expect(new Set(deciders.map(([u]) => u)).size).toBe(deciders.length);
      if (state.status === 'changes_requested' || state.status === 'rejected') seen.ended++;
      if (state.status === 'approved') {
        seen.approved++;
        expect(isApprovedFor(state, 'h')).toBe(true);
        state.steps.forEach((s, i) => {
          const approvers = new Set(s.decisions.filter((d) => d.kind === 'approve').map((d) => d.userId));
          const byDeputy = s.decisions.some((d) => d.asDeputy);
          if (s.mode === 'all' && !byDeputy) expect(requiredApprovers(state, i, policy).every((u) => approvers.has(u))).toBe(true);
          expect(approvers.size).toBeGreaterThan(0);
        });
      }
    }
    // The generator must reach every kind of outcome, or the run proves little.
    expect(seen.opened).toBeGreaterThan(150);
    for (const count of [seen.approved, seen.selfApprovals, seen.deputies, seen.ended]) expect(count).toBeGreaterThan(5);
  });
});
