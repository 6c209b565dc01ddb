import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_SETTINGS } from '../../../shared/schemas/library.js';
import { renderEmail, templateProblems } from './render.js';
import type { EmailValues, RenderEmailInput } from './render.js';

const values = (over: Partial<EmailValues> = {}): EmailValues => ({
  patron: { firstName: 'Rosa', preferredName: 'Ro', lastName: 'Diaz' },
  caller: { name: 'Sam' },
  campaign: { name: 'Winter check-in' },
  library: {
    ...DEFAULT_LIBRARY_SETTINGS,
    name: 'Maple Public Library',
    callbackNumber: '613-555-0100',
    address: '12 Main Street, Maple ON K1A 0A1',
    contactEmail: 'hello@maple.example',
    website: 'https://maple.example',
    timeZone: 'America/Toronto',
    defaultLanguage: 'en',
  },
  services: [
    { name: 'eBooks', description: 'Free books to read.', link: 'https://maple.example/ebooks' },
  ],
  unsubscribeUrl: 'https://desk.maple.example/unsubscribe/tok',
  ...over,
});

const render = (
  version: Partial<RenderEmailInput['version']>,
  over: Partial<Omit<RenderEmailInput, 'version'>> = {},
) =>
  renderEmail({
    version: { subject: 'Hello', html: '<p>Body</p>', text: 'Body', ...version },
    class: 'promotional',
    language: 'en',
    values: values(),
    ...over,
  });

/** The staff-written part of the HTML, without our layout around it. */
const bodyOf = (html: string): string => {
  const match =
    /<div style="padding:12px 0 24px">\n([\s\S]*?)\n<\/div>\n<div style="padding:16px/.exec(html);
  if (!match) throw new Error('no body in the layout');
  return match[1]!;
};

