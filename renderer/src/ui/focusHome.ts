/**
 * Where focus goes when what had it goes away, so the keyboard keeps reaching
 * the board: the element marked `data-focus-home` (the canvas).
 */
export const focusHome = (): void => {
  if (document.activeElement === document.body || document.activeElement === null)
    document.querySelector<HTMLElement>('[data-focus-home]')?.focus();
};

/**
 * A control that removes itself when used (the timer bar's End and Close,
 * a toast's action) leaves focus on the page body, where no shortcut is
 * heard. After every click, once the page has re-rendered, focus that was
 * lost that way goes home. Installed once for the page; returns its removal.
 */
export const keepFocusHome = (): (() => void) => {
  const onClick = (e: MouseEvent): void => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    requestAnimationFrame(() => {
      if (!target.isConnected) focusHome();
    });
  };
  document.addEventListener('click', onClick, true);
  return () => document.removeEventListener('click', onClick, true);
};
