import { NO_FILTERS, activeFilterCount, planQueryParams, readPlanLocation, sameFilters } from './plan-location';
import { backlogQuery, plannedPostsQuery } from './post-query';

describe('plan location in the URL', () => {
  it('reads view, day, open post and filters from German query parameters', () => {
    const location = readPlanLocation({
      ansicht: 'woche',
      datum: '2026-11-24',
      beitrag: 'p1',
      kanal: 'c1',
      thema: 't1',
      status: 'draft',
      person: 'u1',
      serie: 's1',
    });

    expect(location).toEqual({
      view: 'woche',
      date: '2026-11-24',
      postId: 'p1',
      filters: { channelId: 'c1', topicId: 't1', status: 'draft', responsibleUserId: 'u1', seriesId: 's1' },
    });
  });

  it('falls back to the month view and today for unknown or broken values', () => {
    const location = readPlanLocation({ ansicht: 'jahr', datum: '2026-02-30', status: 'geheim' });

    expect(location.view).toBe('monat');
    expect(location.date).toBeNull();
    expect(location.filters).toEqual(NO_FILTERS);
  });

  it('writes the same parameters back and removes the ones not set', () => {
    const location = readPlanLocation({ ansicht: 'planung', kanal: 'c1' });

    expect(planQueryParams(location)).toEqual({
      ansicht: 'planung',
      datum: null,
      beitrag: null,
      kanal: 'c1',
      thema: null,
      status: null,
      person: null,
      serie: null,
    });
    expect(planQueryParams({ ...location, view: 'monat' })['ansicht']).toBeNull();
  });

  it('tells whether two readings of the URL ask for the same posts', () => {
    const before = readPlanLocation({ kanal: 'c1', status: 'idea' }).filters;
    const withPostOpen = readPlanLocation({ kanal: 'c1', status: 'idea', beitrag: 'p1', datum: '2026-11-24' }).filters;

    expect(sameFilters(before, withPostOpen)).toBe(true);
    expect(sameFilters(before, { ...before, status: 'draft' })).toBe(false);
    expect(sameFilters(before, { ...before, seriesId: 's1' })).toBe(false);
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, status: 'idea', seriesId: 's1' })).toBe(2);
  });
});

describe('filters as API query', () => {
  const range = { from: '2026-10-26T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' };

  it('sends only the filters that are set, with the range', () => {
    expect(plannedPostsQuery({ ...NO_FILTERS, channelId: 'c1', status: 'idea' }, range)).toEqual({
      from: range.from,
      to: range.to,
      channelId: 'c1',
      status: 'idea',
    });
  });

  it('asks the Themenspeicher for unplanned posts under the same filters', () => {
    expect(backlogQuery({ ...NO_FILTERS, topicId: 't1', responsibleUserId: 'u1', seriesId: 's1' })).toEqual({
      unplanned: 'true',
      topicId: 't1',
      responsibleUserId: 'u1',
      seriesId: 's1',
    });
  });
});
