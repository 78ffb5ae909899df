/** Small helpers for the server tests: a stand-in per test file and JSON requests against it. */
import { type RunningStandin, type StandinOptions, startStandin } from '../../src/server/start.ts';

export async function withStandin(options: StandinOptions = {}): Promise<RunningStandin> {
  return startStandin({ port: 0, control: true, ...options });
}

export async function call(
  standin: RunningStandin,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field; typing every shape would add nothing
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(`${standin.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const reset = (
  standin: RunningStandin,
  fixture: unknown = { settings: { API_Enable_Rate_Limiter: false } },
) => call(standin, 'POST', '/_standin/reset', fixture);
