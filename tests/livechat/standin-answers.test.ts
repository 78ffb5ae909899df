/**
 * The stand-in's answers against the schemas the widget parses them with (src/livechat/schemas.ts): config,
 * visitor, room and the error envelope. The stand-in runs in process (`app.request`), no port is opened.
 * Every parse also checks a few values, and each schema family gets one answer it must reject, so a schema
 * that accepted anything would fail here too.
 */
import { describe, expect, it } from 'vitest';
import {
  configResponseSchema,
  errorResponseSchema,
  offlineMessageResponseSchema,
  registerVisitorResponseSchema,
  roomResponseSchema,
} from '../../src/livechat/schemas.ts';
import type { z } from '../../src/livechat/zod.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadFixture } from '../../src/server/start.ts';
import { StandinState } from '../../src/server/state.ts';
import { Store } from '../../src/server/store.ts';

const API = '/api/v1/livechat';

/** Departments and custom fields that exercise every optional key of the config schemas. */
const FIXTURE = {
  settings: { API_Enable_Rate_Limiter: false },
  departments: [
    { _id: 'sales', name: 'Sales', numAgents: 2, departmentsAllowedToForward: ['support'] },
    { _id: 'support', name: 'Support', numAgents: 1, showOnRegistration: false, agentsOnline: false },
    // No agents: GET config must not list it (CONTRACT.md §2.3).
    { _id: 'empty', name: 'Empty' },
  ],
  customFields: [
    {
      _id: 'company',
      label: 'Company',
      scope: 'visitor',
      visibility: 'visible',
      public: true,
      required: true,
      regexp: '^.+$',
      type: 'input',
    },
    {
      _id: 'plan',
      label: 'Plan',
      scope: 'visitor',
      visibility: 'visible',
      public: true,
      type: 'select',
      options: 'free,pro',
      defaultValue: 'free',
    },
    // Hidden: not listed by GET config.
    { _id: 'internal', label: 'Internal', scope: 'visitor', visibility: 'hidden', public: true },
  ],
};

type Answer = { status: number; body: unknown };

/** A fresh stand-in, put together as `startStandin` does but without listening: requests go to `app.request`. */
function standin(fixture: unknown = FIXTURE) {
  const loaded = loadFixture(fixture);
  const store = new Store({ guestCount: loaded.settings.Livechat_guest_count, visitors: [], rooms: [] });
  const app = buildApp(new StandinState(loaded, store), { control: false });
  return async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await app.request(`http://standin.test${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path} answered ${response.status} with a non-JSON body: ${text}`);
    }
    return { status: response.status, body: parsed };
  };
}

/**
 * One line per zod issue. `zod/mini` ships no locale, so `message` is only "Invalid input": the code and the
 * issue's own fields (expected, values, keys…) say what was wrong. A union lists each branch's issues.
 */
function formatIssues(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = [], indent = '  '): string {
  return issues
    .map((issue) => {
      const path = [...base, ...issue.path];
      const where = path.length > 0 ? path.map(String).join('.') : '(root)';
      if (issue.code === 'invalid_union') {
        const branches = issue.errors.map(
          (branch, index) =>
            `${indent}  branch ${index + 1}:\n${formatIssues(branch, path, `${indent}    `)}`,
        );
        return `${indent}✖ at ${where}: no branch of the union matched\n${branches.join('\n')}`;
      }
      const {
        path: _path,
        code,
        message,
        input: _input,
        ...rest
      } = issue as z.core.$ZodIssue & { input?: unknown };
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      return `${indent}✖ at ${where}: ${code}${extra}${message === 'Invalid input' ? '' : ` (${message})`}`;
    })
    .join('\n');
}

/** Parses with `schema`; on failure the test fails with the zod issues and the answer, readable at a glance. */
function parses<S extends z.ZodMiniType>(schema: S, answer: Answer, what: string): z.infer<S> {
  const result = schema.safeParse(answer.body);
  if (!result.success) {
    expect.fail(
      `${what}: the stand-in's answer (HTTP ${answer.status}) does not match the schema\n` +
        `${formatIssues(result.error.issues)}\nanswer: ${JSON.stringify(answer.body, null, 2)}`,
    );
  }
  return result.data;
}

/** The schema must reject `body`; fails the test if it does not. */
function rejects(schema: z.ZodMiniType, body: unknown, what: string): void {
  const result = schema.safeParse(body);
  expect(result.success, `${what} should have been rejected: ${JSON.stringify(body)}`).toBe(false);
}

