import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type {
  EmailTemplateRow,
  EmailTemplateVersionRow,
  OutboxKind,
  OutboxTable,
  PatronRow,
  ServiceRow,
} from '../../db/database.js';
import type { LibrarySettings } from '../../shared/schemas/library.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import type { MailDeps } from './mail-deps.js';
import { renderEmail, type EmailValues } from './templates/render.js';

/**
 * Turns a template and a patron into an outbox row: the message as it will be sent, rendered
 * now, with its final Message-ID and unsubscribe link (TRUST RB-5, CA-1).
 */

export interface Recipient {
  patron: Pick<PatronRow, 'id' | 'first_name' | 'preferred_name' | 'last_name' | 'language'>;
  address: string;
}

export interface Composition {
  kind: OutboxKind;
  template: { row: EmailTemplateRow; versions: EmailTemplateVersionRow[] };
  library: LibrarySettings;
  campaign: { id: number; name: string } | null;
  mailingId?: number | null;
  caller: { name: string } | null;
  services: ServiceRow[];
  nextTryAt?: string;
  dedupeKey?: string | null;
}

/** The version in the patron's language, else the template's default language. */
export function versionFor(
  template: Composition['template'],
  language: string | null,
): EmailTemplateVersionRow {
  const version =
    template.versions.find((v) => v.language === language) ??
    template.versions.find((v) => v.language === template.row.default_language) ??
    template.versions[0];
  if (version === undefined)
    throw new AppError('UNPROCESSABLE', `Template “${template.row.name}” has no text`);
  return version;
}

/** The services as a template shows them, in `language` (else English, else any). */
export function serviceValues(services: ServiceRow[], language: string): EmailValues['services'] {
  const pick = (json: string) => {
    const t = JSON.parse(json) as Record<string, string>;
    return t[language] ?? t['en'] ?? Object.values(t)[0] ?? '';
  };
  return services.map((s) => ({
    name: pick(s.name),
    description: pick(s.description),
    link: s.link,
  }));
}

function messageDomain(publicUrl: string): string {
  return new URL(publicUrl).hostname || 'localhost';
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/unsubscribe/${token}`;
}

export function composeMessage(
  ctx: Ctx,
  deps: Pick<MailDeps, 'publicUrl'>,
  what: Composition,
  to: Recipient,
): Insertable<OutboxTable> {
  const version = versionFor(what.template, to.patron.language);
  const promotional = what.template.row.class === 'promotional';
  const token = promotional ? randomBytes(18).toString('base64url') : null;
  const link = token === null ? null : unsubscribeUrl(deps.publicUrl, token);
  const rendered = renderEmail({
    version,
    class: what.template.row.class,
    language: version.language,
    values: {
      patron: {
        firstName: to.patron.first_name,
        preferredName: to.patron.preferred_name,
        lastName: to.patron.last_name,
      },
      caller: what.caller,
      campaign: what.campaign,
      library: what.library,
      services: serviceValues(what.services, version.language),
      unsubscribeUrl: link,
    },
  });
  // RFC 8058 one-click unsubscribe for everything that is not a transactional reply.
  const messageId = `<${randomUUID()}@${messageDomain(deps.publicUrl)}>`;
  const headers: Array<[string, string]> = [];
  if (link !== null)
    headers.push(
      ['List-Unsubscribe', `<${link}>`],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    );
  // Some relays rewrite Message-ID; bounces still quote this header, so reports find the message.
  headers.push(['X-Outreach-Message-Id', messageId]);
  const now = ctx.now().toISOString();
  return {
    message_id: messageId,
    kind: what.kind,
    dedupe_key: what.dedupeKey ?? null,
    campaign_id: what.campaign?.id ?? null,
    mailing_id: what.mailingId ?? null,
    patron_id: to.patron.id,
    template_id: what.template.row.id,
    to_address: to.address,
    language: version.language,
    class: what.template.row.class,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: JSON.stringify(headers),
    unsubscribe_token: token,
    state: 'queued',
    next_try_at: what.nextTryAt ?? now,
    queued_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
  };
}

/** The patron's addresses, first one first. */
export function addressesOf(patron: Pick<PatronRow, 'emails'>): string[] {
  return JSON.parse(patron.emails) as string[];
}
