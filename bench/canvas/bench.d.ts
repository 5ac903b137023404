/** What each bench page exposes to the runner. */
interface BenchHooks {
  /** Moves a node as a change from outside would: a doc write with a remote origin (ours) or setNodes (bare). */
  moveRemote(id: string, x: number, y: number): void;
  /** Centres the flow point `at` at `zoom`; resolves with the zoom in use once it is drawn. */
  setView(zoom: number, at: { x: number; y: number }): Promise<number>;
}

interface Window {
  __bench?: BenchHooks;
}
