import sanitizeHtml from 'sanitize-html';

/**
 * The HTML staff may write in an e-mail template (TRUST SC-6): plain document structure, links
 * and images, never scripts, styles, frames, forms or event handlers. Merge fields such as
 * `{{patron.firstName}}` are ordinary text to the sanitiser and come through unchanged.
 */

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'u',
  'a',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'blockquote',
  'hr',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
];

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['scope', 'colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};

/** Disallowed elements whose content goes too: code, styles, form controls, embedded documents. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'select',
  'option',
  'noscript',
  'title',
  'iframe',
  'object',
  'button',
  'template',
  'svg',
  'math',
];

const VOID_TAGS = [
  'area',
  'base',
  'col',
  'embed',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
];

const WEB_OR_MAIL_HREF = /^(?:https?:\/\/|mailto:)/i;
/** Only these merge fields may be a whole link: their values are checked to be web addresses. */
const FIELD_HREF = /^\{\{\s*(?:unsubscribe\.url|library\.website)\s*\}\}$/;
const HTTPS_SRC = /^https:\/\//i;

export function sanitizeTemplateHtml(html: string): { html: string; removed: string[] } {
  const removed = new Set<string>();

  const checkTag = (tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    if (!ALLOWED_TAGS.includes(tag)) {
      removed.add(
        DROPPED_WITH_CONTENT.includes(tag) || VOID_TAGS.includes(tag)
          ? `<${tag}> element`
          : `<${tag}> tag (its text is kept)`,
      );
      return { tagName: tag, attribs };
    }
    const allowed = ALLOWED_ATTRIBUTES[tag] ?? [];
    const kept: sanitizeHtml.Attributes = {};
    for (const [name, value] of Object.entries(attribs)) {
      if (!allowed.includes(name)) removed.add(`${name} attribute on <${tag}>`);
      else kept[name] = value;
    }
    if (tag === 'a' && kept.href !== undefined) {
      const href = kept.href.trim();
      if (WEB_OR_MAIL_HREF.test(href) || FIELD_HREF.test(href)) kept.href = href;
      else {
        if (href !== '') removed.add(linkNote(href));
        delete kept.href;
      }
    }
    if (tag === 'img') {
      // An image without alt text is invisible to a screen reader (AX-2); alt="" marks it as
      // decorative on purpose, so only a missing alt is refused.
      if (kept.alt === undefined) removed.add('image without alt text');
      if (!HTTPS_SRC.test(kept.src?.trim() ?? '')) {
        removed.add('image not from an https:// address');
        delete kept.src;
      }
    }
    return { tagName: tag, attribs: kept };
  };

  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: Object.fromEntries(
      Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
    ),
    // Belt and braces: checkTag already refused every other scheme.
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    transformTags: { '*': checkTag },
    exclusiveFilter: (frame) =>
      frame.tag === 'img' && (frame.attribs.src === undefined || frame.attribs.alt === undefined),
  });
  return { html: clean, removed: [...removed] };
}

function linkNote(href: string): string {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.replace(/[\x00-\x20]+/g, ''))?.[1];
  if (scheme) return `${scheme.toLowerCase()}: link`;
  if (href.startsWith('{{')) {
    return 'link to a merge field other than {{unsubscribe.url}} or {{library.website}}';
  }
  return 'link that is not a full web address (https://…) or e-mail address (mailto:…)';
}
