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
        name: 'through a cache in front of its store (service → cache → database)',
        board: board([node('app', 'service'), node('c', 'cache'), node('db', 'sql_db')], chain('app', 'c', 'db')),
        options: { through: [{ kind: 'service' }, { kind: 'database' }] },
        evidence: { nodeIds: ['app', 'c', 'db'] },
      },
      {
        name: 'a store as a stage of its own (database → stream, change data capture)',
        board: board(
          [node('app', 'service'), node('db', 'sql_db'), node('k', 'event_stream'), node('w', 'worker')],
          chain('app', 'db', 'k', 'w'),
        ),
        options: { through: [{ kind: 'service' }, { kind: 'database' }, { kind: 'queue' }] },
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
      {
        name: 'through a database: a request ends where data rests, it is not passed on',
        board: board(
          [node('u', 'client'), node('app', 'service'), node('db', 'sql_db'), node('w', 'websocket_server')],
          chain('u', 'app', 'db', 'w'),
        ),
        options: { through: [{ kind: 'client' }, { kind: 'websocket_server' }] },
      },
      {
        name: 'through an object store or search index (a chain of every box)',
        board: board(
          [
            node('app', 'service'),
            node('s3', 'object_store'),
            node('es', 'search_index'),
            node('q', 'message_queue'),
            node('w', 'worker'),
          ],
          chain('app', 's3', 'es', 'q', 'w'),
        ),
        options: { through: [{ kind: 'service' }, { kind: 'queue' }] },
      },
      { name: 'an empty board', board: board([]), options: { through } },
    ],
  });
});
