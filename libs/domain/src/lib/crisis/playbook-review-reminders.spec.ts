import { playbookReviewReminders } from './playbook-review-reminders';

describe('playbookReviewReminders', () => {
  it('reminds a week ahead and on the review day', () => {
    expect(playbookReviewReminders('2027-03-10', '2027-01-01')).toEqual([
      { kind: 'review_soon', on: '2027-03-03' },
      { kind: 'review_due', on: '2027-03-10' },
    ]);
  });

  it('leaves out days already past, and has nothing without a review date', () => {
    expect(playbookReviewReminders('2027-03-10', '2027-03-04')).toEqual([{ kind: 'review_due', on: '2027-03-10' }]);
    expect(playbookReviewReminders('2027-03-10', '2027-03-10')).toEqual([{ kind: 'review_due', on: '2027-03-10' }]);
    expect(playbookReviewReminders('2027-03-10', '2027-03-11')).toEqual([]);
    expect(playbookReviewReminders(null, '2027-03-11')).toEqual([]);
  });
});
