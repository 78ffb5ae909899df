import { ownGlobal } from '../../shared/dom-clobbering.ts';
import { loadScript } from '../../shared/load-script.ts';
import type { PhoneLib } from '../../shared/widget-context.ts';

/** phone.js's global (vite.config.ts), not a page element that answers to its name. */
const loadedLib = () => ownGlobal<PhoneLib>('RocketChatPrechatPhone', 'parsePhoneNumberFromString');

let pending: Promise<PhoneLib> | undefined;

/**
 * Loads the phone-number metadata the first time the phone field is used, not before the form shows:
 * it would cost a third of the form's budget for a field many visitors leave empty.
 */
export function loadPhoneLib(baseUrl: string, nonce = ''): Promise<PhoneLib> {
  const loaded = loadedLib();
  if (loaded) return Promise.resolve(loaded);
  pending ??= loadScript(`${baseUrl}phone.js`, nonce).then(
    () => {
      const lib = loadedLib();
      if (!lib) throw new Error('phone.js did not register');
      return lib;
    },
    (error) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** E.164 form of a valid number, or undefined when it is not a valid number. */
export function toE164(lib: PhoneLib, text: string, country: string | undefined): string | undefined {
  // `never`: libphonenumber-js types the country as its CountryCode union; an unknown one is simply ignored.
  const parsed = lib.parsePhoneNumberFromString(text, country as never);
  return parsed?.isValid() ? parsed.number : undefined;
}
