import { describe } from 'vitest';
import { board } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const scope = (text: string) => board([], [], { scope: text });
const rate = (id: string, about: string[], value: number) => ({
  id,
  label: id,
  quantity: 'qps' as const,
  value,
  display: `${value}/s`,
  tolerance: 2.5,
  about,
});
// The brief's own figures do not matter: the candidate's figures are compared with each other.
const estimates = [rate('reads', ['read', 'feed loads'], 23000), rate('writes', ['post', 'write'], 2300)];
const options = { larger: 'reads', smaller: 'writes', atLeast: 5 };

describe('estimate-ratio', () => {
  testCheck('estimate-ratio', {
    estimates,
    valid: [
      {
        name: 'the candidate’s own rates, far apart',
        board: scope('Feed loads: about 23k reads per second. Posts: roughly 1.2k writes per second.'),
        options,
        evidence: { excerpts: ['23k', '1.2k'] },
      },
      {
        name: 'other assumptions than the brief’s, the same ratio',
        board: scope('We get ~500 reads/s and 50 posts/s.'),
        options,
      },
    ],
    invalid: [
      { name: 'rates too close together', board: scope('About 4k reads/s and 2k writes/s.'), options },
      { name: 'only one of the two', board: scope('About 23k reads per second.'), options },
      { name: 'the ratio the wrong way round', board: scope('About 200 reads/s and 20k writes/s.'), options },
    ],
  });
});