describe('renderEmail: merge fields', () => {
  it('fills every part, the preferred name falling back to the first name', () => {
    const version = {
      subject: 'Hi {{patron.firstName}} ({{patron.preferredName}})',
      html: '<p>{{patron.firstName}} {{patron.lastName}}, {{caller.name}}, {{campaign.name}}</p>',
      text: '{{patron.preferredName}} / {{library.callbackNumber}}',
    };
    const result = render(version);
    expect(result.subject).toBe('Hi Rosa (Ro)');
    expect(bodyOf(result.html)).toBe('<p>Rosa Diaz, Sam, Winter check-in</p>');
    expect(result.text.startsWith('Ro / 613-555-0100\n')).toBe(true);
    expect(result.warnings).toEqual([]);

    const noPreferred = values({
      patron: { firstName: 'Rosa', preferredName: ' ', lastName: 'D' },
    });
    expect(render(version, { values: noPreferred }).subject).toBe('Hi Rosa (Rosa)');
  });

  it('escapes values in HTML text and attributes, and leaves them plain in the text part', () => {
    const evil = `<script>alert("x")</script> O'Brien & co`;
    const result = render(
      {
        html: '<p>Hi {{patron.lastName}}</p><a href="https://example.org/?n={{patron.lastName}}">x</a>',
        text: 'Hi {{patron.lastName}}',
      },
      { values: values({ patron: { firstName: 'A', preferredName: null, lastName: evil } }) },
    );
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; co';
    expect(bodyOf(result.html)).toBe(
      `<p>Hi ${escaped}</p><a style="color:#0b57d0;text-decoration:underline" href="https://example.org/?n=${escaped}">x</a>`,
    );
    expect(result.html).not.toContain('<script>');
    expect(result.text.startsWith(`Hi ${evil}\n`)).toBe(true);
  });

  it('never lets a value break the subject onto a new header line', () => {
    const result = render(
      { subject: 'Hello {{patron.firstName}} from {{library.name}}' },
      {
        values: values({
          patron: { firstName: 'Rosa\r\nBcc: all@example.org', preferredName: null, lastName: 'D' },
          library: { ...values().library, name: 'Maple\0\nLibrary\u2028X' },
        }),
      },
    );
    expect(result.subject).toBe('Hello Rosa Bcc: all@example.org from Maple Library X');
    expect(result.subject).not.toMatch(/[\r\n\0]/);
    expect(result.html).toContain(
      '<title>Hello Rosa Bcc: all@example.org from Maple Library X</title>',
    );
  });

  it('renders a missing or blank value as empty, with a warning', () => {
    const result = render(
      { html: '<p>[{{library.website}}] [{{caller.name}}]</p>', text: '[{{campaign.name}}]' },
      {
        values: values({
          library: { ...values().library, website: '' },
          caller: null,
          campaign: { name: '   ' },
        }),
      },
    );
    expect(bodyOf(result.html)).toBe('<p>[] []</p>');
    expect(result.text.startsWith('[]\n')).toBe(true);
    expect(result.warnings).toEqual([
      '{{campaign.name}} has no value',
      '{{library.website}} has no value',
      '{{caller.name}} has no value',
    ]);
  });

  it('refuses a link field whose value is not a web address', () => {
    const result = render(
      { html: '<a href="{{library.website}}">site</a>' },
      { values: values({ library: { ...values().library, website: 'javascript:alert(1)' } }) },
    );
    expect(bodyOf(result.html)).toBe(
      '<a style="color:#0b57d0;text-decoration:underline" href="">site</a>',
    );
    expect(result.warnings).toEqual([
      '{{library.website}} is not a web address (http or https) and was left out',
    ]);
  });

  it('leaves unknown fields and unclosed braces as written, with warnings', () => {
    const result = render({
      subject: 'Hi {{patron.age}}',
      html: '<p>{{ patron.secret }} and {{patron.firstName</p>',
      text: '{{patron.age}}',
    });
    expect(result.subject).toBe('Hi {{patron.age}}');
    expect(bodyOf(result.html)).toBe('<p>{{ patron.secret }} and {{patron.firstName</p>');
    expect(result.text.startsWith('{{patron.age}}\n')).toBe(true);
    expect(result.warnings).toEqual([
      '{{patron.age}} is not a merge field and was left as written',
      '{{patron.secret}} is not a merge field and was left as written',
      'A "{{" is not closed with "}}" and was left as written',
    ]);
  });

  it('does not substitute merge fields found inside values', () => {
    const result = render(
      { html: '<p>{{patron.firstName}}</p>', text: '{{patron.firstName}}' },
      {
        values: values({
          patron: { firstName: '{{unsubscribe.url}}', preferredName: null, lastName: 'D' },
        }),
      },
    );
    expect(bodyOf(result.html)).toBe('<p>{{unsubscribe.url}}</p>');
    expect(result.text.startsWith('{{unsubscribe.url}}\n')).toBe(true);
  });

  it('sanitises the HTML again when rendering, and says what it removed', () => {
    const result = render({ html: '<p onclick="x()">Hi</p><script>alert(1)</script>' });
    expect(bodyOf(result.html)).toBe('<p>Hi</p>');
    expect(result.warnings).toEqual([
      'Removed from the HTML version: onclick attribute on <p>',
      'Removed from the HTML version: <script> element',
    ]);
  });
});

