import { describe } from 'vitest';
import { board, node, wired } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const select = { kind: 'load_balancer' };

// A detector: "passes" means a single instance; rubrics wrap it in `not` beside component-exists.
describe('single-point-of-failure', () => {
  testCheck('single-point-of-failure', {
    valid: [
      {
        name: 'one load balancer',
        board: wired([node('lb', 'load_balancer')]),
        options: { select },
        evidence: { nodeIds: ['lb'] },
      },
      { name: 'replicas: 1', board: wired([node('lb', 'load_balancer', { props: { replicas: 1 } })]), options: { select } },
    ],
    invalid: [
      { name: 'two drawn', board: wired([node('a', 'load_balancer'), node('b', 'load_balancer')]), options: { select } },
      { name: 'one marked ×2', board: wired([node('lb', 'load_balancer', { props: { replicas: 2 } })]), options: { select } },
      { name: 'none at all (not applicable)', board: board([]), options: { select }, applicable: false },
    ],
  });
});
