import {
  configResponseSchema,
  type LivechatConfig,
  type RegisterVisitorBody,
  registerVisitorResponseSchema,
  roomResponseSchema,
} from '../../livechat/schemas.ts';
import { requestJson } from './request-json.ts';

/** The three livechat endpoints the form uses, bound to one Rocket.Chat server. */
export function createLivechatApi(serverUrl: string) {
  const base = `${serverUrl}/api/v1/livechat`;
  return {
    /** GET livechat/config (contract §2): a simple GET, no preflight. */
    async config(params: { token?: string; department?: string }): Promise<LivechatConfig> {
      const query = new URLSearchParams(
        Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
      );
      return (await requestJson(`${base}/config?${query}`, {}, configResponseSchema)).config;
    },
    /** POST livechat/visitor (contract §1): the one registration request. */
    registerVisitor(body: RegisterVisitorBody) {
      return requestJson(
        `${base}/visitor`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        registerVisitorResponseSchema,
      );
    },
    /** GET livechat/room (contract §3): opens the visitor's room, or returns the open one. */
    room(token: string) {
      return requestJson(`${base}/room?${new URLSearchParams({ token })}`, {}, roomResponseSchema);
    },
  };
}

export type LivechatApi = ReturnType<typeof createLivechatApi>;