describe('renderEmail: services.list', () => {
  const services: EmailValues['services'] = [
    {
      name: '<img src=x onerror=alert(1)>Hoopla',
      description: 'Films & "shows"',
      link: 'https://maple.example/hoopla?a=1&b=2',
    },
    { name: 'Book club', description: 'Monthly, online.', link: null },
    { name: 'Sneaky', description: '', link: 'javascript:alert(1)' },
  ];

  it('is an escaped list of links in HTML, replacing a paragraph of its own', () => {
    const result = render(
      { html: '<p>Here:</p><p> {{services.list}} </p>' },
      { values: values({ services }) },
    );
    expect(bodyOf(result.html)).toBe(
      '<p>Here:</p><ul>' +
        '<li style="margin:0 0 8px"><strong><a href="https://maple.example/hoopla?a=1&amp;b=2" style="color:#0b57d0;text-decoration:underline">&lt;img src=x onerror=alert(1)&gt;Hoopla</a></strong>: Films &amp; &quot;shows&quot;</li>' +
        '<li style="margin:0 0 8px"><strong>Book club</strong>: Monthly, online.</li>' +
        '<li style="margin:0 0 8px"><strong>Sneaky</strong></li>' +
        '</ul>',
    );
    expect(result.html).not.toContain('<img');
    expect(result.html).not.toContain('javascript:');
    expect(result.warnings).toEqual([
      'The link of "Sneaky" is not a web address (http or https) and was left out',
    ]);
  });

  it('is one line per service in the text part', () => {
    const result = render(
      { text: 'Services:\n{{services.list}}' },
      { values: values({ services }) },
    );
    expect(
      result.text.startsWith(
        'Services:\n' +
          '- <img src=x onerror=alert(1)>Hoopla: Films & "shows" — https://maple.example/hoopla?a=1&b=2\n' +
          '- Book club: Monthly, online.\n' +
          '- Sneaky\n',
      ),
    ).toBe(true);
  });

  it('uses the French colon in French', () => {
    const result = render(
      { html: '{{services.list}}', text: '{{services.list}}' },
      { language: 'fr', values: values({ services: [services[1]!] }) },
    );
    expect(bodyOf(result.html)).toContain('<strong>Book club</strong> : Monthly, online.');
    expect(result.text.startsWith('- Book club : Monthly, online.\n')).toBe(true);
  });

  it('is a plain, escaped list of names inside an attribute or the subject', () => {
    const result = render(
      {
        subject: 'About {{services.list}}',
        html: '<img src="https://maple.example/a.png" alt="{{services.list}}" />',
      },
      { values: values({ services: services.slice(0, 2) }) },
    );
    expect(result.subject).toBe('About <img src=x onerror=alert(1)>Hoopla, Book club');
    expect(bodyOf(result.html)).toBe(
      '<img style="max-width:100%;height:auto" src="https://maple.example/a.png" alt="&lt;img src=x onerror=alert(1)&gt;Hoopla, Book club" />',
    );
  });

  it('warns when there are no services to list', () => {
    const result = render({ text: '{{services.list}}' }, { values: values({ services: [] }) });
    expect(result.warnings).toEqual(['{{services.list}} has no value']);
  });
});

