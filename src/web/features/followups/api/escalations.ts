import type { Escalation, EscalationSummary } from '../../../../shared/schemas/followups.js';
import { api } from '../../../api/client';

export type EscalationStatusFilter = 'active' | 'closed';

export const listEscalations = (status: EscalationStatusFilter, signal: AbortSignal) =>
  api.get<EscalationSummary[]>('/api/escalations', { status }, signal);

export const getEscalation = (id: number, signal: AbortSignal) =>
  api.get<Escalation>(`/api/escalations/${id}`, undefined, signal);

export type EscalationStep = 'acknowledge' | 'actions' | 'close' | 'reopen';

/** Acknowledge, record an action, close (text: the resolution) or reopen. */
export const actOnEscalation = (id: number, step: EscalationStep, text: string) =>
  api.post<Escalation>(
    `/api/escalations/${id}/${step}`,
    step === 'close' ? { resolution: text } : { text },
  );
