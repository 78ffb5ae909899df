#!/usr/bin/env node
/**
 * `npm run e2e:engines` (after `npm run build`): the core-flow subset (core-flow.mjs) in Firefox ESR and in
 * WebKitGTK, against the same three origins as the Playwright suite. An engine whose browser is not installed
 * is one `skipped: …` line, not a failure. With `--json <file>` the counts are written for `npm test`.
 * Chromium runs the whole flow, and more, in the Playwright suite (npm run e2e).
 */
import { accessSync, constants, writeFileSync } from 'node:fs';
import { runCoreFlow } from './core-flow.mjs';
import { FIREFOX_PATH, openFirefox } from './firefox.mjs';
import { startServers } from './servers.mjs';
import { openWebKit, WEBKIT_DRIVER, XVFB_RUN } from './webkit.mjs';

const ENGINES = {
  firefox: { needs: [FIREFOX_PATH], packages: 'firefox-esr', open: openFirefox },
  webkit: { needs: [WEBKIT_DRIVER, XVFB_RUN], packages: 'webkit2gtk-driver xvfb', open: openWebKit },
};

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const args = process.argv.slice(2);
const jsonAt = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const wanted = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--json');
const names = wanted.length ? wanted : Object.keys(ENGINES);

const summary = {};
const stopServers = await startServers();
try {
  for (const name of names) {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown engine ${name} (${Object.keys(ENGINES).join(', ')})`);
    const missing = engine.needs.filter((path) => !executable(path));
    if (missing.length) {
      console.log(
        `skipped: ${name} (${missing.join(', ')} not installed; apt-get install ${engine.packages})`,
      );
      summary[name] = { passed: 0, failed: 0, skipped: true };
      continue;
    }
    const began = Date.now();
    console.log(`${name}:`);
    let results;
    let driver;
    try {
      driver = await engine.open();
      results = await runCoreFlow(driver, console.log);
    } catch (error) {
      console.log(`  FAIL  ${name} could not be driven: ${error.message}`);
      results = [{ name: 'start', ok: false }];
    } finally {
      await driver?.close();
    }
    const passed = results.filter((r) => r.ok).length;
    summary[name] = { passed, failed: results.length - passed, skipped: false, ms: Date.now() - began };
    console.log(
      `  ${name}: ${passed} passed, ${results.length - passed} failed (${((Date.now() - began) / 1000).toFixed(1)}s)`,
    );
  }
} finally {
  stopServers();
}
if (jsonAt) writeFileSync(jsonAt, JSON.stringify(summary));
process.exit(Object.values(summary).some((s) => s.failed) ? 1 : 0);