describe('renderEmail: layout and footer', () => {
  it('is a complete, accessible document', () => {
    const { html } = render({ subject: 'Hi & welcome' });
    expect(
      html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).toContain('<title>Hi &amp; welcome</title>');
    expect(html).toContain('max-width:600px');
    expect(html).toContain('color:#1a1a1a');
    expect(html).toContain('font-weight:bold">Maple Public Library</div>');
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it('refuses an invalid language code in the lang attribute', () => {
    expect(render({}, { language: 'en" onload="x' }).html).toContain('<html lang="en">');
  });

  it('shows the library, its address and contacts, and an unsubscribe link for promotional mail', () => {
    const result = render({});
    expect(result.html).toContain(
      '<strong>Maple Public Library</strong><br>12 Main Street, Maple ON K1A 0A1<br>Phone: 613-555-0100<br>E-mail: <a href="mailto:hello@maple.example"',
    );
    expect(result.html).toContain(
      'You are receiving this e-mail because you are a member of Maple Public Library. <a href="https://desk.maple.example/unsubscribe/tok" style="color:#0b57d0;text-decoration:underline">Unsubscribe</a>',
    );
    expect(result.text).toBe(
      'Body\n\n-- \nMaple Public Library\n12 Main Street, Maple ON K1A 0A1\nPhone: 613-555-0100\nE-mail: hello@maple.example\n\n' +
        'You are receiving this e-mail because you are a member of Maple Public Library.\n' +
        'Unsubscribe: https://desk.maple.example/unsubscribe/tok\n',
    );
    expect(result.warnings).toEqual([]);
  });

  it('has no unsubscribe footer for transactional mail without an unsubscribe link', () => {
    const result = render({}, { class: 'transactional', values: values({ unsubscribeUrl: null }) });
    expect(result.html).not.toContain('Unsubscribe');
    expect(result.html).not.toContain('You are receiving');
    expect(result.html).toContain('Phone: 613-555-0100');
    expect(result.text).toBe(
      'Body\n\n-- \nMaple Public Library\n12 Main Street, Maple ON K1A 0A1\nPhone: 613-555-0100\nE-mail: hello@maple.example\n',
    );
    expect(result.warnings).toEqual([]);
  });

  it('shows the unsubscribe link on transactional mail when one is given', () => {
    const result = render({}, { class: 'transactional' });
    expect(result.html).toContain('>Unsubscribe</a>');
    expect(result.text).toContain('Unsubscribe: https://desk.maple.example/unsubscribe/tok');
  });

  it('is in French for French e-mails', () => {
    const result = render({}, { language: 'fr' });
    expect(result.html).toContain('<html lang="fr">');
    expect(result.html).toContain('Téléphone : 613-555-0100<br>Courriel : <a href="mailto:');
    expect(result.html).toContain(
      'Vous recevez ce courriel parce que vous êtes abonné·e à Maple Public Library. <a href="https://desk.maple.example/unsubscribe/tok" style="color:#0b57d0;text-decoration:underline">Se désabonner</a>',
    );
    expect(result.text).toContain(
      'Vous recevez ce courriel parce que vous êtes abonné·e à Maple Public Library.\nSe désabonner : https://desk.maple.example/unsubscribe/tok\n',
    );
    expect(result.html).not.toContain('Unsubscribe');
  });

  it('leaves out missing contact details, and warns when promotional mail lacks what CA-1 needs', () => {
    const result = render(
      {},
      {
        values: values({
          library: { ...values().library, address: '', callbackNumber: '', contactEmail: '' },
          unsubscribeUrl: null,
        }),
      },
    );
    expect(result.html).toContain('<strong>Maple Public Library</strong></p>');
    expect(result.html).not.toContain('Phone');
    expect(result.html).toContain('because you are a member of Maple Public Library.</p>');
    expect(result.text).not.toContain('Unsubscribe:');
    expect(result.warnings).toEqual([
      'A promotional e-mail needs an unsubscribe link',
      "A promotional e-mail needs the library's postal address",
      "A promotional e-mail needs the library's phone number or contact e-mail",
    ]);
  });

  it('escapes the library details in the header and footer', () => {
    const library = { ...values().library, name: '<b>Maple</b>', address: 'A & B\nSuite "2"' };
    const result = render({}, { values: values({ library }) });
    expect(result.html).not.toContain('<b>Maple</b>');
    expect(result.html).toContain('&lt;b&gt;Maple&lt;/b&gt;</div>');
    expect(result.html).toContain('A &amp; B<br>Suite &quot;2&quot;');
  });

  it('turns line breaks in a value into <br> in text, never inside an attribute', () => {
    const library = { ...values().library, address: 'A & B\nSuite "2"' };
    const result = render(
      {
        html: '<p>{{library.address}}</p><img src="https://x.example/a.png" alt="{{library.address}}" />',
      },
      { values: values({ library }) },
    );
    expect(bodyOf(result.html)).toBe(
      '<p>A &amp; B<br>Suite &quot;2&quot;</p><img style="max-width:100%;height:auto" src="https://x.example/a.png" alt="A &amp; B\nSuite &quot;2&quot;" />',
    );
  });
});

describe('templateProblems', () => {
  it('finds nothing wrong with a clean template', () => {
    expect(
      templateProblems({
        subject: 'Hi {{patron.firstName}}',
        html: '<p>{{services.list}}</p><p><a href="{{unsubscribe.url}}">Stop</a></p>',
        text: '{{services.list}} {{unsubscribe.url}}',
      }),
    ).toEqual([]);
  });

  it('names the part, the unknown field, unclosed braces and what the sanitiser drops', () => {
    expect(
      templateProblems({
        subject: 'Hi {{patron.age}} {{services.list}}',
        html: '<p onclick="x()">{{ patron.secret }} {{patron.secret}} {{</p>',
        text: 'Bye {{caller.nickname}} {{ oops',
      }),
    ).toEqual([
      { field: 'subject', message: 'The subject uses {{patron.age}}, which is not a merge field.' },
      {
        field: 'subject',
        message: 'The subject cannot use {{services.list}}: a list belongs in the message.',
      },
      {
        field: 'html',
        message: 'The HTML version uses {{patron.secret}}, which is not a merge field.',
      },
      { field: 'html', message: 'The HTML version has a "{{" that is not closed with "}}".' },
      {
        field: 'text',
        message: 'The plain-text version uses {{caller.nickname}}, which is not a merge field.',
      },
      { field: 'text', message: 'The plain-text version has a "{{" that is not closed with "}}".' },
      {
        field: 'html',
        message:
          'The HTML version has something not allowed, which will be removed: onclick attribute on <p>.',
      },
    ]);
  });
});
