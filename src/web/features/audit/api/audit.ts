import { api } from '../../../api/client';

/** One audit log entry as the API gives it. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
  details: unknown;
  ip: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries(offset: number, signal: AbortSignal) {
  return api.get<{ items: AuditEntry[]; total: number }>(
    '/api/audit',
    { limit: AUDIT_PAGE_SIZE, offset },
    signal,
  );
}
