/**
 * The same global types, brought in with a type-only import instead of a triple-slash reference.
 */
import type {} from 'rocketchat-prechat/global';

export function prefillKnownUser(user: { name: string; email: string }): void {
  globalThis.RocketChatPrechat('prefill', {
    name: { value: user.name, mode: 'readonly' },
    email: user.email,
  });
  // @ts-expect-error prefill modes are editable | readonly | hidden
  globalThis.RocketChatPrechat('prefill', { name: { value: user.name, mode: 'locked' } });
}
