import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDaemon, waitForPort, type DaemonHome } from './daemon';

const SCENARIOS = path.dirname(fileURLToPath(import.meta.url));

export type SippBehaviour = 'plain' | 'busy' | 'no-answer';

const SCENARIO_FILES: Record<SippBehaviour, string> = {
  plain: 'plain-patron.xml',
  busy: 'busy-patron.xml',
  'no-answer': 'no-answer-patron.xml',
};

export interface SippPatron {
  behaviour: SippBehaviour;
  /** How many calls it has answered so far (the scenario's "answered" log lines). */
  answeredCalls(): number;
}

const readIfThere = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/**
 * Run one SIPp patron in the foreground on `address:port`, for as many calls as come (no -m).
 * The plain patron echoes RTP back from `mediaPort`. Every SIPp binds media ports from `-mp` on,
 * used or not, so each instance needs its own.
 */
export async function startSippPatron(
  home: DaemonHome,
  options: { behaviour: SippBehaviour; address: string; port: number; mediaPort: number },
): Promise<SippPatron> {
  const { behaviour, address, port } = options;
  const logFile = path.join(home.directory, `sipp-${behaviour}.log`);
  const errorFile = path.join(home.directory, `sipp-${behaviour}-errors.log`);
  const args = [
    ...['-sf', path.join(SCENARIOS, SCENARIO_FILES[behaviour])],
    ...['-i', address, '-p', String(port), '-t', 'u1'],
    '-nostdin',
    ...['-trace_logs', '-log_file', logFile],
    ...['-trace_err', '-error_file', errorFile],
    ...['-mi', address, '-mp', String(options.mediaPort)],
  ];
  if (behaviour === 'plain') args.push('-rtp_echo');
  const daemon = startDaemon(home, `sipp ${behaviour}`, 'sipp', args);
  // SIPp exits when it cannot bind its media port, after it has bound the SIP port.
  await waitForPort(daemon, 'udp', port, 10_000);
  await waitForPort(daemon, 'udp', options.mediaPort, 10_000);
  return {
    behaviour,
    answeredCalls: () =>
      readIfThere(logFile)
        .split('\n')
        .filter((line) => line.startsWith('answered ')).length,
  };
}