const clone = <T>(value: T): T => structuredClone(value);

/** POST livechat/visitor with `visitor`: the answer must be a 200 that parses; gives back its visitor. */
async function register(send: ReturnType<typeof standin>, visitor: Record<string, unknown>) {
  const answer = await send('POST', `${API}/visitor`, { visitor });
  expect(answer.status).toBe(200);
  return parses(registerVisitorResponseSchema(), answer, 'POST livechat/visitor').visitor;
}

describe('GET livechat/config', () => {
  it('enabled, with departments, custom fields, the known guest and its open room', async () => {
    const send = standin();
    const visitor = await register(send, {
      token: 'cfg-token',
      name: 'Jane Doe',
      email: 'Jane@Example.com',
      department: 'sales',
    });
    const roomAnswer = await send('GET', `${API}/room?token=cfg-token`);
    const { room } = parses(roomResponseSchema(), roomAnswer, 'GET livechat/room');

    const answer = await send('GET', `${API}/config?token=cfg-token`);
    expect(answer.status).toBe(200);
    const { config } = parses(configResponseSchema(), answer, 'GET livechat/config?token=');
    if (!config.enabled) throw new Error('expected an enabled config');

    expect(config.online).toBe(true);
    expect(config.settings.registrationForm).toBe(true);
    expect(config.settings.language).toBe(''); // Rocket.Chat's default: automatic
    expect(config.departments?.map((department) => department._id)).toEqual(['sales', 'support']);
    expect(config.departments?.[0]).toEqual({
      _id: 'sales',
      name: 'Sales',
      showOnRegistration: true,
      showOnOfflineForm: true,
      departmentsAllowedToForward: ['support'],
    });
    expect(config.departments?.[1]?.showOnRegistration).toBe(false);
    expect(config.customFields).toEqual([
      {
        _id: 'company',
        label: 'Company',
        regexp: '^.+$',
        required: true,
        type: 'input',
        defaultValue: null,
      },
      {
        _id: 'plan',
        label: 'Plan',
        required: false,
        type: 'select',
        defaultValue: 'free',
        options: ['free', 'pro'],
      },
    ]);
    expect(config.guest).toEqual({
      _id: visitor._id,
      name: 'Jane Doe',
      username: visitor.username,
      token: 'cfg-token',
      visitorEmails: [{ address: 'jane@example.com' }],
      department: 'sales',
    });
    expect(config.room?._id).toBe(room._id);
    expect(config.room?.open).toBe(true);
  });

  it('enabled, without a token: no guest and no room', async () => {
    const send = standin();
    const answer = await send('GET', `${API}/config`);
    const { config } = parses(configResponseSchema(), answer, 'GET livechat/config');
    if (!config.enabled) throw new Error('expected an enabled config');
    expect(config.guest).toBeUndefined();
    expect(config.room).toBeUndefined();
    // An unknown token is not an error either: still no guest.
    const unknown = await send('GET', `${API}/config?token=nobody`);
    const parsed = parses(configResponseSchema(), unknown, 'GET livechat/config?token=<unknown>');
    expect(parsed.config.enabled && parsed.config.guest).toBeUndefined();
  });

  it('disabled livechat: only `enabled: false`', async () => {
    const send = standin({ settings: { API_Enable_Rate_Limiter: false, Livechat_enabled: false } });
    const answer = await send('GET', `${API}/config`);
    expect(answer.status).toBe(200);
    const { config } = parses(configResponseSchema(), answer, 'GET livechat/config (disabled)');
    expect(config).toEqual({ enabled: false });
  });

  it('?department= answers `online` for that department', async () => {
    const send = standin();
    const online = parses(
      configResponseSchema(),
      await send('GET', `${API}/config?department=sales`),
      'GET livechat/config?department=sales',
    ).config;
    const offline = parses(
      configResponseSchema(),
      await send('GET', `${API}/config?department=support`),
      'GET livechat/config?department=support',
    ).config;
    expect(online.enabled && online.online).toBe(true);
    expect(offline.enabled).toBe(true);
    expect(offline.enabled && offline.online).toBe(false);
  });

  it('the schema rejects a config answer without `config.enabled` (or with a wrong `online`)', async () => {
    const send = standin();
    const body = (await send('GET', `${API}/config`)).body as { config: Record<string, unknown> };
    expect(configResponseSchema().safeParse(body).success).toBe(true);

    const withoutEnabled = clone(body);
    delete withoutEnabled.config.enabled;
    rejects(configResponseSchema(), withoutEnabled, 'config without `enabled`');

    const badOnline = clone(body);
    badOnline.config.online = 'yes';
    rejects(configResponseSchema(), badOnline, 'config with a string `online`');

    rejects(configResponseSchema(), { config: { enabled: false } }, 'config without `success: true`');
  });
});

