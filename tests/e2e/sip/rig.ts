/**
 * A real phone system for the browser-softphone tests.
 *
 * `startSipRig()` builds, in a network namespace of its own joined to the host by a veth pair
 * (host 198.51.100.1, namespace 198.51.100.2, or the next free /30 of that documentation range):
 *
 *   - Kamailio, from the documented docs/telephony/kamailio.cfg with the rig's values: SIP over
 *     UDP 5060, WebSocket 8080 (ws://) and 8443 (wss://, throwaway self-signed certificate);
 *     the given staff accounts may register and call, authenticated by digest;
 *   - rtpengine (userspace, docs/telephony/rtpengine.conf), which Kamailio uses to bridge
 *     WebRTC media to plain RTP for numbers on the "trunk";
 *   - the WebRTC patron: baresip, auto-answering with DTLS-SRTP and ICE (PCMU), registered
 *     to Kamailio like any phone; its ctrl_tcp socket tells the test when the call was
 *     established or closed, what DTMF arrived, and lets the patron hang up;
 *   - three SIPp patrons on the plain-SIP side ("the trunk"): one answers with plain RTP and
 *     echoes the audio, one is busy (486), one rings until the caller gives up.
 *
 * Chromium and the app stay on the host; Chromium reaches Kamailio over the veth, which also gives
 * it an interface to gather ICE candidates on. Every daemon runs in the foreground and belongs to
 * the rig; `stop()` ends them and removes the namespace. Namespaces left by a run that died are
 * removed at the next start. The rig needs root and the Debian packages kamailio,
 * kamailio-websocket-modules, kamailio-tls-modules, rtpengine-daemon, baresip-core and
 * sip-tester; `sipRigProblem()` says what is missing.
 *
 * What the tests can count on:
 *
 *   - DTMF reaches `webrtcPatron.digitsReceived()` both as SIP INFO and as RFC 4733 events in
 *     RTP. The patron speaks PCMU: with opus, baresip answers only `telephone-event/8000`, for
 *     which Chromium sends just three end-of-event packets per digit, reported without their key.
 *   - `restartKamailio()` loses every registration, as a real restart does; the browser must
 *     notice, reconnect and register again by itself. JsSIP does so at its first reconnection
 *     attempt, 1 to 2 s after the connection dropped with `connection_recovery_min_interval: 1`
 *     and `connection_recovery_max_interval: 2` (defaults 2 and 30: 2 s, then up to 4, 8, … if
 *     Kamailio is not back yet). baresip is restarted with Kamailio, so the patron is registered
 *     again before the promise resolves.
 *   - Wait on SIP events, never on time: each wait here polls with a deadline.
 */
import { execFileSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBaresipPatron, type BaresipPatron, type RunningPatron } from './baresip';
import type { Daemon, DaemonHome } from './daemon';
import { startKamailio, writeKamailioConfig, type KamailioSettings } from './kamailio';
import { createNamespace, isAlive, removeStaleNamespaces } from './netns';
import { startRtpengine } from './rtpengine';
import { startSippPatron, type SippBehaviour } from './sipp';

export type { BaresipPatron } from './baresip';

export interface SipAccount {
  username: string;
  password: string;
}

export interface SipRig {
  /** Address of the phone system inside the namespace, e.g. 198.51.100.2. */
  address: string;
  /** Kamailio's plain WebSocket, e.g. ws://198.51.100.2:8080. */
  wsUrl: string;
  /** Kamailio's WebSocket over TLS (self-signed: Chromium needs --ignore-certificate-errors). */
  wssUrl: string;
  /** The SIP domain and digest realm staff register to: `sip:USERNAME@${domain}`. */
  domain: string;
  /** Chromium flags calls need: fake microphone, no permission prompt, audio may autoplay. */
  chromiumArgs: string[];
  /** The auto-answering WebRTC patron, registered under its number. */
  webrtcPatron: BaresipPatron;
  /** Answers with plain RTP and echoes the audio; media bridged by rtpengine. */
  plainPatronNumber: string;
  /** Refuses every call with 486 Busy Here. */
  busyPatronNumber: string;
  /** Rings (180) until the caller cancels. */
  noAnswerPatronNumber: string;
  /** How many calls the plain-RTP patron has answered (ACK received) so far. */
  plainPatronCalls(): number;
  /** Stop and start Kamailio: registrations are lost; the baresip patron registers again. */
  restartKamailio(): Promise<void>;
  /** Everything the daemons printed, for failure messages. */
  logs(): string;
  /** End every daemon, remove the namespace and temporary files. Safe to call twice. */
  stop(): Promise<void>;
}

