import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRichText } from '../../src/widget/form/rich-text.tsx';

const html = (text: string) => render(<p>{renderRichText(text)}</p>).container.innerHTML;

describe('consent text: plain text with http(s) links only', () => {
  it('turns [label](https://…) and bare http(s) URLs into links that open apart', () => {
    expect(html('Read the [policy](https://example.com/p) or http://example.org/terms.')).toBe(
      '<p>Read the <a href="https://example.com/p" target="_blank" rel="noopener noreferrer">policy</a> or ' +
        '<a href="http://example.org/terms" target="_blank" rel="noopener noreferrer">http://example.org/terms</a>.</p>',
    );
  });

  it('never makes a link of another scheme, and never parses HTML', () => {
    expect(html('[x](javascript:alert(1)) data:text/html,hi <b>bold</b>')).toBe(
      '<p>[x](javascript:alert(1)) data:text/html,hi &lt;b&gt;bold&lt;/b&gt;</p>',
    );
  });
});
