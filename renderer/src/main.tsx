import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BoardSessionContext } from './board/context';
import { openLocalSession } from './board/openSession';
import { browserPlatform } from './platform/browserPlatform';

const root = createRoot(document.getElementById('root') as HTMLElement);
const session = await openLocalSession(browserPlatform);
root.render(
  <StrictMode>
    <BoardSessionContext.Provider value={session}>
      <App />
    </BoardSessionContext.Provider>
  </StrictMode>,
);
