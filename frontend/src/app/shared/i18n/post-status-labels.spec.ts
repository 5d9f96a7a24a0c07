import { POST_STATUSES, POST_STATUS_LABELS } from '@amtsplan/domain';
import { de } from './messages.de';
import { postStatusLabelKey } from './post-status-labels';

describe('postStatusLabelKey', () => {
  it('says in German what the domain glossary says', () => {
    for (const status of POST_STATUSES) expect(de[postStatusLabelKey(status)]).toBe(POST_STATUS_LABELS[status]);
  });
});
