import { expect, type Locator, type Page } from '@playwright/test';

/** Helpers for mock interviews and their replays, as a person drives them. */
export const timer = (page: Page) => page.getByTestId('timer-bar');
export const replay = (page: Page) => page.getByTestId('replay-view');
export const replayNodes = (page: Page) => replay(page).getByTestId('replay-node');

/** Next step, and wait until the timer shows it. */
export const next = async (page: Page, title: string) => {
  await page.getByTestId('timer-next').click();
  await expect(page.getByTestId('timer-step')).toHaveText(title);
};

/** Starts the 35-minute plan (run it at `?timescale=60` to take about 35 s). */
export const startMock = async (page: Page) => {
  await page.getByTestId('timer-start').click();
  await page.getByTestId('preset-35').check();
  await page.getByTestId('start-confirm').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'running');
};

export const endMock = async (page: Page) => {
  await page.getByTestId('timer-end').click();
  await page.getByTestId('timer-end-confirm').click();
  await expect(timer(page)).toHaveAttribute('data-status', 'ended');
};

/** Clicks the scrubber's track where `at` (epoch ms, the scrubber's unit) lies, as a person aiming at a moment would. */
export const scrubTo = async (page: Page, at: number) => {
  const scrubber = page.getByTestId('replay-scrubber');
  const min = Number(await scrubber.getAttribute('min'));
  const max = Number(await scrubber.getAttribute('max'));
  const box = (await scrubber.boundingBox())!;
  // Chromium's track runs between the thumb's half-widths (the thumb is about 16 px).
  const thumb = 8;
  const x = box.x + thumb + ((Math.min(max, Math.max(min, at)) - min) / (max - min)) * (box.width - 2 * thumb);
  await page.mouse.click(x, box.y + box.height / 2);
};

/** The kinds of the components the replay draws now, sorted. */
export const replayKinds = async (page: Page) =>
  (await replayNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).sort();

/**
 * Room for the y axis's widest label ("100%") beside its ticks, and the width
 * that label needs in uPlot's axis font: uPlot draws labels on the canvas,
 * so a label wider than its axis is cut off at the chart's left edge.
 */
export const yAxisLabelRoom = (chart: Locator) =>
  chart.evaluate((el) => {
    const y = el.querySelectorAll('.u-axis')[1] as HTMLElement;
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
    // uPlot's default tick length (10) and gap (5) come between the label and the plot.
    return { room: y.getBoundingClientRect().width - 15, needed: ctx.measureText('100%').width };
  });
