import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { ANY_ORGANIZATION, NotificationFeed } from '../notifications/notification-feed';
import { PLAN_REFRESH_INTERVAL_MS, followPlanChanges } from './plan-live-updates';

@Component({ selector: 'amt-test-plan', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class OpenPlan {
  readonly organization = signal('org-1');
  readonly dragging = signal(false);
  refreshes = 0;

  constructor() {
    followPlanChanges({ organizationId: this.organization, held: this.dragging, refresh: () => this.refreshes++ });
  }
}

describe('followPlanChanges', () => {
  let planChanges: Subject<string>;

  beforeEach(() => {
    jest.useFakeTimers();
    planChanges = new Subject<string>();
    const feed: Partial<NotificationFeed> = { planChanges };
    TestBed.configureTestingModule({ imports: [OpenPlan], providers: [{ provide: NotificationFeed, useValue: feed }] });
  });

  afterEach(() => jest.useRealTimers());

  function openPlan() {
    const fixture = TestBed.createComponent(OpenPlan);
    fixture.detectChanges();
    const plan = fixture.componentInstance;
    const settle = () => {
      fixture.detectChanges();
      TestBed.tick();
    };
    return { fixture, plan, settle };
  }

  it("reads the plan again on its organization's changes and after a reconnect, not on other organizations'", () => {
    const { plan, settle } = openPlan();
    planChanges.next('org-2');
    settle();
    expect(plan.refreshes).toBe(0);

    planChanges.next('org-1');
    settle();
    expect(plan.refreshes).toBe(1);

    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    planChanges.next(ANY_ORGANIZATION);
    settle();
    expect(plan.refreshes).toBe(2);

    plan.organization.set('org-2');
    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    planChanges.next('org-1');
    settle();
    expect(plan.refreshes).toBe(2);
  });

  it('reads at most once a second; a change within the second is read at its end', () => {
    const { plan, settle } = openPlan();
    planChanges.next('org-1');
    planChanges.next('org-1');
    planChanges.next(ANY_ORGANIZATION);
    settle();
    expect(plan.refreshes).toBe(1);

    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    settle();
    expect(plan.refreshes).toBe(2);
    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    settle();
    expect(plan.refreshes).toBe(2);
  });

  it('holds a change while a post is dragged and reads it once after the drop', () => {
    const { plan, settle } = openPlan();
    plan.dragging.set(true);
    planChanges.next('org-1');
    settle();
    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    planChanges.next('org-1');
    settle();
    expect(plan.refreshes).toBe(0);

    plan.dragging.set(false);
    settle();
    expect(plan.refreshes).toBe(1);
    jest.advanceTimersByTime(PLAN_REFRESH_INTERVAL_MS);
    settle();
    expect(plan.refreshes).toBe(1);
  });

  it('stops with the page', () => {
    const { fixture, plan } = openPlan();
    fixture.destroy();
    planChanges.next('org-1');
    TestBed.tick();
    expect(plan.refreshes).toBe(0);
  });
});
