import { describe } from 'vitest';
import { board } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const scope = (text: string) => board([], [], { scope: text });
const estimates = [
  { id: 'reads', quantity: 'qps', value: 4000, display: '4,000/s', tolerance: 2.5 },
  { id: 'storage', quantity: 'storage', value: 3e12, display: '3 TB', tolerance: 3 },
  { id: 'egress', quantity: 'bandwidth', value: 2e6, display: '2 MB/s', tolerance: 2 },
] as const;

describe('estimate-within', () => {
  testCheck('estimate-within', {
    estimates,
    valid: [
      { name: '"4k QPS"', board: scope('reads: 4k QPS'), options: { estimate: 'reads' }, evidence: { excerpts: ['4k QPS'] } },
      { name: '"4,000 reads/s"', board: scope('about 4,000 reads/s'), options: { estimate: 'reads' } },
      { name: 'within the tolerance factor', board: scope('~9,000 req/s at peak'), options: { estimate: 'reads' } },
      { name: 'a rate named before the number', board: scope('read QPS ≈ 4000'), options: { estimate: 'reads' } },
      { name: '"3 TB"', board: scope('500 B × 100M × 12 × 5 ≈ 3 TB'), options: { estimate: 'storage' } },
      { name: '"2.5TB" without a space', board: scope('2.5TB total'), options: { estimate: 'storage' } },
      { name: 'a bandwidth in MB/s', board: scope('egress 3 MB/s'), options: { estimate: 'egress' } },
    ],
    invalid: [
      { name: 'no figure', board: scope('lots of reads'), options: { estimate: 'reads' } },
      { name: 'off by more than the tolerance', board: scope('40 reads/s'), options: { estimate: 'reads' } },
      { name: 'a per-month figure is not a rate per second', board: scope('120M reads/month'), options: { estimate: 'reads' } },
      { name: 'a plain count is not a rate', board: scope('4000 users'), options: { estimate: 'reads' } },
      { name: 'a size is not a storage estimate when off', board: scope('500 B per URL'), options: { estimate: 'storage' } },
      { name: 'an unknown estimate name fails, never throws', board: scope('4k QPS'), options: { estimate: 'nope' } },
    ],
  });
});
