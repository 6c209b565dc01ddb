import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogTransport, SendError, type OutgoingMessage } from './transport.js';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'od-log-mailer-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const outgoing: OutgoingMessage = {
  messageId: '<care-42.x9@outreach.example.org>',
  from: { name: 'Bibliothèque publique', address: 'care@library.example.org' },
  to: 'patron@example.net',
  subject: 'Un petit bonjour',
  text: 'Bonjour de la bibliothèque.',
  html: '<p>Bonjour de la <b>bibliothèque</b>.</p>',
  headers: [
    ['List-Unsubscribe', '<https://outreach.example.org/u/abc>'],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
  ],
};

describe('the log mailer', () => {
  it('writes a parseable .eml, readable by its owner only, with the Message-ID and both parts', async () => {
    const dir = path.join(root, 'mail', 'outbox');
    const transport = createLogTransport(dir);
    const { response } = await transport.send(outgoing);
    transport.close();

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const [name] = files;
    expect(name).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-care-42\.x9_outreach\.example\.org\.eml$/);
    const file = path.join(dir, name!);
    expect(response).toBe(`logged to ${file}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const parsed = await simpleParser(fs.readFileSync(file));
    expect(parsed.messageId).toBe(outgoing.messageId);
    expect(parsed.subject).toBe(outgoing.subject);
    expect(parsed.text?.trim()).toBe(outgoing.text);
    expect(parsed.html).toContain('<b>bibliothèque</b>');
    // mailparser folds List-* fields into `parsed.list`; the raw lines show what was written.
    expect(parsed.headerLines.map((h) => h.line)).toEqual(
      expect.arrayContaining([
        'List-Unsubscribe: <https://outreach.example.org/u/abc>',
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      ]),
    );
  });

  it('refuses header injection and writes nothing', async () => {
    const transport = createLogTransport(root);
    await expect(
      transport.send({ ...outgoing, subject: 'Hi\r\nBcc: x@evil.example' }),
    ).rejects.toBeInstanceOf(SendError);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('fails as temporary when the folder cannot be written', async () => {
    const blocked = path.join(root, 'a-file');
    fs.writeFileSync(blocked, '');
    const transport = createLogTransport(path.join(blocked, 'outbox'));

    await expect(transport.send(outgoing)).rejects.toMatchObject({ permanent: false });
    await expect(transport.verify()).rejects.toThrow(/Can't write e-mails to the folder/);
  });

  it('verifies a folder it can create and write', async () => {
    const dir = path.join(root, 'new', 'outbox');
    await expect(createLogTransport(dir).verify()).resolves.toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
