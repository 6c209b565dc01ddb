import path from 'node:path';
import type { Config } from '../../config/env.js';
import { createSealer, loadSecretKey, type Sealer } from '../secrets.js';

/** What the e-mail use cases need beyond a Ctx: fixed at start-up, passed in by the server or CLI. */
export interface MailDeps {
  /** Base of the links put in e-mails (unsubscribe). */
  publicUrl: string;
  sealer: Sealer;
  /** Where the log mailer writes .eml files when no relay is configured. */
  logDir: string;
  /** Tells the send worker there is new mail, so it need not wait for its next poll. */
  wake?: () => void;
}

/** The mail dependencies from the configuration, the same for the server and the CLI. */
export function mailDepsOf(config: Pick<Config, 'publicUrl' | 'dataDir' | 'secretKey'>): MailDeps {
  return {
    publicUrl: config.publicUrl,
    sealer: createSealer(loadSecretKey(config.dataDir, config.secretKey)),
    logDir: path.join(config.dataDir, 'mail'),
  };
}
