/**
 * Runs DDP cases (tests/server/conformance/ddp-cases.json) against a stand-in with control routes: reset with the
 * case's fixture, send its HTTP `priorRequests`, open `/websocket`, then walk the steps in order:
 *   { "send": frame } | { "sendRaw": text }         a frame out (placeholders filled)
 *   { "expect": frame, "types"?, "absent"? }         the NEXT frame in, matched partially (expectations.ts)
 *   { "http": request, "status"? }                   an HTTP request mid-conversation (e.g. an agent message)
 *   { "expectClose": true }                          the server closes the socket
 * `{{priorRequests[N].path}}` placeholders work in every step (placeholders.ts).
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { partialMismatch } from './expectations.ts';
import { getPath } from './paths.ts';
import { fillPlaceholders } from './placeholders.ts';
import { fixtureOf, send } from './runner.ts';
import type { CaseRequest, CaseSetup } from './types.ts';

export type DdpStep =
  | { send: unknown }
  | { sendRaw: string }
  | { expect: unknown; types?: Record<string, string>; absent?: string[] }
  | { http: CaseRequest; status?: number }
  | { expectClose: true };

export type DdpCase = {
  id: string;
  source?: string;
  description?: string;
  setup?: CaseSetup;
  steps: DdpStep[];
};

const FRAME_TIMEOUT_MS = 3_000;

export function loadDdpCases(file: string): DdpCase[] {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as DdpCase[];
  for (const [index, item] of cases.entries()) {
    if (typeof item?.id !== 'string' || !Array.isArray(item.steps))
      throw new Error(`${file}: case ${index} needs id and steps`);
  }
  return cases;
}

/** Frames in arrival order; `next()` resolves with the next frame, or `'closed'`, or rejects after a timeout. */
class Inbox {
  private frames: unknown[] = [];
  private closed = false;
  private waiter: (() => void) | undefined;

  constructor(socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  async next(): Promise<unknown> {
    const deadline = Date.now() + FRAME_TIMEOUT_MS;
    while (this.frames.length === 0 && !this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no frame within ${FRAME_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.frames.length > 0 ? this.frames.shift() : 'closed';
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Returns the failures (empty when the case passed). */
export async function runDdpCase(baseUrl: string, testCase: DdpCase): Promise<string[]> {
  const reset = await send(baseUrl, {
    method: 'POST',
    path: '/_standin/reset',
    body: fixtureOf(testCase),
  });
  if (reset.status !== 200) return [`reset failed: HTTP ${reset.status}`];
  const priorBodies: unknown[] = [];
  for (const prior of testCase.setup?.priorRequests ?? [])
    priorBodies.push((await send(baseUrl, fillPlaceholders(prior, priorBodies))).body);

  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/websocket`);
  const inbox = new Inbox(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    for (const [index, rawStep] of testCase.steps.entries()) {
      const step = fillPlaceholders(rawStep, priorBodies);
      const where = `step ${index}`;
      if ('send' in step) socket.send(JSON.stringify(step.send));
      else if ('sendRaw' in step) socket.send(step.sendRaw);
      else if ('http' in step) {
        const answer = await send(baseUrl, step.http);
        if (step.status !== undefined && answer.status !== step.status)
          return [`${where}: HTTP ${answer.status}, expected ${step.status} (${answer.text.slice(0, 200)})`];
      } else if ('expectClose' in step) {
        const frame = await inbox.next();
        if (frame !== 'closed')
          return [`${where}: expected the socket to close, got ${JSON.stringify(frame)}`];
      } else {
        const frame = await inbox.next();
        const failures: string[] = [];
        const problem = partialMismatch(frame, step.expect);
        if (problem) failures.push(`${where}: ${problem} — frame ${JSON.stringify(frame)}`);
        for (const [path, type] of Object.entries(step.types ?? {})) {
          const found = getPath(frame, path);
          if (!found.found || typeName(found.value) !== type)
            failures.push(`${where}: ${path} should be ${type}`);
        }
        for (const path of step.absent ?? []) {
          if (getPath(frame, path).found) failures.push(`${where}: ${path} should be absent`);
        }
        if (failures.length > 0) return failures;
      }
    }
    return [];
  } catch (err) {
    return [(err as Error).message];
  } finally {
    socket.terminate();
  }
}
