/** Calls `fn` at most once per `ms`, always delivering the latest arguments (trailing edge). */
export const throttle = <A extends unknown[]>(fn: (...args: A) => void, ms: number) => {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const fire = () => {
    timer = null;
    last = performance.now();
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    if (timer) return;
    const wait = ms - (performance.now() - last);
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  /** Sends what is pending now (e.g. the end of a drag). */
  call.flush = () => {
    if (timer) clearTimeout(timer);
    fire();
  };
  return call;
};
