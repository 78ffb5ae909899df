/**
 * `npm run server -- --port <port> [--host 127.0.0.1] [--fixture <file.json>] [--data <file>] [--control]`
 * Prints exactly one line when ready: `Rocket.Chat stand-in listening on http://HOST:PORT`.
 * Exit code 2 for bad arguments, an unreadable or invalid fixture, or an unreadable data file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataFileError } from './persistence.ts';
import { FixtureError, startStandin } from './start.ts';

const USAGE =
  'usage: npm run server -- --port <port> [--host 127.0.0.1] [--fixture <file.json>] [--data <file>] [--control]';

function fail(message: string): never {
  console.error(`stand-in: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        fixture: { type: 'string' },
        data: { type: 'string' },
        control: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
}

function readFixtureFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return fail(`cannot read fixture ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return fail(`fixture ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  const args = parseCli();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!/^\d+$/.test(args.port) || port > 65_535)
    fail(`--port must be an integer 0-65535, got "${args.port}"`);
  if (!args.host) fail('--host must not be empty');
  const fixture = args.fixture ? readFixtureFile(args.fixture) : undefined;

  try {
    const standin = await startStandin({
      port,
      host: args.host,
      fixture,
      dataFile: args.data,
      control: args.control,
    });
    console.log(`Rocket.Chat stand-in listening on ${standin.url}`);
    const stop = () => {
      standin.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    if (err instanceof FixtureError) fail(`fixture ${args.fixture}: ${err.message}`);
    if (err instanceof DataFileError) fail(err.message);
    console.error(`stand-in: cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}

await main();
