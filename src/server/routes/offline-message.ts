/**
 * POST livechat/offline.message (CONTRACT.md §14): the "leave a message" form, sent when nobody is online. A legacy
 * `addRoute` route with its own limit (1 call per 5 s, §0.5): AJV params first (`"<msg> [invalid-params]"`), then
 * Rocket.Chat's `sendOfflineMessage`. Whatever that throws, the route answers the one translated failure. No mail
 * leaves the stand-in: a message Rocket.Chat would have mailed is kept in `state.offlineMessages`.
 */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import { findDepartmentByIdOrName } from '../availability.ts';
import { isBasicEmail, mxLookupWouldSucceed } from '../email.ts';
import { LegacyParamsError } from '../errors.ts';
import type { AppEnv } from '../http.ts';
import type { OfflineMessage, StandinState } from '../state.ts';
import { randomId } from '../store.ts';
import { endpoint } from './endpoint.ts';

// rest-typings `isPOSTLivechatOfflineMessageParams`.
const OFFLINE_MESSAGE_BODY: ObjectSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    email: { type: 'string' },
    message: { type: 'string' },
    department: { type: 'string', nullable: true },
    host: { type: 'string', nullable: true },
  },
  required: ['name', 'email', 'message'],
  additionalProperties: false,
};

/** i18n `Livechat_offline_message_sent` and `Error_sending_livechat_offline_message` in English. */
const SENT = 'Livechat offline message sent';
const NOT_SENT = 'Error sending Omnichannel offline message';

type OfflineInput = {
  name: string;
  email: string;
  message: string;
  department?: string | null;
  host?: string | null;
};

/**
 * `sendOfflineMessage` (§14) up to the mail: each check throws, as Rocket.Chat's does, and the route turns every
 * throw into the same failure. Returns what would have been mailed.
 */
function acceptOfflineMessage(state: StandinState, input: OfflineInput): OfflineMessage {
  const settings = state.settings;
  if (!settings.Livechat_display_offline_form) throw new Error('error-offline-form-disabled');
  if (!input.email) throw new Error('error-invalid-email');
  if (settings.Livechat_validate_offline_email && !mxLookupWouldSucceed(input.email)) {
    throw new Error('error-invalid-email-address');
  }
  let to = settings.Livechat_offline_email;
  if (input.department) {
    const department = findDepartmentByIdOrName(state.fixture, input.department);
    if (department) to = department.email || to;
  }
  // The mailer refuses a recipient that fails `validateEmail`: with the default empty setting, every message.
  if (!isBasicEmail(to)) throw new Error('invalid email');

  const offline: OfflineMessage = {
    _id: randomId(),
    name: input.name,
    email: input.email,
    message: input.message,
    to,
    ts: new Date().toISOString(),
  };
  if (input.department) offline.department = input.department;
  if (input.host) offline.host = input.host;
  return offline;
}

export function mountOfflineMessageRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/offline.message',
    endpoint(state, 'livechat/offline.message', (c) => {
      const checked = validateParams(c.get('bodyParams'), OFFLINE_MESSAGE_BODY);
      if (!checked.ok) throw new LegacyParamsError(checked.message);
      let offline: OfflineMessage;
      try {
        offline = acceptOfflineMessage(state, checked.value as OfflineInput);
      } catch {
        throw new Error(NOT_SENT);
      }
      state.offlineMessages.push(offline);
      return { message: SENT };
    }),
  );
}
