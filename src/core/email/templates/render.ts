import { EMAIL_MERGE_FIELDS } from '../../../shared/schemas/email.js';
import type { EmailMergeField } from '../../../shared/schemas/email.js';
import type { LibrarySettings } from '../../../shared/schemas/library.js';
import { tokenize } from '../../scripts/merge-fields.js';
import { sanitizeTemplateHtml } from './sanitize.js';

/**
 * Logic-less e-mail templates: `{{field}}` is replaced by a value from EMAIL_MERGE_FIELDS and
 * nothing else happens: no sections, helpers or code (TRUST SC-6). Values are escaped for the
 * part they land in, and the subject can never carry a line break into a header (SC-8).
 */

export interface EmailValues {
  patron: { firstName: string; preferredName: string | null; lastName: string };
  caller: { name: string } | null;
  campaign: { name: string } | null;
  library: LibrarySettings;
  services: Array<{ name: string; description: string; link: string | null }>;
  /** null for transactional messages (no unsubscribe footer). */
  unsubscribeUrl: string | null;
}

export interface TemplateParts {
  subject: string;
  html: string;
  text: string;
}
export type TemplatePart = keyof TemplateParts;

export interface RenderEmailInput {
  version: TemplateParts;
  class: 'transactional' | 'promotional';
  language: string;
  values: EmailValues;
}

export interface TemplateProblem {
  field: TemplatePart;
  message: string;
}

const KNOWN: ReadonlySet<string> = new Set(EMAIL_MERGE_FIELDS);
const isEmailMergeField = (name: string): name is EmailMergeField => KNOWN.has(name);
const URL_FIELDS: ReadonlySet<EmailMergeField> = new Set(['library.website', 'unsubscribe.url']);

const PART_LABELS: Record<TemplatePart, string> = {
  subject: 'The subject',
  html: 'The HTML version',
  text: 'The plain-text version',
};

/** What is wrong with a template version, part by part, for the editor to show. */
export function templateProblems(version: TemplateParts): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'html', 'text'] as const) {
    const label = PART_LABELS[field];
    const seen = new Set<string>();
    let unclosed = false;
    for (const token of tokenize(version[field])) {
      if (token.kind === 'unclosed') unclosed = true;
      if (token.kind !== 'field' || seen.has(token.name)) continue;
      seen.add(token.name);
      if (!isEmailMergeField(token.name)) {
        problems.push({
          field,
          message: `${label} uses {{${shorten(token.name)}}}, which is not a merge field.`,
        });
      } else if (field === 'subject' && token.name === 'services.list') {
        problems.push({
          field,
          message: 'The subject cannot use {{services.list}}: a list belongs in the message.',
        });
      }
    }
    if (unclosed) {
      problems.push({ field, message: `${label} has a "{{" that is not closed with "}}".` });
    }
  }
  for (const note of sanitizeTemplateHtml(version.html).removed) {
    problems.push({
      field: 'html',
      message: `${PART_LABELS.html} has something not allowed, which will be removed: ${note}.`,
    });
  }
  return problems;
}

export function renderEmail(input: RenderEmailInput): TemplateParts & { warnings: string[] } {
  const { version, values } = input;
  const warnings = new Set<string>();
  const language = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(input.language) ? input.language : 'en';
  const words = language.toLowerCase().startsWith('fr') ? FR : EN;
  const scalars = scalarValues(values);
  const value = (field: Exclude<EmailMergeField, 'services.list'>): string => {
    const v = scalars[field];
    if (v == null || v.trim() === '') {
      warnings.add(`{{${field}}} has no value`);
      return '';
    }
    if (URL_FIELDS.has(field) && !isWebAddress(v)) {
      warnings.add(`{{${field}}} is not a web address (http or https) and was left out`);
      return '';
    }
    return v;
  };
  const services = values.services.map((s) => {
    const link = s.link?.trim() ?? '';
    if (link !== '' && !isWebAddress(link)) {
      warnings.add(`The link of "${s.name}" is not a web address (http or https) and was left out`);
    }
    return { ...s, link: isWebAddress(link) ? link : null };
  });
  const servicesOrWarn = (): typeof services => {
    if (services.length === 0) warnings.add('{{services.list}} has no value');
    return services;
  };

  const subject = oneLine(
    fill(version.subject, warnings, (field) =>
      field === 'services.list'
        ? servicesOrWarn()
            .map((s) => s.name)
            .join(', ')
        : value(field),
    ),
  );

  const text = fill(version.text, warnings, (field) =>
    field === 'services.list' ? servicesText(servicesOrWarn(), words) : value(field),
  );

  // Sanitised again although saved templates were checked: rendering must be safe on its own.
  const sanitized = sanitizeTemplateHtml(version.html);
  for (const note of sanitized.removed) warnings.add(`Removed from the HTML version: ${note}`);
  // A list cannot sit inside a paragraph: a paragraph holding only the list gives way to it.
  const body = fill(
    styleOwnTags(sanitized.html.replace(/<p>\s*(\{\{\s*services\.list\s*\}\})\s*<\/p>/g, '$1')),
    warnings,
    (field, inTag) => {
      if (field === 'services.list') {
        const list = servicesOrWarn();
        return inTag ? escapeHtml(list.map((s) => s.name).join(', ')) : servicesHtml(list, words);
      }
      const escaped = escapeHtml(value(field));
      return inTag ? escaped : escaped.replace(/\r\n|\r|\n/g, '<br>');
    },
    true,
  );

  const footer = footerFor(input.class, values, warnings);
  return {
    subject,
    html: layout({ language, subject, libraryName: values.library.name, body, footer, words }),
    text: `${text.trimEnd()}\n\n${footerText(footer, words)}\n`,
    warnings: [...warnings],
  };
}

