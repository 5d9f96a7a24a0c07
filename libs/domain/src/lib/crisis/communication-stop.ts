/**
 * Lifting the Kommunikationsstopp: every post that became due while it was active (paused,
 * overdue) needs a decision — publish now, re-plan for a new time, or leave paused. A bulk
 * decision covers every post without its own; without one, every paused post needs its own.
 */
export const LIFT_DECISIONS = ['publish_now', 'replan', 'leave_paused'] as const;
export type LiftDecisionKind = (typeof LIFT_DECISIONS)[number];

export const LIFT_DECISION_LABELS: { readonly [K in LiftDecisionKind]: string } = {
  publish_now: 'Jetzt veröffentlichen',
  replan: 'Neu planen',
  leave_paused: 'Pausiert lassen',
};

export interface LiftDecisionInput {
  readonly postId: string;
  readonly decision: LiftDecisionKind;
  /** Required for `replan`: the new time, in the future. */
  readonly plannedAt?: Date | null;
}

export interface BulkLiftDecision {
  readonly decision: LiftDecisionKind;
  readonly plannedAt?: Date | null;
}

export interface ResolvedLiftDecision {
  readonly postId: string;
  readonly decision: LiftDecisionKind;
  readonly plannedAt: Date | null;
}

export interface LiftProblem {
  readonly path: string;
  readonly message: string;
}

export function resolveLiftDecisions(
  pausedPostIds: readonly string[],
  decisions: readonly LiftDecisionInput[],
  bulk: BulkLiftDecision | null,
  now: Date,
): { resolved: ResolvedLiftDecision[]; problems: LiftProblem[] } {
  const problems: LiftProblem[] = [];
  const paused = new Set(pausedPostIds);
  const own = new Map<string, LiftDecisionInput>();
  decisions.forEach((d, i) => {
    if (!paused.has(d.postId)) problems.push({ path: `decisions.${i}.postId`, message: 'Dieser Beitrag ist nicht pausiert.' });
    else if (own.has(d.postId)) problems.push({ path: `decisions.${i}.postId`, message: 'Für diesen Beitrag gibt es bereits eine Entscheidung.' });
    else own.set(d.postId, d);
  });
  const resolved: ResolvedLiftDecision[] = [];
  pausedPostIds.forEach((postId) => {
    const chosen = own.get(postId) ?? bulk;
    if (!chosen) {
      problems.push({ path: 'decisions', message: 'Für jeden pausierten Beitrag ist eine Entscheidung nötig.' });
      return;
    }
    const plannedAt = chosen.plannedAt ?? null;
    if (chosen.decision === 'replan') {
      const index = decisions.findIndex((d) => d.postId === postId);
      const path = index >= 0 ? `decisions.${index}.plannedAt` : 'bulk.plannedAt';
      if (!plannedAt) problems.push({ path, message: 'Bitte einen neuen Zeitpunkt angeben.' });
      else if (plannedAt.getTime() <= now.getTime()) problems.push({ path, message: 'Der neue Zeitpunkt muss in der Zukunft liegen.' });
    }
    resolved.push({ postId, decision: chosen.decision, plannedAt: chosen.decision === 'replan' ? plannedAt : null });
  });
  return { resolved, problems: dedupe(problems) };
}

function dedupe(problems: LiftProblem[]): LiftProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
