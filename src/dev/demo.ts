/**
 * `npm start`: build, then run the demo as a site owner would see it.
 *
 *   - the Rocket.Chat stand-in with the demo fixture on http://127.0.0.1:3000
 *   - the demo host page (index.html + public/ + the built dist/ under /dist/) on http://127.0.0.1:5173
 *
 * Two origins on purpose: the form on the host page calls Rocket.Chat cross-origin, as it does in production.
 * Ctrl-C (or SIGTERM) stops both servers; if either server dies, the other is stopped and the demo exits.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const HOST = '127.0.0.1';
const STANDIN_PORT = 3000;
const DEMO_PORT = 5173;
const DEMO_FIXTURE = 'src/server/fixtures/demo.json';
const READY_TIMEOUT_MS = 60_000;
const TSX = 'node_modules/.bin/tsx';

interface Server {
  name: string;
  child: ChildProcess;
  ready: Promise<void>;
}

/**
 * Starts a server in its own process group (so stopping it also stops whatever it spawned) and resolves
 * `ready` once a line of its output matches `readyLine`. Its output is passed through, prefixed.
 */
function startServer(name: string, args: string[], readyLine: RegExp): Server {
  const child = spawn(TSX, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not print its ready line within ${READY_TIMEOUT_MS / 1000}s`)),
      READY_TIMEOUT_MS,
    );
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        console.log(`[${name}] ${line}`);
        if (readyLine.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? `code ${code}`})`));
    });
  });
  // Marks the rejection as handled here: a server stopped during shutdown must not crash the demo with an
  // unhandled rejection. Callers still see it through `ready`.
  ready.catch(() => undefined);
  return { name, child, ready };
}

function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): void {
  const { pid, exitCode, signalCode } = server.child;
  if (pid === undefined || exitCode !== null || signalCode !== null) return;
  try {
    process.kill(-pid, signal); // the whole group: tsx, node and anything they started
  } catch {
    // Already gone.
  }
}

function build(): void {
  console.log('Building dist/ (npm run build)…');
  const result = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      '\nThe build failed, so there is nothing to demo. Fix the errors above and run `npm start` again.',
    );
    process.exit(result.status ?? 1);
  }
}

async function main(): Promise<void> {
  build();

  // tsx directly rather than `npm run server`: one process group per server that we can stop cleanly.
  const servers = [
    startServer(
      'stand-in',
      // --control: the demo page answers as the agent through /_standin/agent-message (proxied below).
      [
        'src/server/cli.ts',
        '--host',
        HOST,
        '--port',
        String(STANDIN_PORT),
        '--fixture',
        DEMO_FIXTURE,
        '--control',
      ],
      /Rocket\.Chat stand-in listening on/,
    ),
    startServer(
      'demo page',
      [
        'src/dev/serve-static.ts',
        ...['--host', HOST, '--port', String(DEMO_PORT), '--root', 'public'],
        ...['--file', '/=index.html', '--file', '/index.html=index.html', '--mount', '/dist=dist'],
        // The control routes send no CORS headers: the page reaches them through its own origin.
        ...['--proxy', `/_standin=http://${HOST}:${STANDIN_PORT}`],
      ],
      /Static files on/,
    ),
  ];

  let stopping = false;
  const shutDown = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    for (const server of servers) stop(server);
    // If a server ignores SIGTERM, do not hang the terminal.
    setTimeout(() => {
      for (const server of servers) stop(server, 'SIGKILL');
      process.exit(exitCode);
    }, 3000).unref();
    Promise.all(servers.map((s) => (s.child.exitCode === null ? onceExit(s.child) : undefined))).then(() =>
      process.exit(exitCode),
    );
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.log('\nStopping the demo…');
      shutDown(0);
    });
  }
  for (const server of servers) {
    server.child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(
        `\n${server.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the demo.`,
      );
      shutDown(1);
    });
  }

  try {
    await Promise.all(servers.map((s) => s.ready));
  } catch (error) {
    console.error(`\nThe demo could not start: ${(error as Error).message}.`);
    console.error(`Are ports ${STANDIN_PORT} and ${DEMO_PORT} free?`);
    shutDown(1);
    return;
  }

  console.log(`
  ┌──────────────────────────────────────────────────────────────────────┐
    Demo running.

    Open the demo page:     http://${HOST}:${DEMO_PORT}/
    Rocket.Chat stand-in:   http://${HOST}:${STANDIN_PORT}   (fixture ${DEMO_FIXTURE})

    Two origins, as in production: the form calls Rocket.Chat cross-origin.
    Press Ctrl-C to stop both servers.
  └──────────────────────────────────────────────────────────────────────┘
`);
}

function onceExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

await main();
