import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Registers the runner's hooks (bench.d.ts) from inside a ReactFlowProvider;
 * both pages render it, so the viewport is set the same way on each.
 */
export function BenchHooks({ moveRemote }: { readonly moveRemote: BenchHooks['moveRemote'] }) {
  const flow = useReactFlow();
  useEffect(() => {
    window.__bench = {
      moveRemote,
      setView: async (zoom, at) => {
        await flow.setCenter(at.x, at.y, { zoom });
        // Two frames: the viewport's transform, then anything that re-renders on the zoom (our level of detail).
        await nextFrame();
        await nextFrame();
        return flow.getZoom();
      },
    };
  }, [flow, moveRemote]);
  return null;
}
