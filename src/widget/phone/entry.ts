/** widget/phone.js: libphonenumber-js with its small ("min") metadata, as a classic script. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export { parsePhoneNumberFromString };
