import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const readPath = [node('u', 'client'), node('lb', 'load_balancer'), node('app', 'service'), node('c', 'cache')];
const through = [{ kind: 'client' }, { kind: 'load_balancer' }, { kind: 'service' }, { kind: 'cache' }];

describe('path-exists', () => {
  testCheck('path-exists', {
    valid: [
      {
        name: 'client → load balancer → service → cache',
        board: board(readPath, chain('u', 'lb', 'app', 'c')),
        options: { through },
        evidence: { nodeIds: ['u', 'lb', 'app', 'c'], edgeIds: ['u>lb', 'lb>app', 'app>c'] },
      },
      {
        name: 'other components between the stages',
        board: board([...readPath, node('cdn', 'cdn')], chain('u', 'cdn', 'lb', 'app', 'c')),
        options: { through },
        evidence: { nodeIds: ['cdn'] },
      },
      {
        name: 'every hop over the asked protocol',
        board: board(
          [node('u', 'client'), node('lb', 'load_balancer'), node('w', 'websocket_server')],
          [edge('u', 'lb', 'websocket'), edge('lb', 'w', 'websocket')],
        ),
        options: { through: [{ kind: 'client' }, { kind: 'websocket_server' }], protocol: 'websocket' },
      },
      {
        name: 'a cycle does not trap the search',
        board: board(readPath, [...chain('u', 'lb', 'app'), edge('app', 'lb'), edge('app', 'c')]),
        options: { through },
      },
    ],
    invalid: [
      { name: 'a missing stage', board: board(readPath, chain('u', 'app', 'c')), options: { through } },
      { name: 'stages out of order', board: board(readPath, chain('u', 'app', 'lb', 'c')), options: { through } },
      {
        name: 'an edge against the flow (server → load balancer)',
        board: board(readPath, [edge('u', 'lb'), edge('app', 'lb'), edge('app', 'c')]),
        options: { through },
      },
      {
        name: 'a hop over another protocol',
        board: board(
          [node('u', 'client'), node('lb', 'load_balancer'), node('w', 'websocket_server')],
          [edge('u', 'lb', 'websocket'), edge('lb', 'w', 'http')],
        ),
        options: { through: [{ kind: 'client' }, { kind: 'websocket_server' }], protocol: 'websocket' },
      },
      { name: 'an empty board', board: board([]), options: { through } },
    ],
  });
});
