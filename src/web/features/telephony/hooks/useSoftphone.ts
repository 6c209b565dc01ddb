import { useEffect, useState } from 'react';
import type { SoftphoneConfig } from '../../../../shared/schemas/telephony.js';
import type { Telephony, TelephonyStatus } from '../../../components/telephony/telephony';
import { useSoftphoneConfig } from './useTelephony';

/** How this staff member places calls on the calling screen right now. */
export type SoftphoneState =
  | { mode: 'loading' }
  /** Links to their own softphone; `reason` says why the built-in one is not used. */
  | {
      mode: 'links';
      reason: Extract<SoftphoneConfig, { available: false }>['reason'] | 'error';
    }
  | {
      mode: 'softphone';
      telephony: Telephony | null;
      status: TelephonyStatus;
      extensionDelaySeconds: number;
    };

/**
 * Registers the built-in softphone while the calling screen is open, when the library uses one
 * and this staff member has an account; stops it (unregisters, hangs up) when the screen closes.
 * The SIP library is loaded only then, so staff on links never download it.
 */
export function useSoftphone(enabled: boolean): SoftphoneState {
  const config = useSoftphoneConfig(enabled);
  const [telephony, setTelephony] = useState<Telephony | null>(null);
  const [status, setStatus] = useState<TelephonyStatus>({ state: 'registering' });
  const available = config.data?.available === true ? config.data : null;

  useEffect(() => {
    if (available === null) return;
    let stopped = false;
    let phone: Telephony | null = null;
    let unsubscribe: () => void = () => undefined;
    void import('../../../components/telephony/softphone').then(({ createSoftphone }) => {
      if (stopped) return;
      phone = createSoftphone(available);
      unsubscribe = phone.onStatus(setStatus);
      setStatus(phone.status());
      setTelephony(phone);
    });
    return () => {
      stopped = true;
      unsubscribe();
      phone?.stop();
      setTelephony(null);
    };
  }, [available]);

  if (!enabled || config.isPending) return { mode: 'loading' };
  if (config.isError) return { mode: 'links', reason: 'error' };
  if (!config.data.available) return { mode: 'links', reason: config.data.reason };
  return {
    mode: 'softphone',
    telephony,
    status: telephony ? status : { state: 'registering' },
    extensionDelaySeconds: config.data.extensionDelaySeconds,
  };
}
