import { defineStateMachine, TransitionError } from './state-machine';

describe('defineStateMachine', () => {
  const light = defineStateMachine<'red' | 'green' | 'off'>('light', {
    red: ['green', 'off'],
    green: ['red', 'off'],
    off: [],
  });

  it('allows only the listed transitions', () => {
    expect(light.canTransition('red', 'green')).toBe(true);
    expect(light.canTransition('off', 'red')).toBe(false);
    expect(light.nextStates('green')).toEqual(['red', 'off']);
  });

  it('throws a TransitionError naming the machine and both states', () => {
    expect(() => light.assertTransition('off', 'green')).toThrow(TransitionError);
    expect(() => light.assertTransition('off', 'green')).toThrow('light: transition off → green is not allowed');
  });

  it('knows final states', () => {
    expect(light.isFinal('off')).toBe(true);
    expect(light.isFinal('red')).toBe(false);
  });

  it('rejects a table that points at an unknown state', () => {
    expect(() => defineStateMachine<'a' | 'b'>('broken', { a: ['c' as 'b'], b: [] })).toThrow('unknown target state c');
  });
});
