import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SendTaskEmailInput,
  Task,
  UpdateTaskInput,
} from '../../../../shared/schemas/followups.js';
import {
  getTask,
  listFollowUpTemplates,
  listTasks,
  sendTaskEmail,
  updateTask,
  type TaskFilter,
} from '../api/tasks';
import { followUpKeys } from './keys';

export function useTaskList(filter: TaskFilter) {
  return useQuery({
    queryKey: followUpKeys.taskList(filter),
    queryFn: ({ signal }) => listTasks(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: followUpKeys.task(id),
    queryFn: ({ signal }) => getTask(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useFollowUpTemplates(enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.templates,
    queryFn: ({ signal }) => listFollowUpTemplates(signal),
    enabled,
    staleTime: 30_000,
  });
}

/** Keeps the task's page and every list (and the navigation's counts) in step after a change. */
function useTaskSaved() {
  const queryClient = useQueryClient();
  return async (task: Task) => {
    queryClient.setQueryData(followUpKeys.task(task.id), task);
    await queryClient.invalidateQueries({
      queryKey: followUpKeys.all,
      predicate: (query) => query.queryKey[2] !== task.id,
    });
  };
}

export function useUpdateTask() {
  const saved = useTaskSaved();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateTaskInput }) => updateTask(id, input),
    onSuccess: saved,
  });
}

export function useSendTaskEmail() {
  const saved = useTaskSaved();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: SendTaskEmailInput }) =>
      sendTaskEmail(id, input),
    onSuccess: saved,
  });
}
