/**
 * `--data <file>`: visitors, rooms and the guest counter survive a restart.
 * Writes are atomic (temp file in the same directory + rename), coalesced (many changes in one tick → one write)
 * and serialised (never two writes racing on the same temp file). A file that exists but cannot be read or parsed
 * is a startup error: silently starting empty would throw the data away on the next write.
 */
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { z } from '../livechat/zod.ts';
import type { Room, StoreSnapshot, Visitor } from './store.ts';

const FORMAT_VERSION = 1;

const text = z.string();
const maybe = z.optional;
const strings = z.record(z.string(), z.string());

// The store's documents, checked key by key when a data file is read (`satisfies` keeps them in step with store.ts).
const visitorSchema = z.object({
  _id: text,
  token: maybe(text),
  username: maybe(text),
  status: maybe(text),
  ts: maybe(text),
  _updatedAt: text,
  name: maybe(text),
  visitorEmails: maybe(z.array(z.object({ address: text }))),
  phone: maybe(z.array(z.object({ phoneNumber: text }))),
  department: maybe(text),
  livechatData: maybe(strings),
  userAgent: maybe(text),
  ip: maybe(text),
  host: maybe(text),
  disabled: maybe(z.boolean()),
}) satisfies z.ZodMiniType<Visitor>;

const roomSchema = z.object({
  _id: text,
  t: z.literal('l'),
  fname: text,
  msgs: z.number(),
  usersCount: z.number(),
  ts: text,
  lm: text,
  departmentId: maybe(text),
  v: z.object({ _id: text, username: maybe(text), token: text, status: text }),
  cl: z.boolean(),
  open: z.boolean(),
  waitingResponse: z.boolean(),
  source: z.object({ type: text, destination: maybe(text) }),
  queuedAt: text,
  priorityWeight: z.number(),
  estimatedWaitingTimeQueue: z.number(),
  servedBy: maybe(z.object({ _id: text, username: text, ts: text })),
  livechatData: maybe(strings),
  lastMessage: z.optional(z.unknown()),
  closedAt: maybe(text),
  closedBy: maybe(z.object({ _id: text, username: maybe(text) })),
  closer: maybe(z.enum(['visitor', 'user'])),
  _updatedAt: text,
}) satisfies z.ZodMiniType<Room>;

const dataFileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  guestCount: z.int(),
  visitors: z.array(visitorSchema),
  rooms: z.array(roomSchema),
});

export class DataFileError extends Error {}

/** Reads a data file; `undefined` when it does not exist yet (first start). */
export async function readDataFile(file: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(`Cannot read data file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(
      `Data file ${file} is not valid JSON (${(err as Error).message}); refusing to start`,
    );
  }
  const parsed = z.safeParse(dataFileSchema, json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new DataFileError(
      `Data file ${file} is not a stand-in data file (${detail.join('; ')}); refusing to start`,
    );
  }
  const { version: _version, ...snapshot } = parsed.data;
  return snapshot;
}

export class DataFileWriter {
  private dirty = false;
  private running: Promise<void> | undefined;
  private sequence = 0;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  /** Marks the data dirty; the write happens on the next tick, once for all changes made until then. */
  schedule(): void {
    this.dirty = true;
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Resolves once everything scheduled so far is on disk. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.writeAtomically(JSON.stringify({ version: FORMAT_VERSION, ...this.snapshot() }));
      }
    } catch (err) {
      console.error(`stand-in: could not write data file ${this.file}: ${(err as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }

  private async writeAtomically(text: string): Promise<void> {
    this.sequence += 1;
    const temp = `${this.file}.${process.pid}.${this.sequence}.tmp`;
    try {
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.file);
    } catch (err) {
      await unlink(temp).catch(() => {});
      throw err;
    }
  }
}
