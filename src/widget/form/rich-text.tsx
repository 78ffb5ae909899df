import type { ReactNode } from 'react';

// `[label](https://…)` or a bare http(s) URL. Anything else — other schemes included — stays plain text.
const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

/**
 * Plain text with links allowed only to http(s): text from the server or the host page is never parsed as
 * HTML, and a `javascript:` or `data:` link can never be produced.
 */
export function renderRichText(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [whole, label, labelledUrl, bareUrl] = match;
    const index = match.index ?? 0;
    if (index > last) nodes.push(text.slice(last, index));
    const href = labelledUrl ?? bareUrl ?? '';
    nodes.push(
      <a key={index} href={href} target="_blank" rel="noopener noreferrer">
        {label ?? href}
      </a>,
    );
    last = index + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
