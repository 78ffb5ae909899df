import { within } from '@testing-library/react';
import { vi } from 'vitest';
import type { EventName, PrefillValues, WidgetHandle } from '../../src/types/public-api.ts';
import { mount } from '../../src/widget/mount.tsx';
import { SERVER } from './livechat-fixtures.ts';

/**
 * Mounts the form bundle as the loader does — into an open shadow root — and returns Testing Library
 * queries scoped to that shadow root, plus every event the widget emitted.
 */
export function renderWidget({
  options = {},
  config = null,
  prefill = {},
  inline = true,
}: {
  options?: Record<string, unknown>;
  config?: unknown;
  prefill?: PrefillValues;
  inline?: boolean;
} = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const events: { name: EventName; detail: unknown }[] = [];
  const onClosed = vi.fn();
  const handle: WidgetHandle = mount({
    options: { serverUrl: SERVER, ...options },
    root,
    inline,
    config,
    prefill,
    baseUrl: 'https://cdn.example.com/widget/',
    nonce: '',
    emit: (name, detail) => events.push({ name, detail }),
    onClosed,
  });
  // Testing Library wants an element: query inside the widget's root element in the shadow root.
  const screen = within(root.querySelector<HTMLElement>('.rcp-root') as HTMLElement);
  return {
    root,
    screen,
    events,
    handle,
    onClosed,
    eventsNamed: (name: EventName) => events.filter((e) => e.name === name),
  };
}
