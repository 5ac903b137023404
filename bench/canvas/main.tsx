import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { parseQuery } from './grid';

/**
 * The canvas benchmark page: `?mode=bare&n=300` renders bare React Flow,
 * `?mode=ours&n=300` our Canvas (`&lod=off` keeps full detail at every zoom). Each page is a lazy chunk so the bare page
 * loads none of our code or CSS.
 */
const { mode, n, lod } = parseQuery(window.location.search);
const root = createRoot(document.getElementById('root') as HTMLElement);
if (mode === 'bare') {
  const { BarePage } = await import('./BarePage');
  root.render(<BarePage n={n} />);
} else {
  const { OursPage } = await import('./OursPage');
  root.render(<OursPage n={n} levelOfDetail={lod} />);
}
