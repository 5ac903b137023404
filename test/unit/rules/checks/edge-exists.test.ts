import { describe } from 'vitest';
import { board, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const appAndCache = [node('app', 'service'), node('c', 'cache')];
const queueAndWorker = [node('q', 'message_queue'), node('w', 'worker')];

describe('edge-exists', () => {
  testCheck('edge-exists', {
    valid: [
      {
        name: 'a direct edge',
        board: board(appAndCache, [edge('app', 'c')]),
        options: { from: { kind: 'service' }, to: { kind: 'cache' } },
        evidence: { edgeIds: ['app>c'], nodeIds: ['app', 'c'] },
      },
      {
        name: 'with the asked protocol',
        board: board([node('u', 'client'), node('w', 'websocket_server')], [edge('u', 'w', 'websocket')]),
        options: { from: { kind: 'client' }, to: { kind: 'websocket_server' }, protocol: 'websocket' },
      },
      {
        name: 'with one of several protocols',
        board: board(appAndCache, [edge('app', 'c', 'tcp')]),
        options: { from: { kind: 'service' }, to: { kind: 'cache' }, protocol: ['grpc', 'tcp'] },
      },
      {
        name: 'a response arrow from a store reads as the service calling it',
        board: board(appAndCache, [edge('c', 'app')]),
        options: { from: { kind: 'service' }, to: { kind: 'cache' } },
      },
      {
        name: 'a worker → queue edge labelled "consumes" is the queue feeding the worker',
        board: board(queueAndWorker, [edge('w', 'q', { label: 'consumes' })]),
        options: { from: { kind: 'queue' }, to: { kind: 'worker' } },
      },
      {
        name: 'an async worker → queue edge is the queue feeding the worker',
        board: board(queueAndWorker, [edge('w', 'q', 'async')]),
        options: { from: { kind: 'queue' }, to: { kind: 'worker' } },
      },
      {
        name: 'a generic box labelled "Redis" is a cache',
        board: board([node('app', 'service'), node('r', 'service', { label: 'Redis' })], [edge('app', 'r')]),
        options: { from: { kind: 'service' }, to: { kind: 'cache' } },
      },
    ],
    invalid: [
      { name: 'no edge', board: board(appAndCache), options: { from: { kind: 'service' }, to: { kind: 'cache' } } },
      {
        name: 'a worker → queue edge that neither consumes nor is async (the worker publishes)',
        board: board(queueAndWorker, [edge('w', 'q', 'http')]),
        options: { from: { kind: 'queue' }, to: { kind: 'worker' } },
      },
      {
        name: 'an unconnected pair beside the design',
        board: board([node('u', 'client'), node('lb', 'load_balancer'), ...appAndCache], [edge('u', 'lb'), edge('app', 'c')]),
        options: { from: { kind: 'service' }, to: { kind: 'cache' } },
      },
      {
        name: 'an edge without the asked protocol',
        board: board([node('u', 'client'), node('w', 'websocket_server')], [edge('u', 'w', 'http')]),
        options: { from: { kind: 'client' }, to: { kind: 'websocket_server' }, protocol: 'websocket' },
      },
      {
        name: 'only an indirect path',
        board: board([...appAndCache, node('x', 'service')], [edge('app', 'x'), edge('x', 'c')]),
        options: { from: { kind: 'service', label: 'nothing' }, to: { kind: 'cache' } },
      },
    ],
  });
});
