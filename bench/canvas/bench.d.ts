/** What each bench page exposes to the runner. */
interface BenchHooks {
  /** Moves a node as a change from outside would: a doc write with a remote origin (ours) or setNodes (bare). */
  moveRemote(id: string, x: number, y: number): void;
}

interface Window {
  __bench?: BenchHooks;
}
