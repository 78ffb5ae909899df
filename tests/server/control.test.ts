/** The control API the e2e harness relies on: faults, the request log, state, reset. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, reset, withStandin } from './helpers.ts';

const VISITOR = '/api/v1/livechat/visitor';
let standin: RunningStandin;
beforeAll(async () => {
  standin = await withStandin();
});
afterAll(() => standin.close());
beforeEach(async () => {
  expect((await reset(standin)).status).toBe(200);
});

const fault = (body: unknown) => call(standin, 'POST', '/_standin/faults', body);

describe('POST /_standin/faults', () => {
  it('answers the given status with the default envelope for `times` calls, then the real answer', async () => {
    expect((await fault({ method: 'POST', path: VISITOR, times: 2, status: 503 })).json).toEqual({
      success: true,
    });
    for (let i = 0; i < 2; i++) {
      const faulted = await call(standin, 'POST', VISITOR, { visitor: { token: 'f1' } });
      expect(faulted.status).toBe(503);
      expect(faulted.json).toMatchObject({ success: false });
      expect(faulted.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await call(standin, 'POST', VISITOR, { visitor: { token: 'f1' } })).status).toBe(200);
  });

  it('sends a raw string body with its content type, or a JSON body as given', async () => {
    await fault({
      method: 'GET',
      path: '/api/v1/livechat/config',
      status: 502,
      body: '<h1>Bad gateway</h1>',
      contentType: 'text/html',
    });
    const html = await call(standin, 'GET', '/api/v1/livechat/config?token=x');
    expect(html.status).toBe(502);
    expect(html.text).toBe('<h1>Bad gateway</h1>');
    expect(html.headers.get('content-type')).toBe('text/html');

    await fault({
      method: 'GET',
      path: '/api/v1/livechat/config',
      status: 400,
      body: { success: false, error: 'custom' },
    });
    const json = await call(standin, 'GET', '/api/v1/livechat/config');
    expect(json.json).toEqual({ success: false, error: 'custom' });
  });

  it('delays then handles normally, and drops the connection without an answer', async () => {
    await fault({ method: 'GET', path: '/api/v1/livechat/config', delayMs: 150 });
    const started = Date.now();
    const delayed = await call(standin, 'GET', '/api/v1/livechat/config');
    expect(delayed.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    await fault({ method: 'POST', path: VISITOR, drop: true });
    await expect(call(standin, 'POST', VISITOR, { visitor: { token: 'dropped' } })).rejects.toThrow();
    // The dropped request was not handled: no visitor exists.
    const state = await call(standin, 'GET', '/_standin/state');
    expect(state.json.visitors).toEqual([]);
  });

  it('targets preflights with method OPTIONS', async () => {
    await fault({ method: 'OPTIONS', path: VISITOR, status: 500 });
    const preflight = await call(standin, 'OPTIONS', VISITOR, undefined, { origin: 'https://a.example' });
    expect(preflight.status).toBe(500);
    expect((await call(standin, 'OPTIONS', VISITOR, undefined, { origin: 'https://a.example' })).status).toBe(
      405,
    );
  });

  it('refuses an invalid fault', async () => {
    const bad = await fault({ method: 'GET', path: 'no-slash', status: 500 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/^Invalid fault: path/);
    expect((await fault({ method: 'GET', path: '/api/x' })).json.error).toMatch(/status, delayMs or drop/);
  });
});

describe('GET /_standin/requests and /_standin/state', () => {
  it('logs /api requests in order with query, selected lower-case headers, body and status', async () => {
    await call(
      standin,
      'POST',
      `${VISITOR}?x=1`,
      { visitor: { token: 'log-1' } },
      { origin: 'https://o.example', cookie: 'a=b' },
    );
    await call(standin, 'POST', VISITOR, 'not json', { 'content-type': 'text/plain' });
    await call(standin, 'GET', '/api/v1/livechat/config?token=log-1&token=again');
    await call(standin, 'GET', '/_standin/state'); // control routes are not logged
    const { json } = await call(standin, 'GET', '/_standin/requests');
    expect(json.requests).toEqual([
      {
        method: 'POST',
        path: VISITOR,
        query: { x: '1' },
        headers: { origin: 'https://o.example', cookie: 'a=b', 'content-type': 'application/json' },
        body: { visitor: { token: 'log-1' } },
        status: 200,
      },
      {
        method: 'POST',
        path: VISITOR,
        query: {},
        headers: { 'content-type': 'text/plain' },
        body: 'not json',
        status: 400,
      },
      {
        method: 'GET',
        path: '/api/v1/livechat/config',
        query: { token: ['log-1', 'again'] },
        headers: {},
        body: null,
        status: 400,
      },
    ]);
  });

  it('state holds full visitor and room documents; reset clears them and the limiter counters', async () => {
    await call(standin, 'POST', VISITOR, { visitor: { token: 'st-1', name: 'S' } });
    await call(standin, 'GET', '/api/v1/livechat/room?token=st-1');
    const { json } = await call(standin, 'GET', '/_standin/state');
    expect(json.visitors).toEqual([
      expect.objectContaining({ token: 'st-1', name: 'S', username: expect.any(String) }),
    ]);
    expect(json.rooms).toEqual([
      expect.objectContaining({ t: 'l', open: true, v: expect.objectContaining({ token: 'st-1' }) }),
    ]);

    await reset(standin, { settings: { API_Enable_Rate_Limiter: true } });
    for (let i = 0; i < 5; i++) await call(standin, 'POST', VISITOR, { visitor: { token: `rl-${i}` } });
    expect((await call(standin, 'POST', VISITOR, { visitor: { token: 'rl-6' } })).status).toBe(429);
    await reset(standin, { settings: { API_Enable_Rate_Limiter: true } });
    expect((await call(standin, 'POST', VISITOR, { visitor: { token: 'rl-7' } })).status).toBe(200);
    expect((await call(standin, 'GET', '/_standin/state')).json.visitors).toHaveLength(1);
    expect((await call(standin, 'GET', '/_standin/requests')).json.requests).toHaveLength(1);
  });
});

describe('control routes are a local tool, not an API for pages', () => {
  it('send no CORS headers, so a page on another origin can neither drive nor read them', async () => {
    const preflight = await call(standin, 'OPTIONS', '/_standin/reset', undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const state = await call(standin, 'GET', '/_standin/state', undefined, {
      origin: 'https://evil.example',
    });
    expect(state.status).toBe(200);
    expect(state.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cap their bodies like the /api routes (413 above 1 MB)', async () => {
    const huge = JSON.stringify({ settings: { pad: 'x'.repeat(1_100_000) } });
    const answer = await call(standin, 'POST', '/_standin/reset', huge);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ success: false, error: 'request entity too large' });
  });
});

describe('the request log', () => {
  it('keeps only the latest requests', async () => {
    const { REQUEST_LOG_CAPACITY } = await import('../../src/server/request-log.ts');
    for (let i = 0; i < REQUEST_LOG_CAPACITY + 20; i++)
      await call(standin, 'GET', `/api/v1/livechat/config?token=log-${i}`);
    const { requests } = (await call(standin, 'GET', '/_standin/requests')).json;
    expect(requests).toHaveLength(REQUEST_LOG_CAPACITY);
    expect(requests[0].query.token).toBe('log-20');
  });

  it('keeps nothing without --control (nothing could read it)', async () => {
    const plain = await withStandin({ control: false });
    try {
      await call(plain, 'POST', VISITOR, { visitor: { token: 'quiet-1' } });
      expect(plain.state.requests.all()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
