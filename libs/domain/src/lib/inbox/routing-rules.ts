import type { InboxCategory, InboxPriority } from './inbox-status';

/**
 * Routing rules (Weiterleitungsregeln) of an organization, evaluated once when an item
 * arrives. A rule matches by keyword in the text or by channel; its targets set category,
 * assignee, department and priority. Rules are read in `position` order and each target is
 * taken from the first matching rule that sets it, so a specific keyword rule placed above a
 * broad channel rule wins the category while the channel rule can still set the assignee.
 */
export type RoutingMatch = { readonly kind: 'keyword'; readonly keyword: string } | { readonly kind: 'channel'; readonly channelId: string };

export interface RoutingRule {
  readonly id: string;
  readonly position: number;
  readonly active: boolean;
  readonly match: RoutingMatch;
  readonly category: InboxCategory | null;
  readonly assigneeUserId: string | null;
  readonly department: string | null;
  readonly priority: InboxPriority | null;
}

export interface RoutingInput {
  readonly text: string;
  readonly channelId: string | null;
}

export interface RoutingOutcome {
  readonly category: InboxCategory | null;
  readonly assigneeUserId: string | null;
  readonly department: string | null;
  readonly priority: InboxPriority | null;
  /** Ids of the rules that set at least one target, in the order they were applied. */
  readonly appliedRuleIds: readonly string[];
}

/** Lower case, umlauts and ß folded, so "Müll" matches "muell" and "MÜLL". */
export function foldForMatching(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * A keyword matches at the start of a word, so "Baustelle" also finds "Baustellen" and
 * "Baustellenampel", but "bau" inside "Umbau" does not fire a rule meant for "Bau…".
 */
export function keywordMatches(keyword: string, text: string): boolean {
  const needle = foldForMatching(keyword.trim());
  if (!needle) return false;
  const haystack = foldForMatching(text);
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    if (from === 0 || !/[\p{L}\p{N}]/u.test(haystack[from - 1])) return true;
    from = haystack.indexOf(needle, from + 1);
  }
  return false;
}

export function ruleMatches(rule: RoutingRule, input: RoutingInput): boolean {
  if (!rule.active) return false;
  if (rule.match.kind === 'channel') return input.channelId !== null && rule.match.channelId === input.channelId;
  return keywordMatches(rule.match.keyword, input.text);
}

export function evaluateRoutingRules(rules: readonly RoutingRule[], input: RoutingInput): RoutingOutcome {
  let category: InboxCategory | null = null;
  let assigneeUserId: string | null = null;
  let department: string | null = null;
  let priority: InboxPriority | null = null;
  const applied: string[] = [];
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  for (const rule of ordered) {
    if (!ruleMatches(rule, input)) continue;
    let used = false;
    if (category === null && rule.category !== null) [category, used] = [rule.category, true];
    if (assigneeUserId === null && rule.assigneeUserId !== null) [assigneeUserId, used] = [rule.assigneeUserId, true];
    if (department === null && rule.department !== null) [department, used] = [rule.department, true];
    if (priority === null && rule.priority !== null) [priority, used] = [rule.priority, true];
    if (used) applied.push(rule.id);
  }
  return { category, assigneeUserId, department, priority, appliedRuleIds: applied };
}
