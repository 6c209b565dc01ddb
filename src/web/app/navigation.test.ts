import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { WorkSummary } from '../../shared/schemas/followups.js';
import { badgeFor, navFor } from './navigation';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const summary = (counts: Partial<WorkSummary>): WorkSummary => ({
  myTasks: 0,
  myOverdueTasks: 0,
  teamTasks: 0,
  recurringDue: 0,
  escalationsWaiting: 0,
  urgentWaiting: 0,
  ...counts,
});

describe('navigation badges', () => {
  it('shows my open tasks, and says how many are overdue', () => {
    expect(badgeFor('work', summary({ myTasks: 3 }), t)).toEqual({
      text: '3',
      label: 'nav.badge.tasks {"count":3}',
    });
    expect(badgeFor('work', summary({ myTasks: 3, myOverdueTasks: 1 }), t)).toEqual({
      text: '3 · nav.badge.overdueShort {"count":1}',
      label: 'nav.badge.tasksOverdue {"count":3,"overdue":1}',
    });
  });

  it('shows escalations waiting, urgent ones standing out', () => {
    expect(badgeFor('escalations', summary({ escalationsWaiting: 2 }), t)).toEqual({
      text: '2',
      label: 'nav.badge.waiting {"count":2}',
      urgent: false,
    });
    expect(
      badgeFor('escalations', summary({ escalationsWaiting: 2, urgentWaiting: 1 }), t),
    ).toEqual({
      text: '2 · nav.badge.urgentShort {"count":1}',
      label: 'nav.badge.waitingUrgent {"count":2,"urgent":1}',
      urgent: true,
    });
  });

  it('shows nothing when nothing waits, or before the counts arrive', () => {
    expect(badgeFor('work', summary({ teamTasks: 4 }), t)).toBeUndefined();
    expect(badgeFor('escalations', summary({}), t)).toBeUndefined();
    expect(badgeFor('work', undefined, t)).toBeUndefined();
  });

  it('gives callers their work, the directory and the concerns they raised', () => {
    const paths = navFor('caller', t).map((item) => item.to);
    expect(paths).toEqual([
      '/',
      '/calling',
      '/work',
      '/escalations',
      '/referral-services',
      '/campaigns',
      '/settings',
    ]);
    expect(navFor('viewer', t).map((item) => item.to)).not.toContain('/work');
    expect(navFor('viewer', t).map((item) => item.to)).not.toContain('/escalations');
    expect(navFor('coordinator', t).map((item) => item.to)).toContain('/escalations');
  });

  it('names the escalations after the caller: theirs, with no count waiting', () => {
    const waiting = summary({ escalationsWaiting: 2, urgentWaiting: 1 });
    const mine = navFor('caller', t, waiting).find((item) => item.to === '/escalations');
    expect(mine).toEqual({ to: '/escalations', label: 'nav.escalationsMine', end: false });
    const queue = navFor('coordinator', t, waiting).find((item) => item.to === '/escalations');
    expect(queue?.label).toBe('nav.escalations');
    expect(queue?.badge?.urgent).toBe(true);
  });
});
