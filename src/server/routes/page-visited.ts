/**
 * POST livechat/page.visited (CONTRACT.md §13.5): a typed route whose body is checked first. With Rocket.Chat's
 * default `Livechat_Visitor_navigation_as_a_message` off nothing is stored and the answer is `{ success: true }`.
 */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import { TypedBodyError } from '../errors.ts';
import type { AppEnv } from '../http.ts';
import type { StandinState } from '../state.ts';
import { endpoint } from './endpoint.ts';

// rest-typings `isPOSTLivechatPageVisitedParams`.
const PAGE_VISITED_BODY: ObjectSchema = {
  type: 'object',
  properties: {
    token: { type: 'string' },
    rid: { type: 'string', nullable: true },
    pageInfo: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        change: { type: 'string' },
        location: {
          type: 'object',
          properties: { href: { type: 'string' } },
          required: ['href'],
          additionalProperties: false,
        },
      },
      required: ['title', 'change', 'location'],
      additionalProperties: false,
    },
  },
  required: ['token', 'pageInfo'],
  additionalProperties: false,
};

export function mountPageVisitedRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.post(
    '/api/v1/livechat/page.visited',
    endpoint(state, 'livechat/page.visited', (c) => {
      const checked = validateParams(c.get('bodyParams'), PAGE_VISITED_BODY);
      if (!checked.ok) throw new TypedBodyError(checked.message);
      return {};
    }),
  );
}
