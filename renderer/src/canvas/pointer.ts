/**
 * Where the pointer last was over the canvas (client pixels), or null once it
 * left: a component added by key lands there rather than at the centre.
 * Module-level and not reactive: only read when something is added.
 */
export const canvasPointer: { current: { readonly x: number; readonly y: number } | null } = { current: null };