describe('POST livechat/visitor', () => {
  it('a new visitor', async () => {
    const send = standin();
    const answer = await send('POST', `${API}/visitor`, { visitor: { token: 'new-token' } });
    expect(answer.status).toBe(200);
    const { visitor } = parses(registerVisitorResponseSchema(), answer, 'POST livechat/visitor (new)');
    expect(visitor.token).toBe('new-token');
    expect(visitor._id).toMatch(/^[0-9a-f]{24}$/);
    expect(visitor.username).toBe('guest-2');
    expect(visitor.status).toBe('online');
    expect(visitor.livechatData).toBeUndefined();
  });

  it('an update with name, email, phone, department and custom fields', async () => {
    const send = standin();
    const created = await register(send, { token: 'upd-token' });
    const answer = await send('POST', `${API}/visitor`, {
      visitor: {
        token: 'upd-token',
        name: 'Jane Doe',
        email: 'jane@example.com',
        phone: '+15550100',
        department: 'Sales',
        customFields: [
          { key: 'company', value: 'ACME', overwrite: true },
          { key: 'plan', value: 'pro', overwrite: false },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const { visitor } = parses(registerVisitorResponseSchema(), answer, 'POST livechat/visitor (update)');
    expect(visitor._id).toBe(created._id);
    expect(visitor.token).toBe('upd-token');
    expect(visitor.username).toBe(created.username);
    expect(visitor.name).toBe('Jane Doe');
    expect(visitor.visitorEmails).toEqual([{ address: 'jane@example.com' }]);
    expect(visitor.phone).toEqual([{ phoneNumber: '+15550100' }]);
    expect(visitor.department).toBe('sales');
    expect(visitor.livechatData).toEqual({ company: 'ACME', plan: 'pro' });
  });

  it('the schema rejects a visitor answer without `visitor.token`', async () => {
    const send = standin();
    const body = (await send('POST', `${API}/visitor`, { visitor: { token: 't' } })).body as {
      visitor: Record<string, unknown>;
    };
    expect(registerVisitorResponseSchema().safeParse(body).success).toBe(true);

    const withoutToken = clone(body);
    delete withoutToken.visitor.token;
    rejects(registerVisitorResponseSchema(), withoutToken, 'visitor without `token`');

    const badEmails = clone(body);
    badEmails.visitor.visitorEmails = ['jane@example.com'];
    rejects(registerVisitorResponseSchema(), badEmails, 'visitorEmails as plain strings');
  });
});

describe('GET livechat/room', () => {
  it('a new room, then the same open room again', async () => {
    const send = standin();
    const visitor = await register(send, { token: 'room-token', name: 'Jane' });

    const first = await send('GET', `${API}/room?token=room-token`);
    expect(first.status).toBe(200);
    const created = parses(roomResponseSchema(), first, 'GET livechat/room (new)');
    expect(created.newRoom).toBe(true);
    expect(created.room.t).toBe('l');
    expect(created.room.open).toBe(true);
    expect(created.room.fname).toBe('Jane');
    expect(created.room.v.token).toBe('room-token');
    expect(created.room.v._id).toBe(visitor._id);
    expect(created.room.v.username).toBe(visitor.username);
    expect(created.room.source?.type).toBe('api');
    // No department on the visitor: the first department shown on registration with an online agent.
    expect(created.room.departmentId).toBe('sales');
    expect(created.room.servedBy?._id).toEqual(expect.any(String));

    const second = await send('GET', `${API}/room?token=room-token`);
    const reused = parses(roomResponseSchema(), second, 'GET livechat/room (reused)');
    expect(reused.newRoom).toBe(false);
    expect(reused.room._id).toBe(created.room._id);
    expect(reused.room.v.token).toBe('room-token');

    const byRid = await send('GET', `${API}/room?token=room-token&rid=${created.room._id}`);
    const sameRoom = parses(roomResponseSchema(), byRid, 'GET livechat/room?rid=');
    expect(sameRoom.newRoom).toBe(false);
    expect(sameRoom.room._id).toBe(created.room._id);
  });

  it('a queued room without `servedBy` when nobody is online but chats are accepted', async () => {
    const send = standin({
      settings: { API_Enable_Rate_Limiter: false, Livechat_accept_chats_with_no_agents: true },
      agentsOnline: false,
    });
    await register(send, { token: 'queued' });
    const { room, newRoom } = parses(
      roomResponseSchema(),
      await send('GET', `${API}/room?token=queued`),
      'GET livechat/room (queued)',
    );
    expect(newRoom).toBe(true);
    expect(room.v.token).toBe('queued');
    expect(room.servedBy).toBeUndefined();
  });

  it('the schema rejects a room answer whose room is not a livechat room or has no `v.token`', async () => {
    const send = standin();
    await register(send, { token: 'neg-room' });
    const body = (await send('GET', `${API}/room?token=neg-room`)).body as {
      room: { t: string; v: Record<string, unknown> };
      newRoom?: boolean;
    };
    expect(roomResponseSchema().safeParse(body).success).toBe(true);

    const directRoom = clone(body);
    directRoom.room.t = 'd';
    rejects(roomResponseSchema(), directRoom, 'room with t = "d"');

    const withoutToken = clone(body);
    delete withoutToken.room.v.token;
    rejects(roomResponseSchema(), withoutToken, 'room without `v.token`');

    const withoutNewRoom = clone(body);
    delete withoutNewRoom.newRoom;
    rejects(roomResponseSchema(), withoutNewRoom, 'room answer without `newRoom`');
  });
});

describe('error answers', () => {
  type Case = {
    name: string;
    fixture?: unknown;
    /** Requests sent first (e.g. to register a visitor); their answers are not checked. */
    before?: [string, string, unknown?][];
    request: [string, string, unknown?];
    status: number;
    error: string | RegExp;
    errorType?: string;
    details?: unknown;
  };

  const cases: Case[] = [
    {
      name: 'POST visitor without visitor.token: Match error',
      request: ['POST', `${API}/visitor`, { visitor: { name: 'x' } }],
      status: 400,
      error: "Match error: Missing key 'token' in field visitor",
    },
    {
      name: 'POST visitor with an unknown top-level key: Match error',
      request: ['POST', `${API}/visitor`, { visitor: { token: 'k' }, extra: 1 }],
      status: 400,
      error: 'Match error: Unknown key in field extra',
    },
    {
      name: 'POST visitor with a blank token: error-invalid-token',
      request: ['POST', `${API}/visitor`, { visitor: { token: '  ' } }],
      status: 400,
      error: 'Token cannot be empty [error-invalid-token]',
      errorType: 'error-invalid-token',
    },
    {
      name: 'POST visitor with an unknown department (8.x plain Error)',
      request: ['POST', `${API}/visitor`, { visitor: { token: 'd', department: 'nope' } }],
      status: 400,
      error: 'error-invalid-department',
    },
    {
      name: 'POST visitor with a required custom field missing',
      request: [
        'POST',
        `${API}/visitor`,
        { visitor: { token: 'cf', customFields: [{ key: 'plan', value: 'pro', overwrite: true }] } },
      ],
      status: 400,
      error: 'Missing required custom fields: company',
    },
    {
      name: 'POST visitor with a malformed email on 7.x: error with `details`',
      fixture: { settings: { API_Enable_Rate_Limiter: false, StandIn_Compat_Version: '7' } },
      request: ['POST', `${API}/visitor`, { visitor: { token: 'e7', email: 'not-an-email' } }],
      status: 400,
      error: 'Invalid email not-an-email [error-invalid-email]',
      errorType: 'error-invalid-email',
      details: { function: 'Livechat.validateEmail', email: 'not-an-email' },
    },
    {
      name: 'GET room for an unregistered token: invalid-token',
      request: ['GET', `${API}/room?token=unregistered`],
      status: 400,
      error: 'invalid-token',
    },
    {
      name: 'GET room without a token: Match error',
      request: ['GET', `${API}/room`],
      status: 400,
      error: "Match error: Missing key 'token'",
    },
    {
      name: 'GET room with an rid that is not the visitor’s open room: invalid-room',
      before: [['POST', `${API}/visitor`, { visitor: { token: 'rid' } }]],
      request: ['GET', `${API}/room?token=rid&rid=someone-else`],
      status: 400,
      error: 'invalid-room',
    },
    {
      name: 'GET room with nobody online: no-agent-online',
      fixture: { settings: { API_Enable_Rate_Limiter: false }, agentsOnline: false },
      before: [['POST', `${API}/visitor`, { visitor: { token: 'alone' } }]],
      request: ['GET', `${API}/room?token=alone`],
      status: 400,
      error: 'Sorry, no online agents [no-agent-online]',
      errorType: 'no-agent-online',
    },
    {
      name: 'GET config with an unknown parameter (8.x typed route)',
      request: ['GET', `${API}/config?foo=1`],
      status: 400,
      error: 'must NOT have additional properties',
      errorType: 'error-invalid-params',
    },
    {
      name: 'GET config with an unknown parameter (7.x legacy route)',
      fixture: { settings: { API_Enable_Rate_Limiter: false, StandIn_Compat_Version: '7' } },
      request: ['GET', `${API}/config?foo=1`],
      status: 400,
      error: 'must NOT have additional properties [invalid-params]',
      errorType: 'invalid-params',
    },
    {
      name: 'an unknown route: 404',
      request: ['GET', `${API}/does-not-exist`],
      status: 404,
      error: 'Not found',
    },
  ];

  it.each(cases)('$name', async (testCase) => {
    const send = standin(testCase.fixture ?? FIXTURE);
    for (const [method, path, body] of testCase.before ?? []) await send(method, path, body);
    const [method, path, body] = testCase.request;
    const answer = await send(method, path, body);
    expect(answer.status).toBe(testCase.status);
    const parsed = parses(errorResponseSchema(), answer, testCase.name);
    if (typeof testCase.error === 'string') expect(parsed.error).toBe(testCase.error);
    else expect(parsed.error).toMatch(testCase.error);
    expect(parsed.errorType).toBe(testCase.errorType);
    expect(parsed.details).toEqual(testCase.details);
  });

  it('429 from the rate limiter (POST livechat/visitor: 5 per minute)', async () => {
    // The limiter is on by default (§0.5).
    const send = standin({});
    for (let i = 1; i <= 5; i++) {
      expect((await send('POST', `${API}/visitor`, { visitor: { token: `rl-${i}` } })).status).toBe(200);
    }
    const answer = await send('POST', `${API}/visitor`, { visitor: { token: 'rl-6' } });
    expect(answer.status).toBe(429);
    const parsed = parses(errorResponseSchema(), answer, 'POST livechat/visitor (rate limited)');
    expect(parsed.error).toMatch(
      /^Error, too many requests\. Please slow down\. You must wait \d+ seconds before trying this endpoint again\. \[error-too-many-requests\]$/,
    );
    expect(parsed.errorType).toBeUndefined();
  });

  it('the schema rejects a success answer, and an error answer without `error`', async () => {
    const send = standin();
    const body = (await send('GET', `${API}/room?token=unregistered`)).body as Record<string, unknown>;
    expect(errorResponseSchema().safeParse(body).success).toBe(true);

    const withoutError = clone(body);
    delete withoutError.error;
    rejects(errorResponseSchema(), withoutError, 'error answer without `error`');

    const success = (await send('GET', `${API}/config`)).body;
    rejects(errorResponseSchema(), success, 'a success answer');
  });
});

describe('POST livechat/offline.message', () => {
  const form = { name: 'Ada', email: 'ada@example.org', message: 'Please call me back' };

  it('accepted: the translated confirmation, not the visitor text', async () => {
    const send = standin({
      ...FIXTURE,
      settings: { ...FIXTURE.settings, Livechat_offline_email: 'support@example.org' },
    });
    const answer = await send('POST', `${API}/offline.message`, form);
    expect(answer.status).toBe(200);
    const parsed = parses(offlineMessageResponseSchema(), answer, 'POST livechat/offline.message');
    expect(parsed.message).toBe('Livechat offline message sent');
  });

  it("refused (Rocket.Chat's default empty Livechat_offline_email): the error envelope, which the schema rejects", async () => {
    const send = standin();
    const answer = await send('POST', `${API}/offline.message`, form);
    expect(answer.status).toBe(400);
    const parsed = parses(errorResponseSchema(), answer, 'POST livechat/offline.message (refused)');
    expect(parsed.error).toBe('Error sending Omnichannel offline message');
    expect(parsed.errorType).toBeUndefined();
    rejects(offlineMessageResponseSchema(), answer.body, 'a refused offline message');
    rejects(offlineMessageResponseSchema(), { success: true }, 'a success without `message`');
  });
});
