import { checkHandlerCoverage, JobHandler, JobName } from './queue-registry';

const handler = (job: JobName): JobHandler => ({ job, handle: async () => undefined });

describe('checkHandlerCoverage', () => {
  it('accepts exactly one handler per job', () => {
    expect(checkHandlerCoverage(Object.values(JobName).map(handler))).toEqual([]);
  });

  it('reports missing and duplicate handlers', () => {
    const problems = checkHandlerCoverage([handler(JobName.InvitationMail), handler(JobName.InvitationMail)]);
    expect(problems).toContain('invitation-mail: 2 handlers');
    expect(problems).toContain('purge-expired-sessions: 0 handlers');
  });
});
