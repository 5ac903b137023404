import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { baseUrl, connect, dragFromPalette, flowNodes, shot } from './support/board';

interface ExampleNode {
  readonly id: string;
  readonly kind: string;
  readonly label?: string;
  readonly props?: { readonly replicas?: number; readonly tech?: string };
}
interface ExampleBoard {
  readonly nodes: readonly ExampleNode[];
  readonly edges: readonly { readonly source: string; readonly target: string; readonly protocol?: string }[];
  readonly notes: Readonly<Record<string, string>>;
}

const example = (name: string): ExampleBoard =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../rubrics/examples/${name}.archdrill.json`), 'utf8'));

const picker = (page: Page) => page.getByRole('dialog', { name: 'Pick a question' });
const questionButtons = (page: Page) => picker(page).locator('[data-testid^="question-"].question-option');

/** Attempts as the History keeps them, so the picker has progress to show. */
const seedHistory = (page: Page, attempts: { question: string; percent: number; endedAt: number }[]) =>
  page.addInitScript((list) => {
    const records = list.map((a, i) => ({
      id: `seed-${i}`,
      question: a.question,
      title: a.question,
      startedAt: a.endedAt - 60_000,
      endedAt: a.endedAt,
      durationSec: 60,
      percent: a.percent,
      band: a.percent >= 75 ? 'strong' : a.percent >= 40 ? 'acceptable' : 'weak',
      perStep: [],
      boardFile: '{}',
    }));
    if (!localStorage.getItem('archdrill.history'))
      localStorage.setItem('archdrill.history', JSON.stringify({ format: 'archdrill.history', version: 1, attempts: records }));
  }, attempts);

test('the question picker shelves a bank of questions by category, searches, filters by difficulty and shows progress', async ({
  page,
}) => {
  await seedHistory(page, [
    { question: 'payments', percent: 55, endedAt: 1_700_000_000_000 },
    { question: 'payments', percent: 81, endedAt: 1_700_000_100_000 },
  ]);
  await page.goto(baseUrl());
  await expect(picker(page)).toBeVisible();

  // Thirteen questions or more, on shelves by category, each with its difficulty and progress.
  expect(await questionButtons(page).count()).toBeGreaterThanOrEqual(13);
  for (const shelf of ['Transactions', 'Infrastructure', 'Media & storage', 'Messaging'])
    await expect(picker(page).getByRole('region', { name: shelf })).toBeVisible();
  await expect(picker(page).getByRole('region', { name: 'Transactions' })).toContainText('Payment system');
  await expect(page.getByTestId('difficulty-of-payments')).toHaveText('Hard');
  await expect(page.getByTestId('progress-payments')).toHaveText('2 attempts · best 81%');
  await expect(page.getByTestId('progress-rate-limiter')).toHaveText('Not tried yet');
  await shot(page, 'question-picker');

  // The search box has the focus: typing narrows the list.
  await page.keyboard.type('seat');
  await expect(questionButtons(page)).toHaveCount(1);
  await expect(page.getByTestId('question-ticket-booking')).toBeVisible();
  await expect(page.getByTestId('question-count')).toContainText('1 of');

  // Difficulty filter, combined with the search, then alone.
  await page.getByTestId('question-search').fill('');
  await page.getByTestId('difficulty-easy').click();
  await expect(page.getByTestId('difficulty-easy')).toHaveAttribute('aria-pressed', 'true');
  const easy = await questionButtons(page).allTextContents();
  expect(easy.length).toBeGreaterThanOrEqual(2);
  for (const t of easy) expect(t).toContain('Easy');
  await page.getByTestId('question-search').fill('payment');
  await expect(page.getByText('No question matches')).toBeVisible();
  await expect(page.getByTestId('question-random')).toBeDisabled();

  // A random question for a surprise mock: one of those shown, never tried first.
  await page.getByTestId('question-search').fill('');
  await page.getByTestId('difficulty-hard').click();
  const hard = (await questionButtons(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).map((t) =>
    t!.replace('question-', ''),
  );
  await page.getByTestId('question-random').click();
  await expect(picker(page)).toBeHidden();
  const title = (await page.getByTestId('question-title').textContent()) ?? '';
  expect(title).not.toBe('Payment system');
  await page.getByTestId('tab-brief').click();
  await expect(page.getByTestId('brief-title')).toHaveText(title);
  expect(hard.length).toBeGreaterThan(1);
});

/** Sets a selected node's label, replicas and technology in the inspector, as a person would. */
const describeNode = async (page: Page, node: Locator, spec: ExampleNode) => {
  await node.click();
  if (spec.label) await page.getByTestId('inspector-label').fill(spec.label);
  if (spec.props?.replicas !== undefined) await page.getByTestId('inspector-replicas').fill(String(spec.props.replicas));
  if (spec.props?.tech) await page.getByTestId('inspector-tech').fill(spec.props.tech);
  // The canvas wraps long labels onto lines: compare without the white space.
  const label = spec.label?.replace(/\s+/g, '');
  if (label) await expect.poll(async () => ((await node.textContent()) ?? '').replace(/\s+/g, '')).toContain(label);
};

test('a new question picked from the bank, its strong example drawn by hand, is banded strong', async ({ page }) => {
  test.setTimeout(180_000);
  const design = example('rate-limiter.strong');
  await page.goto(baseUrl());
  await expect(picker(page)).toBeVisible();
  await page.keyboard.type('rate limiter');
  await page.keyboard.press('Enter');
  await expect(picker(page)).toBeHidden();
  await expect(page.getByTestId('question-title')).toHaveText('Rate limiter');
  await page.getByTestId('tab-brief').click();
  await expect(page.getByTestId('brief-panel')).toContainText('50 million active API keys');

  // Draw every component from the palette on a grid, then describe it in the inspector.
  await page.getByTestId('tab-design').click();
  const drawn = new Map<string, Locator>();
  for (const [i, n] of design.nodes.entries()) {
    const at = { x: 100 + (i % 4) * 210, y: 90 + Math.floor(i / 4) * 190 };
    const node = await dragFromPalette(page, n.kind, at);
    await describeNode(page, node, n);
    drawn.set(n.id, node);
  }
  await expect(flowNodes(page)).toHaveCount(design.nodes.length);
  for (const e of design.edges) await connect(page, drawn.get(e.source)!, drawn.get(e.target)!);

  // Write each step's notes.
  await page.getByTestId('tab-notes').click();
  for (const [step, text] of Object.entries(design.notes)) {
    await page.getByTestId(`step-tab-${step}`).click();
    await page.getByTestId(`notes-${step}`).fill(text);
  }

  await page.getByTestId('tab-score').click();
  await expect(page.getByTestId('score-band')).toHaveAttribute('data-band', 'strong');
  await expect(page.getByTestId('rule-per-node-counters')).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('rule-in-memory-counter-store')).toHaveAttribute('data-passed', 'true');
  await shot(page, 'question-bank-strong');
});
