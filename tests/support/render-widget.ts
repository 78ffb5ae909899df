import { within } from '@testing-library/react';
import { vi } from 'vitest';
import type { LauncherHandle, WidgetHandle } from '../../src/shared/widget-context.ts';
import type { EventName, PrefillValues } from '../../src/types/public-api.ts';
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
  // A launcher as the loader draws it: a button in the same shadow root, driven only through its handle.
  let launcher: (LauncherHandle & { button: HTMLButtonElement }) | undefined;
  if (!inline) {
    const button = document.createElement('button');
    button.className = 'rcp-launcher';
    root.append(button);
    launcher = {
      button,
      setLabel: vi.fn((label: string) => button.setAttribute('aria-label', label)),
      setExpanded: vi.fn((expanded: boolean) => button.setAttribute('aria-expanded', String(expanded))),
      setInert: vi.fn((inert: boolean) => {
        button.inert = inert;
      }),
      focus: vi.fn(() => button.focus()),
      setHidden: vi.fn((hidden: boolean) => {
        button.hidden = hidden;
      }),
    };
  }
  const handle: WidgetHandle = mount({
    options: { serverUrl: SERVER, ...options },
    root,
    launcher,
    configJson: config,
    prefill: [prefill],
    baseUrl: 'https://cdn.example.com/widget/',
    nonce: '',
    emit: (name, detail) => events.push({ name, detail }),
  });
  // Testing Library wants an element: query inside the widget's root element in the shadow root.
  const screen = within(root.querySelector<HTMLElement>('.rcp-root') as HTMLElement);
  return {
    root,
    screen,
    events,
    handle,
    launcher,
    eventsNamed: (name: EventName) => events.filter((e) => e.name === name),
  };
}
