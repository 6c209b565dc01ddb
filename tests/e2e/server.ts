import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtCli = path.join(root, 'dist', 'cli.js');

export interface TestServer {
  url: string;
  /** The first-run link the server printed: `${url}/setup#token=…`. */
  setupLink: string;
  /** Everything the server wrote, for failure messages. */
  output: () => string;
  /** Runs an `outreach` CLI command against this server's data folder (e.g. `demo`). */
  cli: (args: string[]) => { code: number | null; stdout: string; stderr: string };
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function waitForSetupLink(child: ChildProcess, log: () => string, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`No setup link within ${timeoutMs} ms. Server output:\n${log()}`));
    }, timeoutMs);
    const onData = () => {
      const match = /(https?:\/\/\S+\/setup#token=[\w-]+)/.exec(log());
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code} before printing the setup link:\n${log()}`));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${url}/healthz did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts the built server (`node dist/cli.js start`) on a free port with an empty data folder.
 * Node is spawned directly so the PID held is the server's own, and only that one is stopped.
 */
export async function startTestServer(): Promise<TestServer> {
  if (!fs.existsSync(builtCli))
    throw new Error(`${builtCli} is missing: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outreach-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
  };
  // The embedded database in DATA_DIR, whatever the developer's shell points at.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [builtCli, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const log = () => output;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const setupLink = await waitForSetupLink(child, log, 30_000);
    await waitForHealth(url, 30_000);
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [builtCli, ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    return { url, setupLink, output: log, cli, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
