/**
 * Measurements that run inside the page. Playwright serialises each function
 * and evaluates it there, so every one is self-contained: no imports, no
 * closures over this module. Times are performance.now(), i.e. ms since
 * navigation start.
 */

interface ProbeWindow extends Window {
  __drawnAt?: number;
  __drag?: { stop(): DragFigures };
}

export interface DragFigures {
  /** Transform changes of the dragged node. */
  readonly updates: number;
  /** From the first pointermove to the last transform change, ms. */
  readonly durationMs: number;
  /** Per pointermove: ms until the dragged node's DOM changed. */
  readonly stepMs: readonly number[];
}

/**
 * Init script: records when N `.react-flow__node` elements are present,
 * measured (React Flow hides a node until it knows its size) and of non-zero size.
 */
export function watchDrawn(): void {
  const w = window as ProbeWindow;
  const n = Number(new URLSearchParams(location.search).get('n'));
  const check = () => {
    const els = document.querySelectorAll<HTMLElement>('.react-flow__node');
    const drawn =
      els.length >= n &&
      [...els].every((el) => {
        if (el.style.visibility === 'hidden') return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      });
    if (drawn) w.__drawnAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Starts watching the node `id` during a drag: a capture pointermove listener
 * stamps each step, a MutationObserver on the node's style sees each
 * transform change and closes every step still waiting for it.
 */
export function startDragProbe(id: string): void {
  const w = window as ProbeWindow;
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (!el) throw new Error(`drag probe: no node ${id}`);
  let last = el.style.transform;
  let first = Number.NaN;
  let lastChange = Number.NaN;
  let updates = 0;
  let waiting: number[] = [];
  const stepMs: number[] = [];
  const onMove = () => {
    const t = performance.now();
    if (Number.isNaN(first)) first = t;
    waiting.push(t);
  };
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (el.style.transform === last) return;
    last = el.style.transform;
    updates += 1;
    lastChange = now;
    for (const t of waiting) stepMs.push(now - t);
    waiting = [];
  });
  window.addEventListener('pointermove', onMove, { capture: true });
  observer.observe(el, { attributes: true, attributeFilter: ['style'] });
  w.__drag = {
    stop: () => {
      window.removeEventListener('pointermove', onMove, { capture: true });
      observer.disconnect();
      return { updates, durationMs: lastChange - first, stepMs };
    },
  };
}

export function stopDragProbe(): DragFigures {
  const w = window as ProbeWindow;
  if (!w.__drag) throw new Error('drag probe was not started');
  return w.__drag.stop();
}

/**
 * Calls `__bench.moveRemote` `count` times, `spacingMs` apart, alternating the
 * node between two positions; returns per call the ms until its transform changed
 * (NaN when it had not changed after a second).
 */
export async function remoteLatencies(args: {
  id: string;
  at: { x: number; y: number };
  count: number;
  spacingMs: number;
}): Promise<number[]> {
  const w = window as ProbeWindow;
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(args.id)}"]`);
  if (!el || !w.__bench) throw new Error(`remote probe: no node ${args.id} or no __bench`);
  const bench = w.__bench;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const out: number[] = [];
  for (let i = 0; i < args.count; i++) {
    const before = el.style.transform;
    const changed = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (el.style.transform === before) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(el, { attributes: true, attributeFilter: ['style'] });
      setTimeout(() => {
        observer.disconnect();
        resolve(Number.NaN);
      }, 1000);
    });
    const t0 = performance.now();
    bench.moveRemote(args.id, args.at.x + (i % 2 === 0 ? 24 : 0), args.at.y);
    out.push((await changed) - t0);
    await sleep(t0 + args.spacingMs - performance.now());
  }
  return out;
}
