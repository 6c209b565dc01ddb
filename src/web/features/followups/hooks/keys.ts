import type { EscalationStatusFilter } from '../api/escalations';
import type { TaskFilter } from '../api/tasks';
import type { RecurringScope, RecurringStatus } from '../api/work';

export const followUpKeys = {
  all: ['followups'] as const,
  summary: ['followups', 'summary'] as const,
  tasks: ['followups', 'tasks'] as const,
  taskList: (filter: TaskFilter) => ['followups', 'tasks', 'list', filter] as const,
  task: (id: number) => ['followups', 'tasks', id] as const,
  templates: ['followups', 'templates'] as const,
  escalations: ['followups', 'escalations'] as const,
  escalationList: (status: EscalationStatusFilter) =>
    ['followups', 'escalations', 'list', status] as const,
  escalation: (id: number) => ['followups', 'escalations', id] as const,
  directory: ['followups', 'directory'] as const,
  directoryList: (includeArchived: boolean) =>
    ['followups', 'directory', { includeArchived }] as const,
  recurring: (scope: RecurringScope, status: RecurringStatus) =>
    ['followups', 'recurring', scope, status] as const,
  teams: ['followups', 'teams'] as const,
  callbacks: ['followups', 'callbacks'] as const,
  staff: ['followups', 'staff'] as const,
};
