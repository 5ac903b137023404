/**
 * Child process: the stock server of @y/websocket-server 0.1.1 (its own
 * setupWSConnection, in-memory as its bin runs by default), wired as its
 * src/server.js does. argv: port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveMemoryQueries } from './memory';

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_req, res) => res.end('okay'));
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  serveMemoryQueries(() => (docs as Map<string, unknown>).size);
  process.send?.({ ready: (server.address() as AddressInfo).port });
});
// A clean exit, so --cpu-prof (BENCH_SYNC_PROF) gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
