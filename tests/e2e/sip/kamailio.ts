import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDaemon, waitForPort, type Daemon, type DaemonHome } from './daemon';

/** The documented example configuration; the rig runs it with its own values. */
const TEMPLATE = new URL('../../../docs/telephony/kamailio.cfg', import.meta.url);

export interface KamailioSettings {
  address: string;
  sipPort: number;
  wsPort: number;
  wssPort: number;
  certificate: string;
  privateKey: string;
  rtpengineSocket: string;
  /** Who may register and call: user name -> password. */
  subscribers: Map<string, string>;
  /** Numbers on the plain-SIP side: number -> SIP URI of where the call goes. */
  trunk: Map<string, string>;
}

/**
 * Fill in the template's `#!substdef "!NAME!value!g"` lines. Every name must be there, so a
 * renamed placeholder in the documented file fails the rig instead of running with a default.
 */
function fillTemplate(template: string, values: Record<string, string>): string {
  let config = template;
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^#!substdef "!${name}!.*!g"$`, 'm');
    if (!line.test(config)) throw new Error(`kamailio.cfg has no #!substdef for ${name}`);
    config = config.replace(line, () => `#!substdef "!${name}!${value}!g"`);
  }
  return config;
}

/** A Kamailio string literal; the rig only ever writes simple values. */
function quoted(value: string): string {
  if (/["\\\n\r]/.test(value)) throw new Error(`unsupported character in ${JSON.stringify(value)}`);
  return `"${value}"`;
}

/** The htable seed statements for directory.cfg. */
function directoryStatements(settings: Pick<KamailioSettings, 'subscribers' | 'trunk'>): string {
  const key = (name: string): string => {
    if (!/^[A-Za-z0-9._*-]+$/.test(name)) throw new Error(`unsupported SIP user name ${name}`);
    return name;
  };
  const lines = ['# Written by the SIP test rig.'];
  for (const [user, password] of settings.subscribers) {
    lines.push(`$sht(subscriber=>${key(user)}) = ${quoted(password)};`);
  }
  for (const [number, uri] of settings.trunk) {
    lines.push(`$sht(trunk=>${key(number)}) = ${quoted(uri)};`);
  }
  return `${lines.join('\n')}\n`;
}

/** Write kamailio.cfg and directory.cfg into `directory` and check them. */
export function writeKamailioConfig(settings: KamailioSettings, directory: string): string {
  const config = fillTemplate(readFileSync(TEMPLATE, 'utf8'), {
    LISTEN_ADDRESS: settings.address,
    SIP_PORT: String(settings.sipPort),
    WS_PORT: String(settings.wsPort),
    WSS_PORT: String(settings.wssPort),
    TLS_CERTIFICATE: settings.certificate,
    TLS_PRIVATE_KEY: settings.privateKey,
    RTPENGINE_SOCKET: settings.rtpengineSocket,
  });
  const file = path.join(directory, 'kamailio.cfg');
  writeFileSync(file, config);
  writeFileSync(path.join(directory, 'directory.cfg'), directoryStatements(settings));
  try {
    execFileSync('kamailio', ['-c', '-f', file], { stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`kamailio -c rejected the generated configuration:\n${output}`);
  }
  return file;
}

/** Run Kamailio in the foreground (-DD), logging to stderr (-E), until it listens everywhere. */
export async function startKamailio(
  home: DaemonHome,
  settings: KamailioSettings,
  file: string,
): Promise<Daemon> {
  const kamailio = startDaemon(home, 'kamailio', 'kamailio', [
    ...['-f', file, '-DD', '-E'],
    ...['-Y', home.directory, '-w', home.directory],
  ]);
  await waitForPort(kamailio, 'udp', settings.sipPort, 10_000);
  await waitForPort(kamailio, 'tcp', settings.wsPort, 10_000);
  await waitForPort(kamailio, 'tcp', settings.wssPort, 10_000);
  return kamailio;
}
