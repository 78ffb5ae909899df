/** `--data`: visitors, rooms and the guest counter survive a restart; a corrupt file stops the start. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/server/persistence.ts';
import { startStandin } from '../../src/server/start.ts';
import { call, withStandin } from './helpers.ts';

const NO_LIMIT = { settings: { API_Enable_Rate_Limiter: false } };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standin-data-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--data persistence', () => {
  it('keeps visitors, rooms and the guest counter across a restart', async () => {
    const dataFile = join(dir, 'data.json');
    const first = await withStandin({ dataFile, fixture: NO_LIMIT });
    const created = await call(first, 'POST', '/api/v1/livechat/visitor', {
      visitor: { token: 'keep-me', name: 'Kim' },
    });
    const room = await call(first, 'GET', '/api/v1/livechat/room?token=keep-me');
    expect(room.json.newRoom).toBe(true);
    await first.close();

    const second = await withStandin({ dataFile, fixture: NO_LIMIT });
    try {
      const again = await call(second, 'GET', '/api/v1/livechat/visitor/keep-me');
      expect(again.json.visitor).toEqual(created.json.visitor);
      const sameRoom = await call(second, 'GET', '/api/v1/livechat/room?token=keep-me');
      expect(sameRoom.json).toMatchObject({ newRoom: false, room: { _id: room.json.room._id } });
      const next = await call(second, 'POST', '/api/v1/livechat/visitor', { visitor: { token: 'next' } });
      const n = Number(created.json.visitor.username.replace('guest-', ''));
      expect(next.json.visitor.username).toBe(`guest-${n + 1}`);
    } finally {
      await second.close();
    }
    // Atomic writes leave no temp files behind.
    expect(await readdir(dir)).toEqual(['data.json']);
    expect(JSON.parse(await readFile(dataFile, 'utf8'))).toMatchObject({
      version: 1,
      visitors: expect.any(Array),
    });
  });

  it('writes every change of a burst of concurrent registrations', async () => {
    const dataFile = join(dir, 'burst.json');
    const standin = await withStandin({ dataFile, fixture: NO_LIMIT });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(standin, 'POST', '/api/v1/livechat/visitor', { visitor: { token: `b-${i}` } }),
      ),
    );
    await standin.close();
    const saved = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(saved.visitors).toHaveLength(50);
    expect(new Set(saved.visitors.map((v: { username: string }) => v.username)).size).toBe(50);
  });

  it('refuses to start on a corrupt or foreign data file and leaves it untouched', async () => {
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"version":1,"visitors":[');
    await expect(startStandin({ port: 0, dataFile: corrupt })).rejects.toThrow(DataFileError);
    await expect(startStandin({ port: 0, dataFile: corrupt })).rejects.toThrow(
      /not valid JSON.*refusing to start/,
    );
    expect(await readFile(corrupt, 'utf8')).toBe('{"version":1,"visitors":[');

    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, '{"hello":"world"}');
    await expect(startStandin({ port: 0, dataFile: foreign })).rejects.toThrow(/not a stand-in data file/);

    await expect(startStandin({ port: 0, dataFile: dir })).rejects.toThrow(/Cannot read data file/);
  });
});
