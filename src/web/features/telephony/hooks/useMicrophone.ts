import { useCallback, useEffect, useState } from 'react';
import {
  checkMicrophone,
  listMicrophones,
  type Microphone,
  type MicrophoneCheck,
} from '../../../components/telephony/microphones';

/** The microphone chosen on this browser (a device id), kept between visits. */
const MICROPHONE_KEY = 'outreach-desk.softphone.microphone';

export interface MicrophoneChoice {
  microphones: Microphone[];
  /** The chosen device id; null: the system default. */
  selected: string | null;
  choose: (id: string | null) => void;
  /** Whether the chosen microphone can be used; null while checking. */
  check: MicrophoneCheck | null;
  recheck: () => void;
}

/** Checks the microphone once the softphone is ready, and again when another is chosen. */
export function useMicrophone(active: boolean): MicrophoneChoice {
  const [microphones, setMicrophones] = useState<Microphone[]>([]);
  const [selected, setSelected] = useState<string | null>(() =>
    window.localStorage.getItem(MICROPHONE_KEY),
  );
  const [check, setCheck] = useState<MicrophoneCheck | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!active) return;
    let current = true;
    void checkMicrophone(selected).then(async (result) => {
      // Labels are only given once the page may use a microphone: list them after the check.
      const found = await listMicrophones().catch(() => []);
      if (!current) return;
      setCheck(result);
      setMicrophones(found);
    });
    return () => {
      current = false;
    };
  }, [active, selected, round]);

  const choose = useCallback((id: string | null) => {
    if (id === null) window.localStorage.removeItem(MICROPHONE_KEY);
    else window.localStorage.setItem(MICROPHONE_KEY, id);
    setSelected(id);
  }, []);
  const recheck = useCallback(() => setRound((n) => n + 1), []);

  return { microphones, selected, choose, check, recheck };
}
