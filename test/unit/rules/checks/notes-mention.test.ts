import { describe } from 'vitest';
import { board, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const notes = (deep_dive: string) => board([], [], { deep_dive });
const fanOut = [['fan-out', 'push model']];

describe('notes-mention', () => {
  testCheck('notes-mention', {
    valid: [
      {
        name: '"fan out" with a space',
        board: notes('We fan out on write.'),
        options: { terms: fanOut },
        evidence: { excerpts: ['fan out'] },
      },
      { name: '"fan-out" with a hyphen', board: notes('Fan-out on write'), options: { terms: fanOut } },
      { name: '"fanout" in one word, upper case', board: notes('FANOUT workers'), options: { terms: fanOut } },
      { name: 'a synonym', board: notes('a push model for most users'), options: { terms: fanOut } },
      { name: 'numbers as terms', board: notes('Return 302, not 301.'), options: { terms: ['301', '302'] } },
      {
        name: 'min of several terms',
        board: notes('base62 ids'),
        options: { terms: ['base62', 'snowflake', 'zookeeper'], min: 1 },
      },
      {
        name: 'restricted to a step',
        board: board([], [], { deep_dive: 'cursor pagination' }),
        options: { steps: 'deep_dive', terms: ['cursor'] },
      },
      {
        name: 'a text annotation on the canvas counts when no step is given',
        board: board([node('t', 'text', { label: 'shard by user id' })]),
        options: { terms: ['shard'] },
        evidence: { nodeIds: ['t'] },
      },
    ],
    invalid: [
      { name: 'no notes', board: notes(''), options: { terms: fanOut } },
      { name: 'part of a longer word', board: notes('fanouts are great'), options: { terms: fanOut } },
      { name: '"3010" is not "301"', board: notes('status 3010'), options: { terms: ['301'] } },
      { name: 'only one of two required terms', board: notes('we return 301'), options: { terms: ['301', '302'] } },
      {
        name: 'mentioned in another step than the one asked',
        board: board([], [], { understand: 'cursor pagination' }),
        options: { steps: ['deep_dive', 'bottlenecks'], terms: ['cursor'] },
      },
    ],
  });
});
