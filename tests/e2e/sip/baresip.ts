import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectControl, type BaresipControl, type BaresipEvent } from './baresip-control';
import { startDaemon, waitForPort, waitUntil, type Daemon, type DaemonHome } from './daemon';

/**
 * The auto-answering WebRTC patron, as tests see it. What it reports is about the current call,
 * or the last one: the first event of a new call forgets the previous call's. Call reset() before
 * placing a call, so that a wait cannot be satisfied by the call before.
 */
export interface BaresipPatron {
  /** The patron's first number. */
  number: string;
  /**
   * Every number the patron answers (one baresip account each): several patrons of a test can
   * have a WebRTC phone without sharing a line, which would make them one household.
   */
  numbers: string[];
  /** When the rig saw the patron's call become established (baresip's CALL_ESTABLISHED). */
  waitForEstablished(timeoutMs?: number): Promise<Date>;
  /** When the rig saw the patron's call end (CALL_CLOSED), and baresip's reason. */
  waitForClosed(timeoutMs?: number): Promise<{ at: Date; reason: string }>;
  /** Hang up from the patron's side. */
  hangUp(): Promise<void>;
  /** DTMF digits the patron received in the call, e.g. "123#" (see rig.ts about RFC 4733). */
  digitsReceived(): string;
  waitForDigits(digits: string, timeoutMs?: number): Promise<void>;
  /** Forget what the patron saw so far. */
  reset(): void;
}

export interface PatronSettings {
  /** Where baresip listens (the namespace's address) and where Kamailio is. */
  address: string;
  sipPort: number;
  controlPort: number;
  numbers: string[];
  password: string;
}

/** The patron plus what only the rig may do with it. */
export interface RunningPatron {
  patron: BaresipPatron;
  /** Kill baresip at once (no unregistering: Kamailio is about to forget it anyway). */
  kill(): Promise<void>;
  /** Start baresip again and wait until it is registered. */
  start(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** An address of record of the patron's; Kamailio answers on the SIP default port, 5060. */
function addressOfRecord(settings: PatronSettings, number: string): string {
  return `sip:${number}@${settings.address}`;
}

/**
 * The account: auto-answer, DTLS-SRTP and ICE like a browser, and PCMU as on an ordinary phone
 * line — which is also where keypad tones sent as RFC 4733 events arrive whole (with opus,
 * baresip reports Chromium's tones without their key).
 */
function accountLine(settings: PatronSettings, number: string): string {
  return (
    `<${addressOfRecord(settings, number)};transport=udp>;auth_pass=${settings.password};` +
    'answermode=auto;mediaenc=dtls_srtp;medianat=ice;audio_codecs=PCMU;regint=3600'
  );
}

/**
 * baresip's config: no terminal UI (menu provides the commands ctrl_tcp runs), a 440 Hz tone as
 * microphone (ausine makes only 48 kHz stereo), received audio dropped (aubridge to no one), and
 * RTP and RTCP on one port as WebRTC requires.
 */
function writeConfig(settings: PatronSettings, directory: string): void {
  const config = [
    'poll_method epoll',
    `sip_listen ${settings.address}:${settings.sipPort}`,
    'call_local_timeout 120',
    'call_max_calls 4',
    'audio_source ausine,440',
    'audio_player aubridge,nowhere',
    'ausrc_srate 48000',
    'ausrc_channels 2',
    'rtcp_mux yes',
    'module_path /usr/lib/baresip/modules',
    ...['stun', 'turn', 'ice', 'dtls_srtp', 'opus', 'g711', 'ausine', 'aubridge'].map(
      (name) => `module ${name}.so`,
    ),
    'module_tmp uuid.so',
    'module_tmp account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen ${settings.address}:${settings.controlPort}`,
  ];
  writeFileSync(path.join(directory, 'config'), `${config.join('\n')}\n`);
  writeFileSync(
    path.join(directory, 'accounts'),
    settings.numbers.map((number) => `${accountLine(settings, number)}\n`).join(''),
  );
}

/**
 * Start baresip (line-buffered, so its log keeps up) with its configuration in the home's
 * directory, connect to its control socket and wait until it is registered.
 */
export async function startBaresipPatron(
  home: DaemonHome,
  settings: PatronSettings,
): Promise<RunningPatron> {
  writeConfig(settings, home.directory);
  let daemon: Daemon | undefined;
  let control: BaresipControl | undefined;
  // Events of the current (or last) call; the first event of a new call starts a new list.
  let events: BaresipEvent[] = [];
  let callId = '';
  const record = (event: BaresipEvent): void => {
    if (event.callId !== '' && event.callId !== callId) {
      callId = event.callId;
      events = [];
    }
    events.push(event);
  };

  const start = async (): Promise<void> => {
    daemon = startDaemon(home, 'baresip', 'stdbuf', ['-oL', 'baresip', '-f', home.directory]);
    await waitForPort(daemon, 'tcp', settings.controlPort, 10_000);
    const connected = await connectControl(settings.address, settings.controlPort, record);
    control = connected;
    await waitUntil(
      async () =>
        ((await connected.command('reginfo')).match(/\[32mOK/g) ?? []).length ===
        settings.numbers.length,
      10_000,
      `baresip patron ${settings.numbers.join(', ')} to register with Kamailio`,
    );
  };
  const command = (name: string): Promise<string> => {
    if (!control) throw new Error('the baresip patron is not running');
    return control.command(name);
  };
  await start();

  const waitForEvent = (type: string, timeoutMs: number): Promise<BaresipEvent> =>
    waitUntil(
      () => events.find((event) => event.type === type),
      timeoutMs,
      `${type} from the baresip patron`,
    );
  const digitsReceived = (): string =>
    events
      .filter((event) => event.type === 'CALL_DTMF_START')
      .map((event) => event.param)
      .join('');

  const patron: BaresipPatron = {
    number: settings.numbers[0] ?? '',
    numbers: settings.numbers,
    async waitForEstablished(timeoutMs = DEFAULT_TIMEOUT_MS) {
      return (await waitForEvent('CALL_ESTABLISHED', timeoutMs)).at;
    },
    async waitForClosed(timeoutMs = DEFAULT_TIMEOUT_MS) {
      const event = await waitForEvent('CALL_CLOSED', timeoutMs);
      return { at: event.at, reason: event.param };
    },
    async hangUp() {
      await command('hangup');
    },
    digitsReceived,
    async waitForDigits(digits, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await waitUntil(
        () => digitsReceived() === digits,
        timeoutMs,
        `the patron to receive DTMF ${digits}`,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}; it received "${digitsReceived()}"`);
      });
    },
    reset() {
      events = [];
    },
  };

  return {
    patron,
    async kill() {
      control?.close();
      control = undefined;
      await daemon?.stop(0);
    },
    start,
  };
}
