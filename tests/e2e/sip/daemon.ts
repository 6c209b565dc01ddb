import { spawn } from 'node:child_process';
import { readFileSync, readlinkSync, statSync } from 'node:fs';

/** Keep at most this much of each daemon's output: enough to see why something failed. */
const KEPT_OUTPUT_CHARS = 400_000;

/** A program the rig started in the foreground and owns until it stops it. */
export interface Daemon {
  name: string;
  pid: number;
  /** The network namespace it runs in. */
  namespace: string;
  /** What it printed so far (stdout and stderr interleaved, possibly cut at the front). */
  output(): string;
  /** Whether it has exited (or was stopped). */
  exited(): boolean;
  /**
   * SIGTERM, then SIGKILL if it is still there after `graceMs` (0: SIGKILL at once); then SIGKILL
   * to whatever of its process group is left (Kamailio's children). Safe to call twice.
   */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to its whole process group, at once and synchronously (for exit handlers). */
  kill(): void;
}

/** Where the rig's daemons run, and the list of every one started. */
export interface DaemonHome {
  namespace: string;
  /** Their working directory: relative files (and any core dump) land there. */
  directory: string;
  /** Every daemon started, at once, so none is left running if starting fails half-way. */
  daemons: Daemon[];
}

/**
 * Start `command` in the home's network namespace (via `ip netns exec`, which execs the program,
 * so the child's PID is the daemon's own) in a process group of its own, and add it to the home's
 * list. Output is kept for logs.
 */
export function startDaemon(
  home: DaemonHome,
  name: string,
  command: string,
  args: string[],
): Daemon {
  const { namespace } = home;
  const child = spawn('ip', ['netns', 'exec', namespace, command, ...args], {
    cwd: home.directory,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let hasExited = false;
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > KEPT_OUTPUT_CHARS) output = output.slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exit = new Promise<void>((resolve) => {
    const exited = (): void => {
      hasExited = true;
      resolve();
    };
    child.on('exit', exited);
    child.on('error', (error) => {
      append(Buffer.from(`${error.message}\n`));
      exited();
    });
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The whole group is gone.
    }
  };

  const daemon: Daemon = {
    name,
    pid,
    namespace,
    output: () => output,
    exited: () => hasExited,
    async stop(graceMs = 3000) {
      if (!hasExited) {
        child.kill(graceMs === 0 ? 'SIGKILL' : 'SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exit;
        clearTimeout(killer);
      }
      signalGroup('SIGKILL');
    },
    kill: () => signalGroup('SIGKILL'),
  };
  home.daemons.push(daemon);
  return daemon;
}

/**
 * Poll `check` every few milliseconds until it returns true (or a value other than false/undefined),
 * failing with `what` at the deadline. Errors thrown by `check` end the wait at once.
 */
export async function waitUntil<T>(
  check: () => T | false | undefined | Promise<T | false | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== false && result !== undefined) return result;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether the process `pid` has already entered the network namespace `namespace`. */
function isInNamespace(pid: number, namespace: string): boolean {
  try {
    const inode = statSync(`/run/netns/${namespace}`).ino;
    return readlinkSync(`/proc/${pid}/ns/net`) === `net:[${inode}]`;
  } catch {
    return false;
  }
}

/**
 * Whether the daemon has a socket bound to `port` in its namespace: a UDP socket, or a listening
 * TCP socket. Reads /proc/PID/net/{udp,tcp}, which show the namespace the process lives in (once
 * `ip netns exec` has moved it there).
 */
export function isListening(daemon: Daemon, protocol: 'udp' | 'tcp', port: number): boolean {
  if (!isInNamespace(daemon.pid, daemon.namespace)) return false;
  let table: string;
  try {
    table = readFileSync(`/proc/${daemon.pid}/net/${protocol}`, 'utf8');
  } catch {
    return false;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const tcpListen = '0A';
  return table
    .split('\n')
    .slice(1)
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      const local = fields[1] ?? '';
      const state = fields[3] ?? '';
      return local.endsWith(`:${hexPort}`) && (protocol === 'udp' || state === tcpListen);
    });
}

/** Wait until the daemon has bound `port`, or fail with its output. */
export async function waitForPort(
  daemon: Daemon,
  protocol: 'udp' | 'tcp',
  port: number,
  timeoutMs: number,
): Promise<void> {
  await waitUntil(
    () => {
      if (daemon.exited()) throw new Error(`${daemon.name} exited:\n${daemon.output()}`);
      return isListening(daemon, protocol, port);
    },
    timeoutMs,
    `${daemon.name} to listen on ${protocol} port ${port}`,
  );
}
