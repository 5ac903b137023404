/** Pointer and wheel moves: a drag step or a pan, many a second. */
const CONTINUOUS = new Set(['pointermove', 'mousemove', 'touchmove', 'wheel']);

/** The event being dispatched (`window.event`), if any. */
const currentEvent = () => (globalThis as { event?: Event }).event;

type Subscribe = (onChange: () => void) => () => void;

/**
 * `subscribe` with changes made while a continuous input event is dispatched
 * (a drag step) passed on in a task of their own, coalesced, the way React
 * Flow's useNodesState renders them (a state update in a pointermove renders
 * in a scheduled task). Rendered inside the dispatch, each drag step delayed
 * Chromium's acknowledgement of the event, and the next move's round trip
 * (browser, driver, back) then waited for the render: 0.85× bare React
 * Flow's node updates per second at 300 components, at the same CPU per
 * update (bench/canvas.bench.ts). Every other change (a click, a key, a
 * partner's move) is passed on at once.
 */
export function deferDuringContinuousInput(subscribe: Subscribe): Subscribe {
  return (onChange) => {
    let pending = false;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      pending = false;
      onChange();
    };
    const unsubscribe = subscribe(() => {
      if (!CONTINUOUS.has(currentEvent()?.type ?? '')) onChange();
      else if (!pending) {
        pending = true;
        channel.port2.postMessage(null);
      }
    });
    return () => {
      unsubscribe();
      channel.port1.close();
    };
  };
}
