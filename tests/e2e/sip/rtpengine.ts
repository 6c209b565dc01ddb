import { fileURLToPath } from 'node:url';
import { startDaemon, waitForPort, type Daemon, type DaemonHome } from './daemon';

/** The documented rtpengine configuration; the rig overrides where it listens. */
const CONFIG = new URL('../../../docs/telephony/rtpengine.conf', import.meta.url);

/**
 * Run rtpengine (userspace only) in the foreground, media on `address`, control ("ng") on the
 * namespace's loopback, until its control port is open.
 */
export async function startRtpengine(
  home: DaemonHome,
  options: { address: string; controlPort: number },
): Promise<Daemon> {
  const rtpengine = startDaemon(home, 'rtpengine', 'rtpengine', [
    `--config-file=${fileURLToPath(CONFIG)}`,
    '--foreground',
    '--log-stderr',
    '--no-log-timestamps',
    `--interface=${options.address}`,
    `--listen-ng=127.0.0.1:${options.controlPort}`,
  ]);
  await waitForPort(rtpengine, 'udp', options.controlPort, 10_000);
  return rtpengine;
}
