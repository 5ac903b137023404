/**
 * The five-step interview framework. Step ids are part of the public board
 * format (notes are keyed by them) and of rubric files.
 */
export const STEP_IDS = ['understand', 'scope', 'high_level', 'deep_dive', 'bottlenecks'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepInfo {
  readonly id: StepId;
  readonly title: string;
  readonly defaultMinutes: number;
  /** One line under the title: what the candidate does in this step. */
  readonly summary: string;
  /** Questions the candidate should ask or answer aloud in this step. */
  readonly prompts: readonly string[];
}

export const STEPS: readonly StepInfo[] = [
  {
    id: 'understand',
    title: 'Understand the problem',
    defaultMinutes: 5,
    summary: 'Features, users, scale, constraints.',
    prompts: [
      'Which features are required? Which can wait?',
      'Who are the users, and how do they use it (read-heavy or write-heavy)?',
      'What scale: users, daily active users, requests, data volume?',
      'What constraints: latency, availability, consistency, budget, regions?',
    ],
  },
  {
    id: 'scope',
    title: 'Define scope & requirements',
    defaultMinutes: 5,
    summary: 'Functional and non-functional requirements, in/out of scope, estimates.',
    prompts: [
      'List the functional requirements (what the system does).',
      'List the non-functional requirements (availability, latency, durability, consistency).',
      'Say what is in scope and what is out.',
      'Estimate: QPS = DAU × requests per user / 86,400; peak = 2–3× average.',
      'Estimate storage = records × size × replication × retention; and bandwidth.',
    ],
  },
  {
    id: 'high_level',
    title: 'High-level design',
    defaultMinutes: 10,
    summary: 'Major components, data flow, technologies.',
    prompts: [
      'Draw the major components: clients, entry points, services, stores.',
      'Trace the data flow of the main read path and the main write path.',
      'Choose technologies and say why (SQL or NoSQL, which cache, which queue).',
    ],
  },
  {
    id: 'deep_dive',
    title: 'Deep dive',
    defaultMinutes: 15,
    summary: 'Schema, API, algorithms, scaling.',
    prompts: [
      'Sketch the database schema and the keys you query by.',
      'Design the API: endpoints, parameters, status codes, pagination.',
      'Explain the core algorithm or data structure.',
      'How does each tier scale: sharding, replication, caching, partitioning?',
    ],
  },
  {
    id: 'bottlenecks',
    title: 'Identify & resolve bottlenecks',
    defaultMinutes: 5,
    summary: 'Failures, single points of failure, further scale.',
    prompts: [
      'What can fail? Walk each component and say what happens when it dies.',
      'Where are the single points of failure, and how do you remove them?',
      'How do you handle failures: retries, timeouts, circuit breakers, failover?',
      'How do you scale 10× further, and what do you monitor?',
    ],
  },
];

const stepIdSet: ReadonlySet<string> = new Set(STEP_IDS);
export const isStepId = (id: string): id is StepId => stepIdSet.has(id);

export const stepInfo = (id: StepId): StepInfo => {
  const info = STEPS.find((s) => s.id === id);
  if (!info) throw new Error(`unknown step ${id}`);
  return info;
};
