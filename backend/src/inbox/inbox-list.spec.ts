import { ProblemException } from '../http/problem.exception';
import { listSummary, type InboxListRow } from './inbox-list';
import { decodeCursor, encodeCursor } from './inbox-list-cursor';
import { inboxListSql } from './inbox-list-sql';

const row: InboxListRow = {
  id: '3f1c2a44-1b2c-4d5e-8f90-123456789abc',
  kind: 'comment',
  channelId: 'c1',
  channelName: 'Mastodon',
  channelPlatform: 'mastodon',
  authorHandle: '@a@social.example',
  authorDisplayName: null,
  text: 'Wann kommt die Biotonne?',
  receivedAt: '2026-03-01T09:30:00.123Z',
  category: 'question',
  priority: 'normal',
  status: 'assigned',
  assigneeUserId: 'u1',
  assigneeDisplayName: 'Erika Muster',
  department: null,
  responseDueAt: '2026-03-02T09:30:00.000Z',
  firstResponseAt: null,
  version: 4,
};
const reader = { organizationId: 'o1', userId: 'u9', role: 'moderator' as const };

describe('Posteingang list', () => {
  it('answers a row in InboxItemSummary’s fields and order', () => {
    expect(JSON.stringify(listSummary(row))).toBe(
      JSON.stringify({
        id: row.id,
        kind: 'comment',
        channel: { id: 'c1', name: 'Mastodon', platform: 'mastodon' },
        authorHandle: '@a@social.example',
        authorDisplayName: null,
        text: 'Wann kommt die Biotonne?',
        receivedAt: '2026-03-01T09:30:00.123Z',
        category: 'question',
        priority: 'normal',
        status: 'assigned',
        assignee: { id: 'u1', displayName: 'Erika Muster' },
        department: null,
        responseDueAt: '2026-03-02T09:30:00.000Z',
        firstResponseAt: null,
        version: 4,
      }),
    );
  });

  it('leaves out a channel the scope cannot see and names an unseen assignee „Unbekannte Person“', () => {
    const summary = listSummary({ ...row, channelName: null, channelPlatform: null, assigneeDisplayName: null });
    expect(summary.channel).toBeNull();
    expect(summary.assignee).toEqual({ id: 'u1', displayName: 'Unbekannte Person' });
    expect(listSummary({ ...row, channelId: null, channelName: null, assigneeUserId: null }).assignee).toBeNull();
  });

  it('reads one row more than asked, the Fachbereich only its items, and pages after the cursor', () => {
    const after = encodeCursor(row);
    const { sql, params } = inboxListSql({ limit: 50, status: 'open', assignee: 'me', after }, { ...reader, role: 'contributor' });
    expect(sql).toContain('i.department_user_id = $2');
    expect(sql).toContain(`i.status IN ('new', 'assigned', 'with_department', 'escalated')`);
    expect(sql).toContain('(i.assignee_user_id = $3 OR i.department_user_id = $3)');
    expect(sql).toContain('(i.received_at, i.id) < ($4::timestamptz, $5::uuid)');
    expect(params).toEqual(['o1', 'u9', 'u9', row.receivedAt, row.id, 51]);
  });

  it('escapes LIKE wildcards in the search text and refuses a forged cursor', () => {
    expect(inboxListSql({ limit: 10, q: '100%_sicher' }, reader).params).toEqual(['o1', '%100\\%\\_sicher%', 11]);
    expect(decodeCursor(encodeCursor(row))).toEqual({ receivedAt: row.receivedAt, id: row.id });
    expect(() => decodeCursor(Buffer.from('gestern|x').toString('base64url'))).toThrow(ProblemException);
  });
});
