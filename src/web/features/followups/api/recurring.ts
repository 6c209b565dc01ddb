import type {
  EnrolRecurringCallsInput,
  RecurringCalls,
  UpdateRecurringCallsInput,
} from '../../../../shared/schemas/followups.js';
import { api } from '../../../api/client';

export const enrolRecurringCalls = (input: EnrolRecurringCallsInput) =>
  api.post<RecurringCalls>('/api/recurring-calls', input);

export const updateRecurringCalls = (id: number, input: UpdateRecurringCallsInput) =>
  api.patch<RecurringCalls>(`/api/recurring-calls/${id}`, input);
