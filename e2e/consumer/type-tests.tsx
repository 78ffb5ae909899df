/**
 * Type-only checks of the packed package's declarations (never bundled): props, callbacks, the imperative
 * helper and the exported types. Every `@ts-expect-error` must be an error, so `any`-typed declarations fail.
 */
import {
  type EventMap,
  mountPrechat,
  PrechatForm,
  type PrechatFormProps,
  type PrechatHandle,
  type PrechatOptions,
  type PrefillValues,
  type SubmittedValues,
} from 'rocketchat-prechat';

export const form = (
  <PrechatForm
    serverUrl="http://127.0.0.1:3100"
    department="Support"
    locale="pt-BR"
    fields={{ phone: { show: true, required: true } }}
    customFields={[{ key: 'plan', type: 'select', options: ['Free', 'Pro'] }]}
    labels={{ submit: 'Chat now' }}
    prefill={{
      name: { value: 'Ada', mode: 'readonly' },
      customFields: { crm_id: { value: '7', mode: 'hidden' } },
    }}
    startRoom={false}
    onRoom={({ token, room, newRoom }) => console.log(token.toUpperCase(), room, newRoom === true)}
    onSubmit={(values: SubmittedValues) => console.log(values.customFields.plan)}
    onError={({ code, message }) => console.log(code.length + message.length)}
  />
);

// @ts-expect-error serverUrl is required
export const missingServer = <PrechatForm />;
// @ts-expect-error theme.position is 'left' | 'right'
export const badTheme = <PrechatForm serverUrl="https://x" theme={{ position: 'top' }} />;
// @ts-expect-error the room detail has no `roomId`
export const badCallback = <PrechatForm serverUrl="https://x" onRoom={(detail) => detail.roomId} />;
// @ts-expect-error `container` is not a prop: the form renders where the component is
export const noContainer = <PrechatForm serverUrl="https://x" container="#chat" />;

const handle: PrechatHandle = mountPrechat(document.body, {
  serverUrl: 'https://chat.example.com',
  onRegistered: ({ token }) => console.log(token),
});
handle.prefill({ email: 'ada@example.com' } satisfies PrefillValues);
handle.destroy();

export const room: EventMap['room']['token'] = 'x';
export const options: PrechatOptions = { serverUrl: 'https://x', container: '#chat', nonce: 'n' };
export type Props = PrechatFormProps;
