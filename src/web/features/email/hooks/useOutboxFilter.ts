import { useSearchParams } from 'react-router';
import { OUTBOX_STATES } from '../../../../shared/schemas/email.js';
import type { OutboxFilter } from '../api/outbox';

function stateOf(value: string | null): OutboxFilter['state'] {
  return OUTBOX_STATES.find((state) => state === value);
}

function idOf(value: string | null): number | undefined {
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 ? id : undefined;
}

/** The outbox filter lives in the address, so back, reload and shared links keep it. */
export function useOutboxFilter() {
  const [params, setParams] = useSearchParams();
  const filter: OutboxFilter = {
    state: stateOf(params.get('state')),
    campaignId: idOf(params.get('campaign')),
  };
  const setFilter = (next: OutboxFilter) => {
    const search = new URLSearchParams();
    if (next.state) search.set('state', next.state);
    if (next.campaignId !== undefined) search.set('campaign', String(next.campaignId));
    setParams(search);
  };
  return { filter, setFilter };
}
