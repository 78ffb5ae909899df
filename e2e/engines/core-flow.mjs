/**
 * The core-flow subset that runs in every engine: open, fill, submit, connected (styles applied, phone
 * normalised, the exact body on the wire); Escape; one fault through the stand-in's control route; the DOM
 * clobbering page. Each test gets a fresh stand-in. `driver` is e2e/engines/firefox.mjs or webkit.mjs.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { injectFault, resetStandin, visitorPosts } from './servers.mjs';

const HOSTS = 'http://127.0.0.1:5174';
const FIXTURE = JSON.parse(readFileSync('e2e/fixtures/standin.json', 'utf8'));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function until(driver, expression, what, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await driver.run(expression);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function openForm(driver, page) {
  await driver.goto(`${HOSTS}/${page}`);
  await until(driver, `__rcp.events().includes('ready')`, 'the ready event');
  check(await driver.run(`__rcp.click('Open chat')`), 'no "Open chat" launcher');
  await until(driver, `__rcp.expanded() === 'true' && !!__rcp.fill('Name', '')`, 'the form');
}

async function fillAndSubmit(driver) {
  const steps = [
    `__rcp.fill('Name', 'Ada Lovelace')`,
    `__rcp.fill('Email', 'ada@example.com')`,
    `__rcp.fill('Phone', '+1 201 555 0123')`,
    `__rcp.select('Department', 'Support')`,
    `__rcp.select('Plan', 'Pro')`,
  ];
  for (const step of steps) check(await driver.run(step), `could not do ${step}`);
  check(await driver.run(`__rcp.click('Start chat')`), 'no "Start chat" button');
}

async function expectRegistered(driver) {
  await until(driver, `__rcp.has('You are connected')`, '"You are connected"');
  const token = await driver.run(`localStorage.getItem('rocketchat-prechat:token')`);
  const bodies = (await visitorPosts()).map((post) => post.body);
  const expected = {
    visitor: {
      token,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+12015550123',
      department: 'dept-support',
      customFields: [{ key: 'plan', value: 'Pro', overwrite: true }],
    },
  };
  check(isDeepStrictEqual(bodies, [expected]), `registration bodies: ${JSON.stringify(bodies)}`);
  // Only where the driver can read the console (Firefox); WebKitGTK's classic WebDriver cannot.
  const errors = driver.consoleErrors ?? [];
  check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
}

export const TESTS = {
  'open, fill, submit: connected, styles applied, phone normalised, the exact body': async (driver) => {
    await openForm(driver, 'basic.html');
    const fontSize = await driver.run(`__rcp.inputFontSize()`);
    check(fontSize === '16px', `the widget's styles are not applied (input font-size ${fontSize})`);
    await fillAndSubmit(driver);
    await expectRegistered(driver);
  },
  'Escape closes the panel': async (driver) => {
    await openForm(driver, 'basic.html');
    check(await driver.run(`__rcp.focus('Name')`), 'no Name field to focus');
    await driver.pressEscape();
    await until(driver, `__rcp.expanded() === 'false'`, 'the panel to close');
  },
  'a 5xx from Rocket.Chat on every try: "Chat is unavailable right now"': async (driver) => {
    await injectFault({ method: 'POST', path: '/api/v1/livechat/visitor', status: 503, times: 3 });
    await openForm(driver, 'basic.html');
    await fillAndSubmit(driver);
    await until(driver, `__rcp.has('Chat is unavailable right now')`, 'the unavailable message', 20_000);
  },
  'DOM clobbering page: nothing from another origin, the form works': async (driver) => {
    await openForm(driver, 'clobbering.html');
    await fillAndSubmit(driver);
    await expectRegistered(driver);
    check(!(await driver.run(`__rcp.evilRan()`)), "the attacker's widget.js ran");
  },
};

/** Runs every test against a fresh stand-in; resolves with one result per test. */
export async function runCoreFlow(driver, log) {
  const results = [];
  for (const [name, test] of Object.entries(TESTS)) {
    await resetStandin(FIXTURE);
    const began = Date.now();
    try {
      await test(driver);
      results.push({ name, ok: true });
      log(`  ok    ${name}  (${((Date.now() - began) / 1000).toFixed(1)}s)`);
    } catch (error) {
      results.push({ name, ok: false, error: error.message });
      log(`  FAIL  ${name}: ${error.message}`);
    }
  }
  return results;
}
