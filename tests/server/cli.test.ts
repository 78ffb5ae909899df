/** The CLI as other tools start it: the ready line, exit code 2 on bad input, --control gating. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(root, 'node_modules/.bin/tsx');
const CLI = join(root, 'src/server/cli.ts');

function run(args: string[]): ChildProcess {
  return spawn(TSX, [CLI, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the first stdout line, or with the exit code and stderr when the process ends first. */
function firstLineOrExit(
  child: ChildProcess,
): Promise<{ line?: string; code?: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ line: stdout.split('\n')[0], stderr });
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standin-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run server', () => {
  it('prints exactly the ready line with the real port, and mounts control routes only with --control', async () => {
    for (const control of [true, false]) {
      const child = run(['--port', '0', '--host', '127.0.0.1', ...(control ? ['--control'] : [])]);
      try {
        const { line } = await firstLineOrExit(child);
        expect(line).toMatch(/^Rocket\.Chat stand-in listening on http:\/\/127\.0\.0\.1:\d+$/);
        const url = (line as string).replace('Rocket.Chat stand-in listening on ', '');
        expect(Number(new URL(url).port)).toBeGreaterThan(0);
        const resetAnswer = await fetch(`${url}/_standin/reset`, { method: 'POST', body: '{}' });
        expect(resetAnswer.status).toBe(control ? 200 : 404);
        const config = await fetch(`${url}/api/v1/livechat/config`);
        expect(config.status).toBe(200);
      } finally {
        child.kill('SIGTERM');
      }
    }
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', '0', '--fixture', '/nonexistent/fixture.json'], /cannot read fixture/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await firstLineOrExit(run(args));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 for an invalid fixture, naming the bad key', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ settings: { API_Enable_CORS: 'on' } }));
    const result = await firstLineOrExit(run(['--port', '0', '--fixture', file]));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/settings\.API_Enable_CORS: expected boolean/);
  });
});
