import { describe } from 'vitest';
import { board, node } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const select = { kind: 'load_balancer' };

// A detector: "passes" means a single instance; rubrics wrap it in `not` beside component-exists.
describe('single-point-of-failure', () => {
  testCheck('single-point-of-failure', {
    valid: [
      {
        name: 'one load balancer',
        board: board([node('lb', 'load_balancer')]),
        options: { select },
        evidence: { nodeIds: ['lb'] },
      },
      { name: 'replicas: 1', board: board([node('lb', 'load_balancer', { props: { replicas: 1 } })]), options: { select } },
    ],
    invalid: [
      { name: 'two drawn', board: board([node('a', 'load_balancer'), node('b', 'load_balancer')]), options: { select } },
      { name: 'one marked ×2', board: board([node('lb', 'load_balancer', { props: { replicas: 2 } })]), options: { select } },
      { name: 'none at all (pair with component-exists)', board: board([]), options: { select } },
    ],
  });
});
