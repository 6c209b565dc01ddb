import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { assertHeaderSafe, toMailOptions } from './message.js';
import { classifySendError } from './send-error.js';
import type { MailTransport } from './transport.js';

/** Message-IDs hold '@', '<' and '>' and, from a hostile import, anything else. */
function fileSafe(messageId: string): string {
  return (
    messageId
      .replace(/[<>]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 120) || 'message'
  );
}

/** Written to a temporary name and renamed, so a reader never sees half a message. */
async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

/**
 * The log mailer, used when no relay is configured: each message is built exactly as the relay
 * would get it (RFC 5322, LF line ends) and written to `<dir>/<timestamp>-<message id>.eml`,
 * readable by the server's user only (they hold patrons' addresses).
 */
export function createLogTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });

  return {
    kind: 'log',
    async send(message) {
      try {
        assertHeaderSafe(message);
        const info = await transporter.sendMail(toMailOptions(message));
        // `buffer: true` makes it a Buffer; the type also allows the stream form.
        if (!Buffer.isBuffer(info.message)) throw new Error('the log mailer built no message');
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = path.join(dir, `${stamp}-${fileSafe(message.messageId)}.eml`);
        await writeAtomically(file, info.message);
        return { response: `logged to ${file}` };
      } catch (error) {
        throw classifySendError(error);
      }
    },
    async verify() {
      try {
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        const probe = path.join(dir, `.write-check-${randomUUID()}`);
        await fs.writeFile(probe, '', { mode: 0o600 });
        await fs.rm(probe);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Can't write e-mails to the folder ${dir}: ${reason}`, { cause: error });
      }
    },
    close() {
      transporter.close();
    },
  };
}
