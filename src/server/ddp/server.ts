/**
 * Meteor's raw-WebSocket DDP endpoint, `/websocket` (CONTRACT.md §13.6), on the stand-in's HTTP server; the
 * official widget connects there (its SDK turns the server URL into `ws(s)://host/websocket`). Other upgrade
 * paths are refused with a plain 404. Built on `ws`.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { StandinState } from '../state.ts';
import { RoomEvents } from './room-events.ts';
import { DdpSession } from './session.ts';

/** Same cap as REST bodies; a larger frame closes the socket with 1009 (ws does it). */
const MAX_FRAME_BYTES = 1024 * 1024;

export type DdpEndpoint = {
  roomEvents: RoomEvents;
  /** Open sockets; closing the stand-in closes them. */
  sessionCount(): number;
  close(): void;
};

export function attachDdp(server: Server, state: StandinState): DdpEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const roomEvents = new RoomEvents();
  const sessions = new Set<DdpSession>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (path !== '/websocket') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session = new DdpSession(
        state,
        roomEvents,
        (frame) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
        },
        () => ws.close(),
      );
      sessions.add(session);
      ws.on('message', (data) => {
        try {
          session.receive(
            Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'),
          );
        } catch (err) {
          // A stand-in bug must not take the server down: log it and end this one socket.
          console.error('stand-in: DDP frame handling failed:', err);
          ws.close(1011);
        }
      });
      ws.on('close', () => {
        sessions.delete(session);
        session.close();
      });
      ws.on('error', () => ws.terminate());
      session.open();
    });
  });

  return {
    roomEvents,
    sessionCount: () => sessions.size,
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
