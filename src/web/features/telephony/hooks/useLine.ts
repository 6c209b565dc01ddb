import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActiveCall, Telephony } from '../../../components/telephony/telephony';
import { dial as askToDial } from '../api/telephony';
import { dialling, IDLE_LINE, isLive, onLineEvent, type LineState } from '../components/line';

export interface Line {
  state: LineState;
  /** Asks the server, then places the call; does nothing while a call is up. */
  dial: (e164: string) => void;
  hangUp: () => void;
  toggleMute: () => void;
  sendDigits: (digits: string) => void;
  /** Sends the number's extension now (it is also sent by itself after the answer). */
  sendExtension: () => void;
  /** The server refused the dial (claim lost, outside calling hours…): its error. */
  refusal: unknown;
}

export interface LineOptions {
  telephony: Telephony | null;
  claim: { claimId: number; token: string };
  microphoneId: string | null;
  extensionDelaySeconds: number;
  /** Called with each change the line reports (to announce it, to suggest the outcome). */
  onChange?: (line: LineState) => void;
}

/**
 * One patron card's softphone line. The server checks every dial (claim held, calling hours,
 * the number is the patron's) before the number goes to the phone system. The extension is
 * dialled by itself once the line answers, after the library's delay.
 */
export function useLine({
  telephony,
  claim,
  microphoneId,
  extensionDelaySeconds,
  onChange,
}: LineOptions): Line {
  const [state, setState] = useState<LineState>(IDLE_LINE);
  const [refusal, setRefusal] = useState<unknown>(null);
  const active = useRef<ActiveCall | null>(null);
  // The line as the event handlers last left it (they run outside React's renders).
  const latest = useRef(IDLE_LINE);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  const update = useCallback((next: LineState, report = false) => {
    latest.current = next;
    setState(next);
    if (report) changed.current?.(next);
  }, []);

  const sendDigits = useCallback(
    (digits: string) => {
      if (latest.current.phase !== 'answered' || !active.current) return;
      active.current.sendDigits(digits);
      update({ ...latest.current, digitsSent: latest.current.digitsSent + digits });
    },
    [update],
  );

  const sendExtension = useCallback(() => {
    const extension = latest.current.extension;
    if (extension !== null && !latest.current.digitsSent.includes(extension)) sendDigits(extension);
  }, [sendDigits]);

  // The extension goes by itself once the line has answered and the greeting has had its delay.
  const answeredWithExtension = state.phase === 'answered' && state.extension !== null;
  useEffect(() => {
    if (!answeredWithExtension) return;
    const timer = window.setTimeout(sendExtension, extensionDelaySeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [answeredWithExtension, extensionDelaySeconds, sendExtension]);

  // Leaving the card (saved, skipped, lost) hangs up whatever is still up.
  useEffect(
    () => () => {
      active.current?.hangUp();
      active.current = null;
    },
    [],
  );

  const dial = useCallback(
    (e164: string) => {
      if (!telephony?.call || isLive(latest.current)) return;
      const call = telephony.call.bind(telephony);
      setRefusal(null);
      const before = latest.current;
      update(dialling(before, e164, null, new Date()), true);
      askToDial(claim.claimId, { token: claim.token, e164 })
        .then((target) => {
          update({ ...latest.current, extension: target.extension });
          active.current = call(target.target, {
            // Sent by this hook after the answer, so the screen can show it.
            extension: null,
            microphoneId,
            onEvent: (event) => {
              if (event.type === 'ended' || event.type === 'failed') active.current = null;
              update(onLineEvent(latest.current, event), true);
            },
          });
        })
        .catch((error: unknown) => {
          // Nothing reached the line: the card keeps what the last real call said.
          active.current = null;
          setRefusal(error);
          update({ ...before, problem: 'refused' });
        });
    },
    [telephony, claim.claimId, claim.token, microphoneId, update],
  );

  const hangUp = useCallback(() => active.current?.hangUp(), []);
  const toggleMute = useCallback(() => {
    if (!active.current) return;
    const muted = !latest.current.muted;
    active.current.mute(muted);
    update({ ...latest.current, muted });
  }, [update]);

  return { state, dial, hangUp, toggleMute, sendDigits, sendExtension, refusal };
}
