/**
 * E-mail cells: trimmed, domain lowercased (the local part is case-sensitive in principle, so it
 * is kept as written), checked with a practical pattern rather than full RFC 5322 — quoted local
 * parts and IP-literal domains do not occur in patron lists and usually mean a typo.
 */

export interface EmailsResult {
  emails: string[];
  invalid: string[];
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;
const SEPARATORS = /[;,\s]+/;

/** Normalises one address, or returns null when it is not a usable address. */
export function normaliseEmail(raw: string): string | null {
  const text = raw.trim().replace(/^mailto:/i, '');
  if (text.length > 254) return null;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local) || !DOMAIN.test(domain)) return null;
  return `${local}@${domain}`;
}

/** Splits a cell on ";", "," or spaces; duplicates (after normalising) are dropped. */
export function parseEmails(raw: string): EmailsResult {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const piece of raw.split(SEPARATORS)) {
    if (piece.length === 0) continue;
    const email = normaliseEmail(piece);
    if (email === null) invalid.push(piece);
    else if (!emails.includes(email)) emails.push(email);
  }
  return { emails, invalid };
}
