/**
 * Tests of the end-to-end harness itself, independent of the widget: the three origins, real CORS between
 * them, the stand-in's control routes and the helpers the widget specs rely on. If these fail, a widget
 * spec failing tells you nothing.
 */
import {
  CDN_URL,
  expect,
  hostUrl,
  injectFault,
  resetStandin,
  STANDIN_URL,
  standinRequests,
  standinState,
  test,
  WIDGET_EVENTS,
} from './support/test.ts';

const CONFIG_URL = `${STANDIN_URL}/api/v1/livechat/config`;
const VISITOR_URL = `${STANDIN_URL}/api/v1/livechat/visitor`;
const HOST_ORIGIN = new URL(hostUrl('blank')).origin;

/** What a page-side fetch produced, in plain data (a rejected fetch becomes `{ error }`). */
type PageFetchResult = { status: number; body: unknown } | { error: string };

test.describe('origins', () => {
  test('host pages and the CDN are plain static files without CORS headers', async ({ request }) => {
    const host = await request.get(hostUrl('blank'));
    expect(host.status()).toBe(200);
    expect(host.headers()['access-control-allow-origin']).toBeUndefined();

    // dist/ may not be built yet; whatever the CDN answers, it must not grant CORS.
    const cdn = await request.get(`${CDN_URL}/loader.js`);
    expect(cdn.headers()['access-control-allow-origin']).toBeUndefined();
    expect(new URL(CDN_URL).origin).not.toBe(HOST_ORIGIN);
    expect(new URL(STANDIN_URL).origin).not.toBe(HOST_ORIGIN);
  });
});

test.describe('cross-origin calls from the host page to the stand-in', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(hostUrl('blank'));
  });

  test('a simple GET of the config works and reflects the e2e fixture', async ({ page }) => {
    const result = await page.evaluate(async (url): Promise<PageFetchResult> => {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    }, CONFIG_URL);

    expect(result).toMatchObject({ status: 200, body: { success: true, config: { enabled: true } } });
    const { config } = (result as { body: { config: LivechatConfig } }).body;
    expect(config.departments.map((d) => [d._id, d.name, d.showOnRegistration])).toEqual(
      expect.arrayContaining([
        ['dept-sales', 'Sales', true],
        ['dept-support', 'Support', true],
        ['dept-billing', 'Billing', false],
      ]),
    );
    // The hidden field is not public, so Rocket.Chat leaves it out of the config.
    expect(config.customFields.map((f) => f._id).sort()).toEqual(['company_id', 'plan']);

    const logged = await standinRequests({ method: 'GET', path: '/api/v1/livechat/config' });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.headers.origin).toBe(HOST_ORIGIN);
    expect(logged[0]?.status).toBe(200);
  });

  test('a JSON POST passes the preflight when CORS is enabled', async ({ page }) => {
    const token = `harness-${Date.now()}`;
    const result = await page.evaluate(postVisitor, {
      url: VISITOR_URL,
      visitor: { token, name: 'Ada Lovelace', email: 'ada@example.com' },
    });

    expect(result).toMatchObject({ status: 200, body: { success: true, visitor: { token } } });
    // On the wire: the browser's preflight, answered 200, then the POST itself.
    const wire = await standinRequests({ path: '/api/v1/livechat/visitor' });
    expect(wire.map((r) => `${r.method} ${r.status}`)).toEqual(['OPTIONS 200', 'POST 200']);
    const posts = wire.filter((r) => r.method === 'POST');
    expect(posts[0]).toMatchObject({
      status: 200,
      headers: { origin: HOST_ORIGIN, 'content-type': 'application/json' },
      body: { visitor: { token, name: 'Ada Lovelace', email: 'ada@example.com' } },
    });
    const { visitors } = await standinState();
    expect(visitors.map((v) => v.token)).toContain(token);
  });

  test('the same POST is refused by the browser when CORS is disabled', async ({ page }) => {
    await resetStandin({ settings: { API_Enable_CORS: false } });

    const result = await page.evaluate(postVisitor, {
      url: VISITOR_URL,
      visitor: { token: 'refused-token', name: 'Ada', email: 'ada@example.com' },
    });

    // The preflight fails, so the browser never sends the POST and fetch rejects with a TypeError.
    expect(result).toEqual({ error: 'TypeError' });
    const wire = await standinRequests({ path: '/api/v1/livechat/visitor' });
    expect(wire.map((r) => `${r.method} ${r.status}`)).toEqual(['OPTIONS 405']);
    expect(wire[0]?.headers['access-control-request-method']).toBe('POST');
    expect((await standinState()).visitors).toEqual([]);

    // A simple GET needs no preflight and still works: what Rocket.Chat does out of the box.
    const get = await page.evaluate(async (url) => (await fetch(url)).status, CONFIG_URL);
    expect(get).toBe(200);
  });

  test('a dropped connection reaches the page as a network error', async ({ page }) => {
    await injectFault({ method: 'GET', path: '/api/v1/livechat/config', drop: true, times: 1 });

    const fetchConfig = (url: string) =>
      fetch(url).then(
        (r) => r.status,
        (e: Error) => e.name,
      );
    expect(await page.evaluate(fetchConfig, CONFIG_URL)).toBe('TypeError');
    expect(await page.evaluate(fetchConfig, CONFIG_URL)).toBe(200);
  });
});

