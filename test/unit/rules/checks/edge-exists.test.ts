import { describe } from 'vitest';
import { board, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const appAndCache = [node('app', 'service'), node('c', 'cache')];

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
    ],
    invalid: [
      { name: 'no edge', board: board(appAndCache), options: { from: { kind: 'service' }, to: { kind: 'cache' } } },
      {
        name: 'the wrong direction',
        board: board(appAndCache, [edge('c', 'app')]),
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
