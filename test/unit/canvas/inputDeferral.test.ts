import { afterEach, describe, expect, it } from 'vitest';
import { deferDuringContinuousInput } from '../../../renderer/src/canvas/inputDeferral';

/** A source of change notifications, like FlowBinding.subscribe. */
function source() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: () => {
      for (const l of listeners) l();
    },
    get size() {
      return listeners.size;
    },
  };
}

/** Runs `fn` as if inside the dispatch of an event of `type` (what `window.event` reads in the page). */
function during(type: string, fn: () => void) {
  (globalThis as { event?: unknown }).event = { type };
  try {
    fn();
  } finally {
    delete (globalThis as { event?: unknown }).event;
  }
}

const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('deferDuringContinuousInput (a drag step renders after its pointer move)', () => {
  afterEach(() => {
    delete (globalThis as { event?: unknown }).event;
  });

  it('passes a change on at once outside any event and during a click or a key', () => {
    const s = source();
    let calls = 0;
    const off = deferDuringContinuousInput(s.subscribe)(() => calls++);
    s.emit();
    during('click', s.emit);
    during('keydown', s.emit);
    expect(calls).toBe(3);
    off();
  });

  it('passes changes made during pointer moves on once, in a later task', async () => {
    const s = source();
    let calls = 0;
    const off = deferDuringContinuousInput(s.subscribe)(() => calls++);
    during('pointermove', () => {
      s.emit();
      s.emit();
    });
    during('mousemove', s.emit);
    expect(calls).toBe(0);
    await expect.poll(() => calls).toBe(1);
    await nextTask();
    expect(calls).toBe(1);
    off();
  });

  it('stops listening when unsubscribed', () => {
    const s = source();
    const off = deferDuringContinuousInput(s.subscribe)(() => undefined);
    expect(s.size).toBe(1);
    off();
    expect(s.size).toBe(0);
  });
});
