import type { Sealer } from '../secrets.js';

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