// --- merge fields ---------------------------------------------------------------------------

/**
 * Replaces known fields with `valueOf`; unknown fields and unclosed `{{` stay as written. With
 * `html`, tracks whether each field sits inside a tag (an attribute value) or in text: in
 * sanitised HTML every literal `<` and `>` is escaped, so the last one seen tells.
 */
function fill(
  template: string,
  warnings: Set<string>,
  valueOf: (field: EmailMergeField, inTag: boolean) => string,
  html = false,
): string {
  let out = '';
  let inTag = false;
  for (const token of tokenize(template)) {
    if (token.kind === 'field' && isEmailMergeField(token.name)) {
      out += valueOf(token.name, inTag);
      continue;
    }
    if (token.kind === 'field') {
      warnings.add(`{{${shorten(token.name)}}} is not a merge field and was left as written`);
    } else if (token.kind === 'unclosed') {
      warnings.add('A "{{" is not closed with "}}" and was left as written');
    }
    const literal = token.kind === 'text' ? token.text : token.raw;
    out += literal;
    if (html) {
      const open = literal.lastIndexOf('<');
      const close = literal.lastIndexOf('>');
      if (open !== close) inTag = open > close;
    }
  }
  return out;
}

function scalarValues(
  values: EmailValues,
): Record<Exclude<EmailMergeField, 'services.list'>, string | null> {
  const { patron, library } = values;
  return {
    'patron.firstName': patron.firstName,
    'patron.preferredName': patron.preferredName?.trim() ? patron.preferredName : patron.firstName,
    'patron.lastName': patron.lastName,
    'caller.name': values.caller?.name ?? null,
    'campaign.name': values.campaign?.name ?? null,
    'library.name': library.name,
    'library.website': library.website,
    'library.callbackNumber': library.callbackNumber,
    'library.address': library.address,
    'library.contactEmail': library.contactEmail,
    'unsubscribe.url': values.unsubscribeUrl,
  };
}

type Service = EmailValues['services'][number];

function servicesText(services: Service[], words: Words): string {
  return services
    .map((s) => {
      const description = s.description.trim() ? `${words.colon} ${s.description.trim()}` : '';
      return `- ${s.name}${description}${s.link ? ` — ${s.link}` : ''}`;
    })
    .join('\n');
}

