import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A network namespace joined to the host by a veth pair on a /30 of 198.51.100.0/24 (a range kept
 * for documentation, so it never clashes with a real network). The phone system lives inside; the
 * browser stays on the host and reaches it over the veth, which also gives Chromium a real
 * interface to gather ICE candidates on (with loopback alone it gathers none).
 */
export interface Namespace {
  name: string;
  /** The host's end of the veth, e.g. 198.51.100.1. */
  hostAddress: string;
  /** The namespace's end, where the daemons listen, e.g. 198.51.100.2. */
  address: string;
  /** Kill what still runs inside, delete the namespace and the veth pair (safe to call twice). */
  remove(): void;
}

const NAME_PREFIX = 'od-sip-';
const SUBNET = '198.51.100.';

let created = 0;

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Whether `pid` is a running process (a zombie, not yet reaped, counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    // "PID (command) STATE …": the command may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z';
  } catch {
    return false;
  }
}

/** Run `ip`, ignoring failure (for removing what may already be gone). */
function ipIfThere(...args: string[]): void {
  try {
    ip(...args);
  } catch {
    // Already gone.
  }
}

/** Kill every process in the namespace, then delete it. */
function deleteNamespace(name: string): void {
  let pids: string[] = [];
  try {
    pids = ip('netns', 'pids', name).split('\n').filter(Boolean);
  } catch {
    return; // No such namespace.
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  ipIfThere('netns', 'del', name);
}

/**
 * Remove what earlier runs left behind when they died without stopping: namespaces named
 * od-sip-PID-N whose PID is gone, the processes still inside them, and their host veths.
 */
export function removeStaleNamespaces(): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = new RegExp(`^${NAME_PREFIX}(\\d+)-\\d+$`).exec(name);
    if (match && !isAlive(Number(match[1]))) deleteNamespace(name);
  }
  // Deleting a namespace takes its veth pair with it, but not always at once.
  for (const match of ip('-o', 'link').matchAll(/^\d+: (od(\d+)h\d+)[@:]/gm)) {
    const [, link, pid] = match;
    if (link !== undefined && !isAlive(Number(pid))) ipIfThere('link', 'del', link);
  }
}

/** The first /30 of the subnet with no address on the host yet: its .1 and .2 (or .5 and .6, …). */
function freeSlot(): number {
  const used = ip('-o', '-4', 'addr');
  for (let slot = 0; slot < 64; slot++) {
    if (!used.includes(`inet ${SUBNET}${slot * 4 + 1}/`)) return slot;
  }
  throw new Error(`no free /30 left in ${SUBNET}0/24 (are 64 SIP rigs running?)`);
}

/** Create a namespace for this process, with the veth pair up and addressed. */
export function createNamespace(): Namespace {
  const index = created++;
  const name = `${NAME_PREFIX}${process.pid}-${index}`;
  const hostLink = `od${process.pid}h${index}`;
  const innerLink = `od${process.pid}n${index}`;
  const slot = freeSlot();
  const hostAddress = `${SUBNET}${slot * 4 + 1}`;
  const address = `${SUBNET}${slot * 4 + 2}`;

  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    deleteNamespace(name);
    // Deleting the namespace normally takes the pair with it; this covers a half-made one.
    ipIfThere('link', 'del', hostLink);
  };

  try {
    ip('netns', 'add', name);
    ip('link', 'add', hostLink, 'type', 'veth', 'peer', 'name', innerLink);
    ip('link', 'set', innerLink, 'netns', name);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', hostLink);
    ip('link', 'set', hostLink, 'up');
    ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('-n', name, 'addr', 'add', `${address}/30`, 'dev', innerLink);
    ip('-n', name, 'link', 'set', innerLink, 'up');
    // baresip picks its local address from the default route.
    ip('-n', name, 'route', 'add', 'default', 'via', hostAddress);
  } catch (error) {
    remove();
    throw error;
  }
  return { name, hostAddress, address, remove };
}
