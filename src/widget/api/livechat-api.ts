import {
  configResponseSchema,
  type LivechatConfig,
  type OfflineMessageBody,
  offlineMessageResponseSchema,
  type RegisterVisitorBody,
  registerVisitorResponseSchema,
  roomResponseSchema,
  sendMessageResponseSchema,
} from '../../livechat/schemas.ts';
import { configUrl } from '../../shared/livechat-config.ts';
import { CONFIG_TIMEOUT_MS } from '../../shared/request.ts';
import { requestJson } from './request-json.ts';
import { toJson } from './to-json.ts';

/** The livechat endpoints the form uses, bound to one Rocket.Chat server. */
export function createLivechatApi(serverUrl: string) {
  const base = `${serverUrl}/api/v1/livechat`;
  return {
    /** GET livechat/config (CONTRACT.md §2), as the loader asks it: same URL, same time limit. */
    async config(params: { token?: string; department?: string }): Promise<LivechatConfig> {
      const url = configUrl(serverUrl, params);
      return (await requestJson(url, {}, configResponseSchema(), CONFIG_TIMEOUT_MS)).config;
    },
    /** POST livechat/visitor (CONTRACT.md §1): the one registration request. */
    registerVisitor(body: RegisterVisitorBody) {
      return requestJson(
        `${base}/visitor`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: toJson(body) },
        registerVisitorResponseSchema(),
      );
    },
    /** GET livechat/room (CONTRACT.md §3): opens the visitor's room, or returns the open one. */
    room(token: string) {
      return requestJson(`${base}/room?${new URLSearchParams({ token })}`, {}, roomResponseSchema());
    },
    /** POST livechat/message: the visitor's message in their room; `_id` makes a resend the same message. */
    sendMessage(body: { token: string; rid: string; msg: string; _id: string }) {
      return requestJson(
        `${base}/message`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        sendMessageResponseSchema(),
      );
    },
    /** POST livechat/offline.message (CONTRACT.md §14): the visitor's message, mailed to the offline address. */
    sendOfflineMessage(body: OfflineMessageBody) {
      return requestJson(
        `${base}/offline.message`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: toJson(body) },
        offlineMessageResponseSchema(),
      );
    },
  };
}

export type LivechatApi = ReturnType<typeof createLivechatApi>;