/** Ports inside the namespace (it is the rig's own, so fixed ports never clash). */
const PORTS = {
  sip: 5060,
  ws: 8080,
  wss: 8443,
  rtpengineControl: 2223,
  patronSip: 5070,
  patronControl: 4444,
};

/** Patrons' numbers come from the 555-01xx block kept for fiction. */
const WEBRTC_PATRON_NUMBERS = ['16135550101', '16135550105', '16135550106', '16135550107'];

/** The SIPp patrons on the plain-SIP side ("the trunk"), each on its own ports. */
const TRUNK_PATRONS = [
  { behaviour: 'plain', number: '16135550102', port: 5071, mediaPort: 6000 },
  { behaviour: 'busy', number: '16135550103', port: 5072, mediaPort: 6010 },
  { behaviour: 'no-answer', number: '16135550104', port: 5073, mediaPort: 6020 },
] as const;

const trunkNumber = (behaviour: SippBehaviour): string =>
  TRUNK_PATRONS.find((patron) => patron.behaviour === behaviour)?.number ?? '';

const PROGRAMS = ['ip', 'kamailio', 'rtpengine', 'baresip', 'sipp', 'openssl', 'stdbuf'];
const REQUIRED_FILES = [
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/rtpengine.so',
  '/usr/lib/baresip/modules/dtls_srtp.so',
  '/usr/lib/baresip/modules/ctrl_tcp.so',
];

function findProgram(name: string): string | undefined {
  const directories = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'];
  return directories
    .map((directory) => path.join(directory, name))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** null when the rig can run here; otherwise why not. */
export function sipRigProblem(): string | null {
  if (process.platform !== 'linux') return 'the SIP rig needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the SIP rig needs root (it creates a network namespace)';
  const missing = PROGRAMS.filter((name) => findProgram(name) === undefined);
  if (missing.length > 0) return `the SIP rig needs these programs: ${missing.join(', ')}`;
  const absent = REQUIRED_FILES.filter((file) => !existsSync(file));
  if (absent.length > 0) return `the SIP rig needs these files: ${absent.join(', ')}`;
  return null;
}

/** A throwaway self-signed certificate for Kamailio's WSS listener. */
function makeCertificate(directory: string, address: string): { certificate: string; key: string } {
  const certificate = path.join(directory, 'certificate.pem');
  const key = path.join(directory, 'private-key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-days', '2', '-subj', `/CN=${address}`],
      ...['-addext', `subjectAltName=IP:${address}`, '-keyout', key, '-out', certificate],
    ],
    { stdio: 'pipe' },
  );
  return { certificate, key };
}

