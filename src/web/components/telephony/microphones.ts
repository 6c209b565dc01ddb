/** The microphones the browser offers, and whether the chosen one can be used. */

export interface Microphone {
  id: string;
  /** Empty until the page has been allowed to use a microphone: the UI names it then. */
  label: string;
}

export type MicrophoneCheck = 'ok' | 'blocked' | 'missing' | 'error';

/** Audio constraints for a chosen microphone; null or empty: the system default. */
export function microphoneConstraints(id: string | null): MediaTrackConstraints | true {
  return id === null || id === '' ? true : { deviceId: { exact: id } };
}

export async function listMicrophones(): Promise<Microphone[]> {
  // Absent outside secure contexts (plain http other than localhost).
  if (!('mediaDevices' in navigator)) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'audioinput')
    .map((device) => ({ id: device.deviceId, label: device.label }));
}

/** Opens the microphone once (asking permission if needed) and closes it again. */
export async function checkMicrophone(id: string | null): Promise<MicrophoneCheck> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: microphoneConstraints(id),
      video: false,
    });
    for (const track of stream.getTracks()) track.stop();
    return 'ok';
  } catch (error) {
    return microphoneProblem(error);
  }
}

/** What a getUserMedia error means for the caller. */
export function microphoneProblem(error: unknown): Exclude<MicrophoneCheck, 'ok'> {
  // Read structurally: older browsers' OverconstrainedError is not a DOMException.
  const name =
    typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
      ? error.name
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'blocked';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    default:
      // NotReadableError (in use elsewhere), AbortError, no mediaDevices at all…
      return 'error';
  }
}
