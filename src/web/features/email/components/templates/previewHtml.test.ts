import { describe, expect, it } from 'vitest';
import { previewHtml } from './previewHtml';

describe('previewHtml', () => {
  it('leaves out style attributes, quoted either way or not at all', () => {
    expect(
      previewHtml(
        '<body style="margin:0"><div role="article" style=\'color:red\'><a style=x href="https://a.example">a</a></div></body>',
      ),
    ).toBe('<body><div role="article"><a href="https://a.example">a</a></div></body>');
  });

  it('leaves out style elements', () => {
    expect(previewHtml('<head><style>p { color: red }</style></head><p>Hi</p>')).toBe(
      '<head></head><p>Hi</p>',
    );
  });

  it('keeps text that only talks about styles', () => {
    expect(previewHtml('<p>Set style="bold" in the form</p>')).toBe(
      '<p>Set style="bold" in the form</p>',
    );
  });

  it('keeps other attributes that merely end in "style"', () => {
    expect(previewHtml('<p data-style="x" class="y">Hi</p>')).toBe(
      '<p data-style="x" class="y">Hi</p>',
    );
  });
});
