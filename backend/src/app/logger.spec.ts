import { redactTokens } from './logger';

describe('request log redaction', () => {
  it('keeps invitation and calendar subscription tokens out of the log', () => {
    expect(redactTokens('/api/invitations/abcDEF123/accept')).toBe('/api/invitations/[token]/accept');
    expect(redactTokens('/api/calendar/s3cr3t-Token_x.ics?x=1')).toBe('/api/calendar/[token].ics?x=1');
    expect(redactTokens('/api/orgs/1/calendar-feeds')).toBe('/api/orgs/1/calendar-feeds');
  });
});
