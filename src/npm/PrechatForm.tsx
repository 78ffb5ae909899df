import { type ReactElement, useEffect, useRef } from 'react';
import { mountIntoShadowRoot } from './mount-prechat.ts';
import type { PrechatCallbacks, PrechatFormProps, PrechatHandle } from './types.ts';

/**
 * The pre-chat form, inline, as a React component. It renders a `<div>` whose open shadow root holds the form,
 * so page styles do not reach it and Playwright's role and label locators still do.
 *
 * The options are read when it mounts; change the component's `key` to remount it with new ones. Callbacks may
 * change on every render without remounting, and a changed `prefill` (compared by value) is merged in.
 *
 * ```tsx
 * <PrechatForm serverUrl="https://chat.example.com" onRoom={({ token, room }) => openChat(token, room)} />
 * ```
 */
export function PrechatForm(props: PrechatFormProps): ReactElement {
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<PrechatHandle | undefined>(undefined);
  const callbacksRef = useRef<PrechatCallbacks>(props);
  const propsAtMount = useRef(props);
  const prefillKey = JSON.stringify(props.prefill ?? null);
  const mountedPrefill = useRef(prefillKey);

  useEffect(() => {
    callbacksRef.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // StrictMode mounts twice: the second mount reuses the shadow root (it cannot be attached twice).
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const handle = mountIntoShadowRoot(root, propsAtMount.current, () => callbacksRef.current);
    handleRef.current = handle;
    return () => {
      handle.destroy();
      handleRef.current = undefined;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefillKey is props.prefill compared by value
  useEffect(() => {
    if (prefillKey === mountedPrefill.current) return;
    mountedPrefill.current = prefillKey;
    if (props.prefill) handleRef.current?.prefill(props.prefill);
  }, [prefillKey]);

  return <div ref={hostRef} className={props.className} data-rocketchat-prechat="" />;
}
