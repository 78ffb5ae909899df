/** Nothing a client sends gets a 500: oversized bodies, unknown routes, junk bodies, and no control routes by default. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/server/start.ts';
import { call, withStandin } from './helpers.ts';

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' };

let standin: RunningStandin;
beforeAll(async () => {
  standin = await withStandin({ control: false, fixture: { settings: { API_Enable_Rate_Limiter: false } } });
});
afterAll(() => standin.close());

/** A chunked upload (no Content-Length), so the cap must be enforced while reading. */
function chunkedPost(path: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${standin.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

describe('robustness', () => {
  it('answers 413 with the JSON envelope for a body over 1 MB (declared or streamed)', async () => {
    const declared = await call(standin, 'POST', '/api/v1/livechat/visitor', 'x'.repeat(1024 * 1024 + 1));
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ success: false, error: 'request entity too large' });
    expect(Object.fromEntries(declared.headers)).toMatchObject(JSON_HEADERS);
    const streamed = await chunkedPost('/api/v1/livechat/visitor', 2 * 1024 * 1024);
    expect(streamed.status).toBe(413);
  });

  it('accepts a body just under the cap', async () => {
    const body = JSON.stringify({ visitor: { token: 'big', name: 'n'.repeat(1024 * 1024 - 100) } });
    expect((await call(standin, 'POST', '/api/v1/livechat/visitor', body)).status).toBe(200);
  });

  it('answers 404 with the JSON envelope for unknown routes and methods', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/unknown'],
      ['PUT', '/api/v1/livechat/visitor'],
      ['GET', '/somewhere'],
    ] as const) {
      const answer = await call(standin, method, path);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ success: false, error: 'Not found' });
      expect(Object.fromEntries(answer.headers)).toMatchObject(JSON_HEADERS);
    }
  });

  it('has no control routes without --control', async () => {
    for (const [method, path] of [
      ['POST', '/_standin/reset'],
      ['POST', '/_standin/faults'],
      ['GET', '/_standin/requests'],
      ['GET', '/_standin/state'],
    ] as const) {
      expect((await call(standin, method, path, method === 'POST' ? {} : undefined)).status).toBe(404);
    }
  });

  it.each([
    ['{"visitor":', 'application/json', "Match error: Missing key 'visitor'"],
    ['"just a string"', 'application/json', 'Match error: Unknown key in field 0'],
    ['42', 'application/json', "Match error: Missing key 'visitor'"],
    [
      'visitor=x',
      'application/x-www-form-urlencoded',
      'Match error: Expected object, got string in field visitor',
    ],
    ['', 'application/json', "Match error: Missing key 'visitor'"],
  ])('parses %j (%s) like Rocket.Chat and answers 400, never 500', async (body, type, error) => {
    const answer = await call(standin, 'POST', '/api/v1/livechat/visitor', body, { 'content-type': type });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ success: false, error });
  });

  it('answers the JSON routes with JSON even for junk query strings', async () => {
    const answer = await call(standin, 'GET', '/api/v1/livechat/room?token=%E0%A4%A&token=b');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      success: false,
      error: 'Match error: Expected string, got object in field token',
    });
  });
});
