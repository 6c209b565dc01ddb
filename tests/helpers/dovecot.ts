import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A real Dovecot IMAP server for one test file: its own temp dir (config, sockets, state, log,
 * maildirs) and its own port, so test files can run side by side. Plain IMAP on 127.0.0.1, one
 * user with a random password.
 */

const DOVECOT = '/usr/sbin/dovecot';
const START_TIMEOUT_MS = 10_000;

export interface TestDovecot {
  host: '127.0.0.1';
  port: number;
  username: string;
  password: string;
  /** Stops this server (its own PID only) and removes its temp dir. */
  stop(): Promise<void>;
  /** APPENDs a message, unseen, to INBOX or the given mailbox (created if missing). */
  append(raw: string | Buffer, mailbox?: string): Promise<void>;
}

export async function startDovecot(): Promise<TestDovecot> {
  if (!fs.existsSync(DOVECOT)) {
    throw new Error(
      `Dovecot is not installed (no ${DOVECOT}): install Debian's dovecot-imapd (apt-get install -y dovecot-imapd) to run the bounce mailbox tests.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-dovecot-'));
  try {
    const username = 'bounces';
    const password = randomBytes(12).toString('hex');
    const users = runAs();
    // Dovecot drops to these users; they must be able to walk into the temp dir.
    fs.chmodSync(dir, 0o711);
    const mailRoot = path.join(dir, 'mail');
    fs.mkdirSync(mailRoot, { mode: 0o700 });
    fs.chownSync(mailRoot, users.mailUid, users.mailGid);
    fs.writeFileSync(path.join(dir, 'passwd'), `${username}:{PLAIN}${password}\n`, { mode: 0o600 });

    // A port found free can be taken before Dovecot binds it: then try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const conf = writeConfig(dir, port, users);
      try {
        const child = await launch(dir, conf, port);
        return handle(dir, child, port, username, password);
      } catch (err) {
        if (attempt < 3 && readLog(dir).includes('Address already in use')) continue;
        throw err;
      }
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

interface Users {
  internalUser: string;
  internalGroup: string;
  loginUser: string;
  mailUid: number;
  mailGid: number;
  root: boolean;
}

/**
 * As root, Dovecot refuses to run its login processes as root ("must not be run as root") and to
 * give mail access to UID 0 ("userdb returned 0 as uid"): those run as nobody instead, the rest
 * as root. As any other user, everything runs as that user.
 */
function runAs(): Users {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  if (uid !== 0) {
    const user = os.userInfo().username;
    return {
      internalUser: user,
      internalGroup: groupName(gid),
      loginUser: user,
      mailUid: uid,
      mailGid: gid,
      root: false,
    };
  }
  const nobody = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'nobody');
  if (nobody === undefined) throw new Error('Dovecot tests as root need the "nobody" user');
  return {
    internalUser: 'root',
    internalGroup: groupName(0),
    loginUser: 'nobody',
    mailUid: Number(nobody[2]),
    mailGid: Number(nobody[3]),
    root: true,
  };
}

function groupName(gid: number): string {
  const group = fs
    .readFileSync('/etc/group', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[2] === String(gid));
  return group?.[0] ?? String(gid);
}

function writeConfig(dir: string, port: number, users: Users): string {
  const conf = path.join(dir, 'dovecot.conf');
  fs.rmSync(path.join(dir, 'dovecot.log'), { force: true });
  fs.writeFileSync(
    conf,
    `# Written by tests/helpers/dovecot.ts for one test: nothing outside ${dir} is used.
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = od-test-${port}
log_path = ${dir}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong-password test must not slow down the logins after it: no failure delay, and no
# anvil-auth-penalty socket, which turns the per-IP auth penalty off.
auth_failure_delay = 0
default_internal_user = ${users.internalUser}
default_internal_group = ${users.internalGroup}
default_login_user = ${users.loginUser}
first_valid_uid = ${Math.min(users.mailUid, 500)}
first_valid_gid = ${Math.min(users.mailGid, 1)}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${users.mailUid} gid=${users.mailGid} home=${dir}/mail/%u
}
mail_location = maildir:${dir}/mail/%u
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
${users.root ? '' : '  chroot =\n'}}
`,
  );
  return conf;
}

/** Spawns Dovecot in the foreground and waits for its IMAP greeting. */
async function launch(dir: string, conf: string, port: number): Promise<ChildProcess> {
  const child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    if (output.length < 20_000) output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  // Set by the event handlers while the loop below polls.
  const state: { ended: string | null } = { ended: null };
  child.once('error', (err) => (state.ended = `could not start: ${err.message}`));
  child.once('exit', (code, signal) => (state.ended = `exited (${signal ?? `code ${code}`})`));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (state.ended !== null) {
      throw new Error(`Dovecot ${state.ended}.\n${output}${logTail(dir)}`);
    }
    if (await greets(port)) return child;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(
        `Dovecot did not answer on 127.0.0.1:${port} within ${START_TIMEOUT_MS / 1000} s.\n${output}${logTail(dir)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether an IMAP server greets ("* OK") on the port. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (data) => done(data.toString('latin1').startsWith('* OK')));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

function handle(
  dir: string,
  child: ChildProcess,
  port: number,
  username: string,
  password: string,
): TestDovecot {
  // A test run that dies without calling stop() must not leave Dovecot behind.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    username,
    password,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', killOnExit);
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async append(raw, mailbox = 'INBOX') {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        doSTARTTLS: false,
        auth: { user: username, pass: password },
        logger: false,
        disableAutoIdle: true,
      });
      client.on('error', () => {});
      await client.connect();
      try {
        if (mailbox.toUpperCase() !== 'INBOX') await client.mailboxCreate(mailbox);
        const appended = await client.append(mailbox, raw);
        if (appended === false) throw new Error(`Dovecot refused to APPEND to ${mailbox}`);
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
  };
}

/** SIGTERM to this one PID (Dovecot's master stops its own children), SIGKILL after 5 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readLog(dir: string): string {
  try {
    return fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}

function logTail(dir: string): string {
  const lines = readLog(dir).trimEnd().split('\n');
  return `Last lines of ${dir}/dovecot.log:\n${lines.slice(-20).join('\n')}`;
}
