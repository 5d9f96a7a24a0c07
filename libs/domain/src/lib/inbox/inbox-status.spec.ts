import { INBOX_STATUSES, inboxStatusMachine, isOpenInboxStatus } from './inbox-status';

describe('inbox item status', () => {
  it('lets every open status be answered, closed or escalated', () => {
    for (const from of ['new', 'assigned', 'with_department'] as const) {
      expect(inboxStatusMachine.canTransition(from, 'answered')).toBe(true);
      expect(inboxStatusMachine.canTransition(from, 'closed_without_reply')).toBe(true);
      expect(inboxStatusMachine.canTransition(from, 'escalated')).toBe(true);
    }
  });

  it('reopens closed items only to assigned, never to new', () => {
    for (const closed of ['answered', 'closed_without_reply', 'hidden'] as const) {
      expect(inboxStatusMachine.nextStates(closed)).toEqual(['assigned']);
      expect(inboxStatusMachine.canTransition(closed, 'new')).toBe(false);
    }
  });

  it('does not let a department item be hidden before comms has looked at it', () => {
    expect(inboxStatusMachine.canTransition('with_department', 'hidden')).toBe(false);
    expect(inboxStatusMachine.canTransition('with_department', 'assigned')).toBe(true);
  });

  it('refuses unknown moves with a TransitionError', () => {
    expect(() => inboxStatusMachine.assertTransition('answered', 'hidden')).toThrow('inbox-item: transition answered → hidden');
  });

  it('counts exactly four statuses as open', () => {
    expect(INBOX_STATUSES.filter(isOpenInboxStatus)).toEqual(['new', 'assigned', 'with_department', 'escalated']);
  });
});
