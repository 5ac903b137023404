import { describe } from 'vitest';
import { board, chain, edge, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const nodes = [
  node('u', 'client'),
  node('post', 'service', { label: 'Post service' }),
  node('q', 'message_queue'),
  node('w', 'worker', { label: 'Fan-out workers' }),
  node('tl', 'cache', { label: 'Timeline cache' }),
];
const options = { from: { kind: 'service', label: 'post' }, to: { kind: 'cache', label: 'timeline' } };

// A detector: "passes" means the fan-out runs inside the request.
describe('sync-only-path', () => {
  testCheck('sync-only-path', {
    valid: [
      {
        name: 'the post service writes every timeline itself',
        board: board(nodes, [edge('u', 'post'), edge('post', 'tl')]),
        options,
        evidence: { edgeIds: ['post>tl'] },
      },
    ],
    invalid: [
      { name: 'through a queue and workers', board: board(nodes, chain('u', 'post', 'q', 'w', 'tl')), options },
      {
        name: 'over an async edge',
        board: board(nodes, [edge('u', 'post'), edge('post', 'w', 'async'), edge('w', 'tl')]),
        options,
      },
      {
        name: 'workers drawn consuming from the queue',
        board: board(nodes, [...chain('u', 'post', 'q'), edge('w', 'q', { label: 'consumes' }), edge('w', 'tl')]),
        options,
      },
      {
        name: 'no path at all: a pull-only feed (not applicable)',
        board: board(nodes, [edge('u', 'post')]),
        options,
        applicable: false,
      },
    ],
  });
});
