/**
 * Helpers that drive the Rocket.Chat stand-in's control routes (only present with `--control`) from the
 * Playwright test process. Specs use these instead of mocking the network, so every request the widget makes
 * meets Rocket.Chat's real behaviour; `page.route` stays for the faults the stand-in cannot produce.
 */
import { readFileSync } from 'node:fs';
import { STANDIN_URL } from './urls.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The stand-in's fixture format (src/server/README.md): Rocket.Chat settings and documents. */
export interface StandinFixture {
  settings?: Record<string, Json>;
  departments?: JsonObject[];
  customFields?: JsonObject[];
  agentsOnline?: boolean;
}

/** Partial fixture merged over the default one. Arrays replace the default's arrays entirely. */
export type FixtureOverrides = StandinFixture;

/** The next `times` requests matching method + path get this answer instead of the real one. */
export interface StandinFault {
  method: string;
  path: string;
  times?: number;
  status?: number;
  body?: Json;
  contentType?: string;
  delayMs?: number;
  /** Destroy the connection without answering (the browser sees a network error). */
  drop?: boolean;
}

/** One /api request as the stand-in logged it. */
export interface StandinRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export type RequestFilter =
  | Partial<Pick<StandinRequest, 'method' | 'path'>>
  | ((r: StandinRequest) => boolean);

export interface StandinState {
  visitors: JsonObject[];
  rooms: JsonObject[];
  messages: JsonObject[];
  /** Offline messages the stand-in accepted instead of mailing them (src/server/README.md). */
  offlineMessages: JsonObject[];
}

const fixturePath = new URL('../fixtures/standin.json', import.meta.url);

/**
 * A Rocket.Chat visitor custom-field document for a fixture: visible, public, optional text input unless
 * `extra` says otherwise.
 */
export function visitorField(_id: string, label: string, extra: JsonObject = {}): JsonObject {
  return {
    _id,
    label,
    scope: 'visitor',
    visibility: 'visible',
    public: true,
    type: 'input',
    regexp: '',
    required: false,
    ...extra,
  };
}

/** A fresh copy of e2e/fixtures/standin.json, the fixture every spec starts from. */
export function defaultFixture(): StandinFixture {
  return JSON.parse(readFileSync(fixturePath, 'utf8')) as StandinFixture;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in `overrides` replace what `base` holds. */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) {
    return (overrides === undefined ? base : overrides) as T;
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = deepMerge(merged[key], value);
  }
  return merged as T;
}

async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${STANDIN_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `stand-in control ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}` +
        ' (is the stand-in running with --control?)',
    );
  }
  return text ? JSON.parse(text) : undefined;
}

/** Clears visitors, rooms and limiter counters and loads the default fixture merged with `overrides`. */
export async function resetStandin(overrides: FixtureOverrides = {}): Promise<StandinFixture> {
  const fixture = deepMerge(defaultFixture(), overrides);
  await control('POST', '/_standin/reset', fixture);
  return fixture;
}

/** Makes the next matching request(s) fail as described. */
export async function injectFault(fault: StandinFault): Promise<void> {
  await control('POST', '/_standin/faults', fault);
}

/** Every /api request since the last reset, in order; optionally only those matching `filter`. */
export async function standinRequests(filter?: RequestFilter): Promise<StandinRequest[]> {
  const { requests } = (await control('GET', '/_standin/requests')) as { requests: StandinRequest[] };
  if (!filter) return requests;
  const matches =
    typeof filter === 'function'
      ? filter
      : (r: StandinRequest) =>
          (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || r.path === filter.path);
  return requests.filter(matches);
}

/** The stand-in's stored visitors, rooms, messages and offline messages. */
export async function standinState(): Promise<StandinState> {
  return (await control('GET', '/_standin/state')) as StandinState;
}
