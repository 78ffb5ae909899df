/** Programmatic start, shared by the CLI and the tests: `startStandin({ port, host, fixture, dataFile, control })`. */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { buildApp } from './app.ts';
import { attachDdp, type DdpEndpoint } from './ddp/server.ts';
import { type Fixture, parseFixture } from './fixture.ts';
import { DataFileWriter, readDataFile } from './persistence.ts';
import { StandinState } from './state.ts';
import { Store } from './store.ts';

export type StandinOptions = {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixture object as in the fixture file (validated here); omitted → Rocket.Chat defaults. */
  fixture?: unknown;
  /** `--data`: persist visitors, rooms and the guest counter to this file. */
  dataFile?: string;
  /** `--control`: mount the /_standin/* routes. */
  control?: boolean;
};

export type RunningStandin = {
  url: string;
  port: number;
  state: StandinState;
  /** The `/websocket` DDP endpoint (open sockets, typing events). */
  ddp: DdpEndpoint;
  close(): Promise<void>;
};

export class FixtureError extends Error {}

export function loadFixture(input: unknown): Fixture {
  const result = parseFixture(input ?? {});
  if (!result.ok) throw new FixtureError(result.error);
  return result.fixture;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startStandin(options: StandinOptions = {}): Promise<RunningStandin> {
  const host = options.host ?? '127.0.0.1';
  const fixture = loadFixture(options.fixture);
  const snapshot = options.dataFile ? await readDataFile(options.dataFile) : undefined;
  const store = new Store(
    snapshot ?? { guestCount: fixture.settings.Livechat_guest_count, visitors: [], rooms: [] },
  );
  const writer = options.dataFile ? new DataFileWriter(options.dataFile, () => store.snapshot()) : undefined;
  if (writer) store.onChange(() => writer.schedule());

  // Requests are logged for the control routes only: without them nothing could read the log.
  const state = new StandinState(fixture, store, { logRequests: options.control ?? false });
  const app = buildApp(state, { control: options.control ?? false });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  const ddp = attachDdp(server, state);
  const port = await listen(server, options.port ?? 3000, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    state,
    ddp,
    async close() {
      ddp.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
    },
  };
}
