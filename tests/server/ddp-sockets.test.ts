/**
 * What a single-socket DDP case cannot show: typing reaches the OTHER sockets of the room (never the writer),
 * and a socket that closes leaves no listener behind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningStandin, startStandin } from '../../src/server/start.ts';

let standin: RunningStandin;
let rid: string;
const token = 'tok-sockets';

beforeAll(async () => {
  standin = await startStandin({ port: 0, control: true });
  const post = (path: string, body: unknown) =>
    fetch(`${standin.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/_standin/reset', { settings: { API_Enable_Rate_Limiter: false } });
  await post('/api/v1/livechat/visitor', { visitor: { token, name: 'Ada' } });
  const room = (await (await fetch(`${standin.url}/api/v1/livechat/room?token=${token}`)).json()) as {
    room: { _id: string };
  };
  rid = room.room._id;
});
afterAll(async () => {
  await standin.close();
});

/** A connected socket and every frame it has received so far. */
async function connect(): Promise<{ socket: WebSocket; frames: Record<string, unknown>[] }> {
  const socket = new WebSocket(`${standin.url.replace('http', 'ws')}/websocket`);
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ msg: 'connect', version: '1', support: ['1'] }));
  await expect.poll(() => frames.some((frame) => frame.msg === 'connected')).toBe(true);
  return { socket, frames };
}

function subscribe(socket: WebSocket, id: string, name: string, eventName: string): void {
  const extra = { token, visitorToken: token };
  socket.send(
    JSON.stringify({ msg: 'sub', id, name, params: [eventName, { useCollection: false, args: [extra] }] }),
  );
}

it('relays typing to the other subscribers of the room, not to the writer', async () => {
  const writer = await connect();
  const reader = await connect();
  for (const { socket } of [writer, reader]) subscribe(socket, 't', 'stream-notify-room', `${rid}/typing`);
  await expect.poll(() => reader.frames.some((frame) => frame.msg === 'ready')).toBe(true);
  await expect.poll(() => writer.frames.some((frame) => frame.msg === 'ready')).toBe(true);

  writer.socket.send(
    JSON.stringify({
      msg: 'method',
      id: 'm',
      method: 'stream-notify-room',
      params: [`${rid}/typing`, 'guest', true, { token }],
    }),
  );
  await expect.poll(() => writer.frames.some((frame) => frame.msg === 'updated')).toBe(true);
  await expect
    .poll(() => reader.frames.find((frame) => frame.msg === 'changed'))
    .toEqual({
      msg: 'changed',
      collection: 'stream-notify-room',
      id: 'id',
      fields: { eventName: `${rid}/typing`, args: ['guest', true, { token }] },
    });
  expect(writer.frames.filter((frame) => frame.msg === 'changed')).toEqual([]);
  writer.socket.close();
  reader.socket.close();
});

it('drops every subscription of a socket that closes', async () => {
  const before = standin.state.messages.listenerCount();
  const client = await connect();
  subscribe(client.socket, 'm', 'stream-room-messages', rid);
  subscribe(client.socket, 't', 'stream-notify-room', `${rid}/typing`);
  await expect.poll(() => client.frames.filter((frame) => frame.msg === 'ready').length).toBe(2);
  expect(standin.state.messages.listenerCount()).toBe(before + 1);
  expect(standin.ddp.roomEvents.listenerCount()).toBeGreaterThan(0);

  client.socket.terminate();
  await expect.poll(() => standin.ddp.sessionCount()).toBe(0);
  expect(standin.state.messages.listenerCount()).toBe(before);
  expect(standin.ddp.roomEvents.listenerCount()).toBe(0);
});

it('closes a socket that sends a frame over 1 MiB, and keeps serving others', async () => {
  const client = await connect();
  const closed = new Promise<number>((resolve) => client.socket.once('close', resolve));
  client.socket.send('x'.repeat(1024 * 1024 + 1));
  expect(await closed).toBe(1009);
  const other = await connect();
  expect(other.frames[0]).toEqual({ server_id: '0' });
  other.socket.close();
});