test.describe('stand-in control helpers', () => {
  test('a fault answers the next N matching requests, then the real route answers again', async ({
    request,
  }) => {
    await injectFault({
      method: 'GET',
      path: '/api/v1/livechat/config',
      times: 2,
      status: 503,
      body: { success: false, error: 'maintenance' },
    });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await request.get(CONFIG_URL)).status());
    expect(statuses).toEqual([503, 503, 200]);
    expect((await standinRequests({ path: '/api/v1/livechat/config' })).map((r) => r.status)).toEqual([
      503, 503, 200,
    ]);
  });

  test('a reset clears the request log and the stored visitors', async ({ request }) => {
    await request.post(VISITOR_URL, { data: { visitor: { token: 'to-be-forgotten' } } });
    expect((await standinState()).visitors).toHaveLength(1);

    await resetStandin();
    expect(await standinRequests()).toEqual([]);
    expect(await standinState()).toEqual({ visitors: [], rooms: [], messages: [], offlineMessages: [] });
  });
});

test.describe('recorders on the host pages', () => {
  test('record-events.js subscribes to every event through the queue and the events helper reads them', async ({
    page,
    events,
  }) => {
    await page.goto(hostUrl('blank'));
    await page.addScriptTag({ url: '/record-events.js' });

    // No loader on this page, so the subscriptions are still queued: fire each handler as the widget would.
    const subscribed = await page.evaluate(() => {
      const queue = Array.from(window.RocketChatPrechat?.q ?? [], (args) => Array.from(args));
      for (const [command, name, handler] of queue) {
        if (command === 'on' && typeof handler === 'function') handler({ code: 'x', message: String(name) });
      }
      return queue.map(([command, name]) => `${command} ${name}`);
    });

    expect(subscribed).toEqual(WIDGET_EVENTS.map((name) => `on ${name}`));
    expect(await events.names()).toEqual([...WIDGET_EVENTS]);
    expect(await events.waitFor('error')).toEqual({ code: 'x', message: 'error' });
  });

  test('csp.html enforces its policy and records violations', async ({ page }) => {
    await page.goto(hostUrl('csp'));

    // The CDN is allowed for scripts, not for fetch: connect-src only names the stand-in.
    const blocked = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'allowed',
          (e: Error) => e.name,
        ),
      `${CDN_URL}/not-allowed-by-connect-src`,
    );
    expect(blocked).toBe('TypeError');
    await expect
      .poll(() =>
        page.evaluate(() => (window as Window & { __cspViolations?: CspViolation[] }).__cspViolations ?? []),
      )
      .toContainEqual(
        expect.objectContaining({
          directive: 'connect-src',
          blockedURI: `${CDN_URL}/not-allowed-by-connect-src`,
        }),
      );
  });

  test('the console-error collector sees console.error and uncaught errors', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(hostUrl('blank'));
    await page.evaluate(() => {
      console.error('harness: a logged error');
      setTimeout(() => {
        throw new Error('harness: an uncaught error');
      });
    });
    await expect
      .poll(() => consoleErrors)
      .toEqual([expect.stringContaining('harness: a logged error'), 'uncaught: harness: an uncaught error']);
  });
});

interface LivechatConfig {
  departments: { _id: string; name: string; showOnRegistration: boolean }[];
  customFields: { _id: string }[];
}

interface CspViolation {
  directive: string;
  blockedURI: string;
}

/** Runs in the page: the JSON POST a pre-chat form sends, reported as plain data. */
async function postVisitor({ url, visitor }: { url: string; visitor: Record<string, string> }) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitor }),
    });
    return { status: response.status, body: await response.json() } as PageFetchResult;
  } catch (error) {
    return { error: (error as Error).name } as PageFetchResult;
  }
}
