/**
 * WebKitGTK's MiniBrowser (the engine family of Safari) through Debian's WebKitWebDriver, under a virtual X
 * server, with selenium-webdriver over classic WebDriver (WebKitGTK refuses BiDi). No network interception or
 * init scripts here: faults come from the stand-in's control routes.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, Key } from 'selenium-webdriver';
import { IN_PAGE } from './in-page.mjs';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const XVFB_RUN = '/usr/bin/xvfb-run';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function openWebKit() {
  const port = await freePort();
  const service = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], {
    stdio: 'ignore',
    detached: true, // its own process group, so closing stops Xvfb and the browser with it
  });
  const stop = () => {
    try {
      process.kill(-service.pid, 'SIGTERM');
    } catch {}
  };
  try {
    const driver = await connect(`http://127.0.0.1:${port}`, Date.now() + 30_000);
    return {
      name: 'webkit',
      async goto(url) {
        await driver.get(url);
      },
      run: (expression) => driver.executeScript(`if (!window.__rcp) ${IN_PAGE}; return (${expression});`),
      pressEscape: () => driver.actions().sendKeys(Key.ESCAPE).perform(),
      async close() {
        await driver.quit().catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

async function connect(server, until) {
  for (;;) {
    try {
      return await new Builder()
        .usingServer(server)
        .withCapabilities({
          browserName: 'MiniBrowser',
          // Replaces MiniBrowser's default arguments, so --automation must stay.
          'webkitgtk:browserOptions': { args: ['--automation'] },
        })
        .build();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
