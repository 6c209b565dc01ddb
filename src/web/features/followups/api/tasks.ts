import type { EmailTemplate } from '../../../../shared/schemas/email.js';
import type {
  SendTaskEmailInput,
  Task,
  TaskSummary,
  UpdateTaskInput,
} from '../../../../shared/schemas/followups.js';
import { api } from '../../../api/client';

export interface TaskFilter {
  scope: 'mine' | 'team' | 'all';
  status: 'active' | 'closed';
  overdue: boolean;
}

export const listTasks = (filter: TaskFilter, signal: AbortSignal) =>
  api.get<TaskSummary[]>(
    '/api/tasks',
    {
      scope: filter.scope,
      status: filter.status,
      overdue: filter.overdue && filter.status === 'active' ? 'true' : undefined,
    },
    signal,
  );

export const getTask = (id: number, signal: AbortSignal) =>
  api.get<Task>(`/api/tasks/${id}`, undefined, signal);

export const updateTask = (id: number, input: UpdateTaskInput) =>
  api.patch<Task>(`/api/tasks/${id}`, input);

/** Sends the patron the links they asked for; the server closes the task with it. */
export const sendTaskEmail = (id: number, input: SendTaskEmailInput) =>
  api.post<Task>(`/api/tasks/${id}/email`, input);

/** The templates a task's e-mail can use: follow-up ones that are not archived. */
export const listFollowUpTemplates = async (signal: AbortSignal) => {
  const { items } = await api.get<{ items: EmailTemplate[] }>(
    '/api/email/templates',
    undefined,
    signal,
  );
  return items.filter((template) => template.purpose === 'follow_up' && !template.archived);
};