function servicesHtml(services: Service[], words: Words): string {
  if (services.length === 0) return '';
  const items = services.map((s) => {
    const name = s.link
      ? `<a href="${escapeHtml(s.link)}" style="${LINK_STYLE}">${escapeHtml(s.name)}</a>`
      : escapeHtml(s.name);
    const description = s.description.trim()
      ? `${words.colon} ${escapeHtml(s.description.trim())}`
      : '';
    return `<li style="margin:0 0 8px"><strong>${name}</strong>${description}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

// --- layout ---------------------------------------------------------------------------------

const TEXT_COLOUR = '#1a1a1a';
const LINK_STYLE = 'color:#0b57d0;text-decoration:underline';

/**
 * Staff HTML carries no style of its own; links and images get ours, inline because many mail
 * clients ignore <style>. Sanitised output writes every tag as `<a ` or `<a>`, so this is exact.
 */
function styleOwnTags(html: string): string {
  return html
    .replace(/<a(?=[ >])/g, `<a style="${LINK_STYLE}"`)
    .replace(/<img(?= )/g, '<img style="max-width:100%;height:auto"');
}

interface Footer {
  libraryName: string;
  address: string;
  phone: string;
  email: string;
  /** Why the patron got this e-mail, with the unsubscribe link when there is one. */
  unsubscribe: { url: string | null } | null;
}

function footerFor(
  templateClass: RenderEmailInput['class'],
  values: EmailValues,
  warnings: Set<string>,
): Footer {
  const { library } = values;
  const url = values.unsubscribeUrl?.trim() ?? '';
  const promotional = templateClass === 'promotional';
  // TRUST CA-1: every non-transactional e-mail shows who sent it, where, and how to stop it.
  if (promotional) {
    if (!isWebAddress(url)) warnings.add('A promotional e-mail needs an unsubscribe link');
    if (!library.address.trim()) {
      warnings.add("A promotional e-mail needs the library's postal address");
    }
    if (!library.callbackNumber.trim() && !library.contactEmail.trim()) {
      warnings.add("A promotional e-mail needs the library's phone number or contact e-mail");
    }
  }
  return {
    libraryName: library.name.trim(),
    address: library.address.trim(),
    phone: library.callbackNumber.trim(),
    email: library.contactEmail.trim(),
    unsubscribe: promotional || url !== '' ? { url: isWebAddress(url) ? url : null } : null,
  };
}

function footerText(footer: Footer, words: Words): string {
  const lines = [
    '-- ',
    footer.libraryName,
    footer.address,
    footer.phone && `${words.phone}${words.colon} ${footer.phone}`,
    footer.email && `${words.email}${words.colon} ${footer.email}`,
  ].filter((line) => line !== '');
  if (footer.unsubscribe) {
    lines.push('', words.why(footer.libraryName));
    if (footer.unsubscribe.url) {
      lines.push(`${words.unsubscribe}${words.colon} ${footer.unsubscribe.url}`);
    }
  }
  return lines.join('\n');
}

function footerHtml(footer: Footer, words: Words): string {
  const contact = [
    footer.libraryName && `<strong>${escapeHtml(footer.libraryName)}</strong>`,
    escapeHtml(footer.address).replace(/\r\n|\r|\n/g, '<br>'),
    footer.phone && `${words.phone}${words.colon} ${escapeHtml(footer.phone)}`,
    footer.email &&
      `${words.email}${words.colon} ${
        /^[^\s@<>"]+@[^\s@<>"]+$/.test(footer.email)
          ? `<a href="mailto:${escapeHtml(footer.email)}" style="${LINK_STYLE}">${escapeHtml(footer.email)}</a>`
          : escapeHtml(footer.email)
      }`,
  ].filter((line) => line !== '');
  const parts = [`<p style="margin:0 0 12px">${contact.join('<br>')}</p>`];
  if (footer.unsubscribe) {
    const link = footer.unsubscribe.url
      ? ` <a href="${escapeHtml(footer.unsubscribe.url)}" style="${LINK_STYLE}">${words.unsubscribe}</a>`
      : '';
    parts.push(`<p style="margin:0">${escapeHtml(words.why(footer.libraryName))}${link}</p>`);
  }
  return parts.join('\n');
}

function layout(page: {
  language: string;
  subject: string;
  libraryName: string;
  body: string;
  footer: Footer;
  words: Words;
}): string {
  const subject = escapeHtml(page.subject);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${subject}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background-color:#ffffff;color:${TEXT_COLOUR}">`,
    `<div role="article" aria-roledescription="${page.words.email.toLowerCase()}" aria-label="${subject}" style="max-width:600px;margin:0 auto;padding:0 20px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.6;color:${TEXT_COLOUR};background-color:#ffffff">`,
    `<div style="padding:24px 0 12px;border-bottom:3px solid #0b57d0;font-size:22px;font-weight:bold">${escapeHtml(page.libraryName)}</div>`,
    `<div style="padding:12px 0 24px">\n${page.body}\n</div>`,
    `<div style="padding:16px 0 32px;border-top:1px solid #c4c4c4;font-size:15px">\n${footerHtml(page.footer, page.words)}\n</div>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// --- words ----------------------------------------------------------------------------------

interface Words {
  email: string;
  phone: string;
  colon: string;
  unsubscribe: string;
  why: (library: string) => string;
}

const EN: Words = {
  email: 'E-mail',
  phone: 'Phone',
  colon: ':',
  unsubscribe: 'Unsubscribe',
  why: (library) => `You are receiving this e-mail because you are a member of ${library}.`,
};

const FR: Words = {
  email: 'Courriel',
  phone: 'Téléphone',
  colon: ' :',
  unsubscribe: 'Se désabonner',
  why: (library) => `Vous recevez ce courriel parce que vous êtes abonné·e à ${library}.`,
};

// --- escaping -------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in text and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const LINE_BREAKING = /[\x00-\x1f\x7f\u0085\u2028\u2029]+/g;

/** Header text on one line: control characters and line separators become spaces (SC-8). */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}

function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(value) && URL.canParse(value);
}

function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
