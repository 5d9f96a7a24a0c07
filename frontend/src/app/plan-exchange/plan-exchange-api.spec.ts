import { planExportUrl } from './plan-exchange-api';

describe('the export link', () => {
  it('carries the format first and then the range and filters that are set', () => {
    const url = planExportUrl('org 1', 'csv', { from: '2026-11-29T23:00:00.000Z', to: '2027-01-10T23:00:00.000Z', channelId: 'c1', topicId: undefined });
    expect(url).toBe('/api/orgs/org%201/plan-export?format=csv&from=2026-11-29T23:00:00.000Z&to=2027-01-10T23:00:00.000Z&channelId=c1');
  });
});
