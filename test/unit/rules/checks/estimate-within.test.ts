import { describe } from 'vitest';
import { board } from '../../../fixtures/boards/builders';
import { testCheck } from '../checkTester';

const scope = (text: string) => board([], [], { scope: text });
const estimates = [
  {
    id: 'reads',
    label: 'Reads per second',
    quantity: 'qps',
    value: 4000,
    display: '4,000/s',
    tolerance: 2.5,
    about: ['read', 'redirect', 'qps', 'req'],
  },
  {
    id: 'writes',
    label: 'Writes per second',
    quantity: 'qps',
    value: 40,
    display: '40/s',
    tolerance: 2.5,
    about: ['write', 'new url', 'create'],
  },
  {
    id: 'storage',
    label: 'Storage',
    quantity: 'storage',
    value: 3e12,
    display: '3 TB',
    tolerance: 3,
    about: ['storage', 'total', 'years'],
    notAbout: ['cache', 'memory', 'each'],
    replication: true,
  },
  { id: 'egress', label: 'Egress', quantity: 'bandwidth', value: 2e6, display: '2 MB/s', tolerance: 2 },
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
      {
        name: 'a foreign word is said of the figure it is nearest ("500 bytes each … 3 TB")',
        board: scope('6 billion URLs at 500 bytes each is about 3 TB.'),
        options: { estimate: 'storage' },
      },
      { name: '"2.5TB" without a space', board: scope('2.5TB total'), options: { estimate: 'storage' } },
      { name: 'a bandwidth in MB/s', board: scope('egress 3 MB/s'), options: { estimate: 'egress' } },
      { name: '"3 terabytes" spelled out', board: scope('total storage 3 terabytes'), options: { estimate: 'storage' } },
      { name: '"~4,000 redirects a second"', board: scope('~4,000 redirects a second'), options: { estimate: 'reads' } },
      { name: '"4 k qps" with a space', board: scope('reads: 4 k qps'), options: { estimate: 'reads' } },
      { name: '"1,5 TB" with a decimal comma', board: scope('storage 1,5 TB'), options: { estimate: 'storage' } },
      { name: 'a range that overlaps the band', board: scope('storage: 1-10 TB over 5 years'), options: { estimate: 'storage' } },
      { name: 'storage with replication ×3', board: scope('storage 9 TB with replication ×3'), options: { estimate: 'storage' } },
      {
        name: 'writes and reads each bound to its own figure',
        board: scope('writes 40/s, reads 4,000/s'),
        options: { estimate: 'writes' },
      },
      { name: 'per minute', board: scope('2,400 writes per minute'), options: { estimate: 'writes' } },
      { name: 'a lone storage figure (one storage estimate)', board: scope('≈ 3 TB'), options: { estimate: 'storage' } },
      {
        name: 'the line’s heading names the subject ("Writes: … i.e. ~40 per second")',
        board: scope('Writes: 100M a month / 2.6M s, i.e. ~40 per second'),
        options: { estimate: 'writes' },
      },
      {
        name: 'a figure in brackets is about what the bracket follows',
        board: scope('Reads: 4,000/s on average, writes peak (~100/s)'),
        options: { estimate: 'writes' },
      },
    ],
    invalid: [
      {
        name: 'a foreign word beside the only figure still binds it to nothing',
        board: scope('Each record is about 3 TB.'),
        options: { estimate: 'storage' },
      },
      {
        name: 'swapped: writes 4,000/s, reads 40/s (writes)',
        board: scope('writes 4,000/s, reads 40/s'),
        options: { estimate: 'writes' },
      },
      {
        name: 'swapped: writes 4,000/s, reads 40/s (reads)',
        board: scope('writes 4,000/s, reads 40/s'),
        options: { estimate: 'reads' },
      },
      {
        name: 'a cache size is not the storage',
        board: scope('storage 30 TB; the cache holds 2 TB'),
        options: { estimate: 'storage' },
      },
      { name: 'a rate with no subject when two rates are expected', board: scope('~40/s'), options: { estimate: 'writes' } },
      {
        name: 'a heading names the subject of its own line only',
        board: scope('Writes: a few\n~40 per second'),
        options: { estimate: 'writes' },
      },
      {
        name: 'a heading does not override the clause’s own subject',
        board: scope('Writes: reads are 4,000/s'),
        options: { estimate: 'writes' },
      },
      { name: '"500B per record" is bytes, not 500 billion', board: scope('500B per record'), options: { estimate: 'storage' } },
      { name: 'a range too wide to be an estimate', board: scope('storage 1 GB - 1 PB'), options: { estimate: 'storage' } },
      { name: 'no figure', board: scope('lots of reads'), options: { estimate: 'reads' } },
      { name: 'off by more than the tolerance', board: scope('40 reads/s'), options: { estimate: 'reads' } },
      { name: 'a per-month figure is not a rate per second', board: scope('120M reads/month'), options: { estimate: 'reads' } },
      { name: 'a plain count is not a rate', board: scope('4000 users'), options: { estimate: 'reads' } },
      { name: 'a size is not a storage estimate when off', board: scope('500 B per URL'), options: { estimate: 'storage' } },
      { name: 'an unknown estimate name fails, never throws', board: scope('4k QPS'), options: { estimate: 'nope' } },
    ],
  });
});
