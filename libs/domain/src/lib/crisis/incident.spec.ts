import { endRefusal, incidentMachine, levelChangeRefusal, reviewRefusal } from './incident';
import { crisisLevelLabel, DEFAULT_SHITSTORM_SCALE } from './shitstorm-scale';

describe('incident lifecycle', () => {
  it('goes from declared over active to ended and reviewed, and nowhere back', () => {
    expect(incidentMachine.canTransition('declared', 'active')).toBe(true);
    expect(incidentMachine.canTransition('active', 'ended')).toBe(true);
    expect(incidentMachine.canTransition('ended', 'reviewed')).toBe(true);
    expect(incidentMachine.canTransition('ended', 'active')).toBe(false);
    expect(incidentMachine.isFinal('reviewed')).toBe(true);
  });

  it('changes the level only while open and only to another level', () => {
    expect(levelChangeRefusal('active', 2, 3)).toBeNull();
    expect(levelChangeRefusal('active', 3, 3)).toBe('same_level');
    expect(levelChangeRefusal('ended', 3, 4)).toBe('closed');
  });

  it('refuses to end while the Kommunikationsstopp is active', () => {
    expect(endRefusal('active', true)).toBe('stop_active');
    expect(endRefusal('active', false)).toBeNull();
    expect(endRefusal('reviewed', false)).toBe('closed');
  });

  it('takes the review only after the end', () => {
    expect(reviewRefusal('active')).toBe('not_ended');
    expect(reviewRefusal('ended')).toBeNull();
  });
});

describe('the default scale', () => {
  it('has seven levels from Windstille to Orkan with rising triggers', () => {
    expect(DEFAULT_SHITSTORM_SCALE.map((l) => l.level)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(crisisLevelLabel(0)).toBe('Stufe 0 – Windstille');
    expect(crisisLevelLabel(6)).toBe('Stufe 6 – Orkan');
    const perHour = DEFAULT_SHITSTORM_SCALE.slice(1).map((l) => l.triggers.negativePerHourOnOneChannel ?? 0);
    expect([...perHour].sort((a, b) => a - b)).toEqual(perHour);
    for (const level of DEFAULT_SHITSTORM_SCALE) {
      expect(level.ownChannels.length).toBeGreaterThan(10);
      expect(level.otherMedia.length).toBeGreaterThan(10);
    }
  });
});
