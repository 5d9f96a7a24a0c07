import { evaluateRoutingRules, keywordMatches, type RoutingRule } from './routing-rules';

function rule(partial: Partial<RoutingRule> & Pick<RoutingRule, 'id' | 'match'>): RoutingRule {
  return { position: 0, active: true, category: null, assigneeUserId: null, department: null, priority: null, ...partial };
}

describe('routing rules', () => {
  it('matches keywords at word starts, ignoring case and umlaut spelling', () => {
    expect(keywordMatches('Müll', 'Wann wird der MUELL abgeholt?')).toBe(true);
    expect(keywordMatches('Baustelle', 'Die Baustellenampel ist kaputt')).toBe(true);
    expect(keywordMatches('bau', 'Der Umbau dauert')).toBe(false);
    expect(keywordMatches('  ', 'irgendwas')).toBe(false);
  });

  it('takes each target from the first matching rule that sets it', () => {
    const rules = [
      rule({ id: 'channel', position: 2, match: { kind: 'channel', channelId: 'ch-1' }, category: 'other', assigneeUserId: 'u-anna' }),
      rule({ id: 'abfall', position: 1, match: { kind: 'keyword', keyword: 'Abfall' }, category: 'question', department: 'Abfallwirtschaft' }),
    ];
    const outcome = evaluateRoutingRules(rules, { text: 'Frage zum Abfallkalender', channelId: 'ch-1' });
    expect(outcome).toEqual({
      category: 'question',
      assigneeUserId: 'u-anna',
      department: 'Abfallwirtschaft',
      priority: null,
      appliedRuleIds: ['abfall', 'channel'],
    });
  });

  it('skips inactive rules and rules of other channels', () => {
    const rules = [
      rule({ id: 'off', match: { kind: 'keyword', keyword: 'Abfall' }, active: false, category: 'spam' }),
      rule({ id: 'other-channel', match: { kind: 'channel', channelId: 'ch-2' }, priority: 'high' }),
    ];
    const outcome = evaluateRoutingRules(rules, { text: 'Abfall', channelId: 'ch-1' });
    expect(outcome.appliedRuleIds).toEqual([]);
    expect(outcome.category).toBeNull();
  });

  it('does not match a channel rule for a manually captured item without channel', () => {
    const rules = [rule({ id: 'c', match: { kind: 'channel', channelId: 'ch-1' }, category: 'praise' })];
    expect(evaluateRoutingRules(rules, { text: 'Danke', channelId: null }).category).toBeNull();
  });
});
