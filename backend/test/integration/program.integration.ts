import type { CurriculumView } from '@amtsplan/contracts';
import { startTestApp, TestApp } from '../support/test-app';

// Redis database 0 is shared with another file; integration files run one after another and each empties its database first.
describe('learning program content', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('program', 0);
  });
  afterAll(() => app.close());

  it('serves the checked curriculum to any signed-in person, the same for every authority', async () => {
    for (const email of ['lesen@musterstadt.example', 'admin@landkreis-beispiel.example']) {
      const client = await app.as(email);
      const response = await client.get<CurriculumView>('/api/program/curriculum');
      expect(response.status).toBe(200);
      expect(response.body.version).toBe('2027.1');
      expect(response.body.weeks.map((week) => week.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(response.body.weeks[2]!.title).toBe('Redaktionsplan und Themen');
      expect(response.body.weeks[2]!.impulse).toContain('zwei bis vier Wochen vorausplant');
    }
  });
});
