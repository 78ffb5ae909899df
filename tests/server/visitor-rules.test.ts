/** Rules of CONTRACT.md §1–§5 that the case files do not pin down. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, reset, withStandin } from './helpers.ts';

const V = '/api/v1/livechat/visitor';
let standin: RunningStandin;
beforeAll(async () => {
  standin = await withStandin();
});
afterAll(() => standin.close());
beforeEach(async () => {
  await reset(standin);
});

const register = (visitor: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(standin, 'POST', V, { visitor }, headers);

describe('POST livechat/visitor', () => {
  it('numbers guests from Livechat_guest_count and never renames on update', async () => {
    await reset(standin, { settings: { API_Enable_Rate_Limiter: false, Livechat_guest_count: 41 } });
    expect((await register({ token: 'g1' })).json.visitor.username).toBe('guest-42');
    expect((await register({ token: 'g2' })).json.visitor.username).toBe('guest-43');
    expect((await register({ token: 'g1', name: 'Renamed' })).json.visitor.username).toBe('guest-42');
  });

  it('8.x captures user agent, ip (x-real-ip first) and host on creation only', async () => {
    const created = await register(
      { token: 'h1' },
      { 'user-agent': 'UA/1', 'x-real-ip': '10.0.0.1', 'x-forwarded-for': '10.0.0.2' },
    );
    expect(created.json.visitor).toMatchObject({
      userAgent: 'UA/1',
      ip: '10.0.0.1',
      host: expect.stringMatching(/^127\.0\.0\.1:/),
    });
    const updated = await register({ token: 'h1' }, { 'user-agent': 'UA/2', 'x-real-ip': '10.9.9.9' });
    expect(updated.json.visitor).toMatchObject({ userAgent: 'UA/1', ip: '10.0.0.1' });
  });

  it('7.x captures headers only with the GDPR header setting', async () => {
    await reset(standin, { settings: { API_Enable_Rate_Limiter: false, StandIn_Compat_Version: '7' } });
    const created = await register({ token: 'h7' }, { 'user-agent': 'UA/7' });
    expect(created.json.visitor.userAgent).toBeUndefined();
    expect(created.json.visitor.ip).toBeUndefined();
  });

  it('7.x checks `id` as Match.Maybe(String); 8.x lets it through ObjectIncluding', async () => {
    await reset(standin, { settings: { API_Enable_Rate_Limiter: false, StandIn_Compat_Version: '7' } });
    expect((await register({ token: 'i7', id: 5 })).json.error).toBe(
      'Match error: Expected string, got number in field visitor.id',
    );
    await reset(standin);
    expect((await register({ token: 'i8', id: 5 })).status).toBe(200);
  });

  it('overwrite:false writes over an empty value (falsy rule of setMultipleVisitorCustomFields)', async () => {
    await reset(standin, {
      settings: { API_Enable_Rate_Limiter: false },
      customFields: [{ _id: 'f', label: 'F', scope: 'visitor', visibility: 'visible' }],
    });
    await register({ token: 'o1', customFields: [{ key: 'f', value: '', overwrite: true }] });
    const second = await register({
      token: 'o1',
      customFields: [{ key: 'f', value: 'filled', overwrite: false }],
    });
    expect(second.json.visitor.livechatData).toEqual({ f: 'filled' });
  });

  it('a department lookup failure writes nothing', async () => {
    expect((await register({ token: 'd1', department: 'missing' })).status).toBe(400);
    expect((await call(standin, 'GET', `${V}/d1`)).json.error).toBe('[invalid-token]');
  });
});

describe('rooms, config agent, custom.field room scope, DELETE', () => {
  it('writes a room-scope custom.field to the open room only', async () => {
    await reset(standin, {
      settings: { API_Enable_Rate_Limiter: false },
      customFields: [{ _id: 'topic', label: 'Topic', scope: 'room', visibility: 'visible' }],
    });
    await register({ token: 'r1' });
    await call(standin, 'GET', '/api/v1/livechat/room?token=r1');
    const field = await call(standin, 'POST', '/api/v1/livechat/custom.field', {
      token: 'r1',
      key: 'topic',
      value: 'billing',
      overwrite: true,
    });
    expect(field.json).toEqual({ field: { key: 'topic', value: 'billing', overwrite: true }, success: true });
    const state = await call(standin, 'GET', '/_standin/state');
    expect(state.json.rooms[0].livechatData).toEqual({ topic: 'billing' });
    expect(state.json.visitors[0].livechatData).toBeUndefined();
  });

  it('hides agent info in config when Livechat_show_agent_info is false', async () => {
    await reset(standin, { settings: { API_Enable_Rate_Limiter: false, Livechat_show_agent_info: false } });
    await register({ token: 'a1' });
    await call(standin, 'GET', '/api/v1/livechat/room?token=a1');
    const config = await call(standin, 'GET', '/api/v1/livechat/config?token=a1');
    expect(config.json.config.agent).toEqual({ hiddenInfo: true });
    expect(config.json.config.settings.agentHiddenInfo).toBe(true);
  });

  it('refuses a room when the visitor department is offline even if others are online', async () => {
    await reset(standin, {
      settings: { API_Enable_Rate_Limiter: false },
      departments: [
        { _id: 'on', name: 'On', numAgents: 1 },
        { _id: 'off', name: 'Off', numAgents: 1, agentsOnline: false },
      ],
    });
    await register({ token: 'dep-off', department: 'off' });
    const room = await call(standin, 'GET', '/api/v1/livechat/room?token=dep-off');
    expect(room.json).toEqual({
      success: false,
      error: 'Sorry, no online agents [no-agent-online]',
      errorType: 'no-agent-online',
    });
  });

  it('DELETE disables the visitor, unsets its personal data and removes its rooms', async () => {
    await reset(standin, {
      settings: {
        API_Enable_Rate_Limiter: false,
        Livechat_Allow_collect_and_store_HTTP_header_informations: true,
      },
    });
    await register({ token: 'del', name: 'N', email: 'n@example.com', phone: '1' });
    await call(standin, 'GET', '/api/v1/livechat/room?token=del');
    expect((await call(standin, 'DELETE', `${V}/del`)).status).toBe(200);
    const state = await call(standin, 'GET', '/_standin/state');
    expect(state.json.rooms).toEqual([]);
    expect(Object.keys(state.json.visitors[0]).sort()).toEqual(['_id', '_updatedAt', 'disabled']);
    // The phone and email are gone, so a new registration with them creates a new visitor.
    const fresh = await register({ token: 'new', phone: '1', email: 'n@example.com' });
    expect(fresh.json.visitor._id).not.toBe(state.json.visitors[0]._id);
  });
});