/** Temporary directories of earlier runs that died without stopping (named od-sip-PID-…). */
function removeStaleDirectories(): void {
  for (const entry of readdirSync(os.tmpdir())) {
    const match = /^od-sip-(\d+)-/.exec(entry);
    if (match && !isAlive(Number(match[1]))) {
      rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

/** What the daemons printed, and what the SIPp patrons wrote to their error files. */
function collectLogs(home: DaemonHome): string {
  const daemonLogs = home.daemons.map(
    (daemon) => `--- ${daemon.name} (pid ${daemon.pid}) ---\n${daemon.output()}`,
  );
  const sippErrors = readdirSync(home.directory)
    .filter((file) => file.endsWith('-errors.log'))
    .map((file) => `--- ${file} ---\n${readFileSync(path.join(home.directory, file), 'utf8')}`);
  return [...daemonLogs, ...sippErrors].join('\n');
}

/** Start the phone system with these staff accounts. Fails with the daemons' output. */
export async function startSipRig(options: { accounts: SipAccount[] }): Promise<SipRig> {
  const problem = sipRigProblem();
  if (problem !== null) throw new Error(problem);
  removeStaleNamespaces();
  removeStaleDirectories();

  const namespace = createNamespace();
  const { address } = namespace;
  const home: DaemonHome = {
    namespace: namespace.name,
    directory: mkdtempSync(path.join(os.tmpdir(), `od-sip-${process.pid}-`)),
    daemons: [],
  };
  let patron: RunningPatron | undefined;
  let kamailio: Daemon | undefined;

  // If the test process exits without stop(), leave nothing running behind it.
  const emergencyStop = (): void => {
    for (const daemon of home.daemons.filter((running) => !running.exited())) daemon.kill();
    namespace.remove(); // which also kills anything left inside
    rmSync(home.directory, { recursive: true, force: true });
  };
  process.once('exit', emergencyStop);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // baresip would unregister on SIGTERM and wait for answers: no need, the rig goes away.
      await patron?.kill();
      await Promise.all(home.daemons.map((daemon) => daemon.stop()));
      namespace.remove();
      rmSync(home.directory, { recursive: true, force: true });
      process.removeListener('exit', emergencyStop);
    })();
    return stopping;
  };

  try {
    const tls = makeCertificate(home.directory, address);
    const patronPassword = Math.random().toString(36).slice(2);
    await startRtpengine(home, { address, controlPort: PORTS.rtpengineControl });

    const settings: KamailioSettings = {
      address,
      sipPort: PORTS.sip,
      wsPort: PORTS.ws,
      wssPort: PORTS.wss,
      certificate: tls.certificate,
      privateKey: tls.key,
      rtpengineSocket: `udp:127.0.0.1:${PORTS.rtpengineControl}`,
      subscribers: new Map([
        ...options.accounts.map(({ username, password }): [string, string] => [username, password]),
        ...WEBRTC_PATRON_NUMBERS.map((number): [string, string] => [number, patronPassword]),
      ]),
      trunk: new Map(
        TRUNK_PATRONS.map(({ number, port }): [string, string] => [
          number,
          `sip:${address}:${port}`,
        ]),
      ),
    };
    const configFile = writeKamailioConfig(settings, home.directory);
    kamailio = await startKamailio(home, settings, configFile);

    const sipps = await Promise.all(
      TRUNK_PATRONS.map((trunkPatron) => startSippPatron(home, { ...trunkPatron, address })),
    );
    const plainSipp = sipps.find((sipp) => sipp.behaviour === 'plain');

    const runningPatron = await startBaresipPatron(home, {
      address,
      sipPort: PORTS.patronSip,
      controlPort: PORTS.patronControl,
      numbers: WEBRTC_PATRON_NUMBERS,
      password: patronPassword,
    });
    patron = runningPatron;

    return {
      address,
      wsUrl: `ws://${address}:${PORTS.ws}`,
      wssUrl: `wss://${address}:${PORTS.wss}`,
      domain: address,
      chromiumArgs: [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
      ],
      webrtcPatron: runningPatron.patron,
      plainPatronNumber: trunkNumber('plain'),
      busyPatronNumber: trunkNumber('busy'),
      noAnswerPatronNumber: trunkNumber('no-answer'),
      plainPatronCalls: () => plainSipp?.answeredCalls() ?? 0,
      async restartKamailio() {
        // A fresh baresip registers again by itself; telling a running one to re-register
        // (uadel + uanew) raced its own un-REGISTER and left the menu module's commands adrift.
        await runningPatron.kill();
        await kamailio?.stop();
        kamailio = await startKamailio(home, settings, configFile);
        await runningPatron.start();
      },
      logs: () => collectLogs(home),
      stop,
    };
  } catch (error) {
    const output = collectLogs(home);
    await stop();
    throw new Error(`the SIP rig did not start: ${String(error)}\n${output}`);
  }
}
