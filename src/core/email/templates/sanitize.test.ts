import { describe, expect, it } from 'vitest';
import { sanitizeTemplateHtml } from './sanitize.js';

describe('sanitizeTemplateHtml', () => {
  it('keeps the allowed structure as written', () => {
    const html =
      '<h1>Hi</h1><p><strong>a</strong> <em>b</em> <b>c</b> <i>d</i> <u>e</u><br /></p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><hr />' +
      '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<p><a href="https://example.org/a?b=1&amp;c=2">web</a> <a href="mailto:help@example.org">mail</a></p>' +
      '<img src="https://example.org/logo.png" alt="Logo" />';
    expect(sanitizeTemplateHtml(html)).toEqual({ html, removed: [] });
  });

  it('drops scripts with their content and reports them', () => {
    const result = sanitizeTemplateHtml('<p>Hello</p><script>alert("x")</script><p>Bye</p>');
    expect(result.html).toBe('<p>Hello</p><p>Bye</p>');
    expect(result.removed).toEqual(['<script> element']);
  });

  it('drops event handlers and style attributes, and style elements', () => {
    const result = sanitizeTemplateHtml(
      '<style>p { color: red }</style><p style="color:red" onclick="steal()">Hi</p>' +
        '<a href="https://example.org" onclick="steal()" onmouseover="x()">go</a>' +
        '<table style="width:100%"><tr><td style="color:red">x</td></tr></table>',
    );
    expect(result.html).toBe(
      '<p>Hi</p><a href="https://example.org">go</a><table><tr><td>x</td></tr></table>',
    );
    expect(result.removed).toEqual([
      '<style> element',
      'style attribute on <p>',
      'onclick attribute on <p>',
      'onclick attribute on <a>',
      'onmouseover attribute on <a>',
      'style attribute on <table>',
      'style attribute on <td>',
    ]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['  javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['jav&#x61;script:alert(1)'],
    ['&#106;avascript:alert(1)'],
  ])('refuses the link %j and reports it once', (href) => {
    const result = sanitizeTemplateHtml(`<a href="${href}">one</a> <a href="${href}">two</a>`);
    expect(result.html).toBe('<a>one</a> <a>two</a>');
    expect(result.removed).toEqual(['javascript: link']);
  });

  it('refuses links that are neither web nor e-mail addresses', () => {
    const result = sanitizeTemplateHtml(
      '<a href="data:text/html,x">a</a><a href="/relative">b</a><a href="//evil.example">c</a>' +
        '<a href="vbscript:x">d</a>',
    );
    expect(result.html).toBe('<a>a</a><a>b</a><a>c</a><a>d</a>');
    expect(result.removed).toEqual([
      'data: link',
      'link that is not a full web address (https://…) or e-mail address (mailto:…)',
      'vbscript: link',
    ]);
  });

  it('drops frames, forms and other elements, keeping the text of harmless wrappers', () => {
    const result = sanitizeTemplateHtml(
      '<div><span>Kept</span></div><iframe src="https://evil.example">x</iframe>' +
        '<form action="https://evil.example"><input name="card" /><button>Send</button></form>',
    );
    expect(result.html).toBe('Kept');
    expect(result.removed).toEqual([
      '<div> tag (its text is kept)',
      '<span> tag (its text is kept)',
      '<iframe> element',
      '<form> tag (its text is kept)',
      '<input> element',
      '<button> element',
    ]);
  });

  it('keeps merge fields in text and as a whole link, unchanged', () => {
    const html =
      '<p>Hello {{patron.firstName}}, from {{ library.name }} &amp; {{caller.name}}</p>' +
      '<p><a href="{{unsubscribe.url}}">Unsubscribe</a> <a href="{{ library.website }}">{{library.website}}</a></p>' +
      '<p><a href="https://example.org/?who={{patron.lastName}}">x</a></p>';
    expect(sanitizeTemplateHtml(html)).toEqual({ html, removed: [] });
  });

  it('refuses other merge fields as a whole link, and a merge field glued to a path', () => {
    const result = sanitizeTemplateHtml(
      '<a href="{{patron.firstName}}">a</a><a href="{{library.website}}/events">b</a>',
    );
    expect(result.html).toBe('<a>a</a><a>b</a>');
    expect(result.removed).toEqual([
      'link to a merge field other than {{unsubscribe.url}} or {{library.website}}',
    ]);
  });

  it('keeps images only from https addresses and with alt text', () => {
    const result = sanitizeTemplateHtml(
      '<img src="https://example.org/a.png" alt="A" />' +
        '<img src="https://example.org/decor.png" alt="" />' +
        '<img src="https://example.org/no-alt.png" />' +
        '<img src="http://example.org/b.png" alt="B" />' +
        '<img src="data:image/png;base64,AAAA" alt="C" />',
    );
    expect(result.html).toBe(
      '<img src="https://example.org/a.png" alt="A" /><img src="https://example.org/decor.png" alt="" />',
    );
    expect(result.removed).toEqual([
      'image without alt text',
      'image not from an https:// address',
    ]);
  });

  it('escapes text so that nothing becomes markup', () => {
    const result = sanitizeTemplateHtml('<p>1 &lt; 2 &amp;&amp; "quoted" &lt;script&gt;</p>');
    expect(result.html).toBe('<p>1 &lt; 2 &amp;&amp; "quoted" &lt;script&gt;</p>');
    expect(result.removed).toEqual([]);
  });
});
