import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import type { BoardSession } from './board/context';
import { BoardSessionContext } from './board/context';
import { openLocalSession } from './board/openSession';
import { activeRoomLink, onSessionSwitch } from './collab/enterRoom';
import { JoinScreen } from './collab/JoinScreen';
import { joinTargetFromLocation, openRoomSession, rememberedRole, rememberRole } from './collab/joinFromLocation';
import { browserPlatform } from './platform/browserPlatform';
import { electronPlatform } from './platform/electronPlatform';
import { keepFocusHome } from './ui/focusHome';
import { toast } from './ui/toasts';

const platform = electronPlatform() ?? browserPlatform;
const root = createRoot(document.getElementById('root') as HTMLElement);
keepFocusHome();

let current: BoardSession | null = null;
let generation = 0;

const render = (session: BoardSession) => {
  current = session;
  root.render(
    <StrictMode>
      <BoardSessionContext.Provider value={session}>
        {/* A fresh tree per session: nothing of the previous board's UI state carries over. */}
        <App key={++generation} />
      </BoardSessionContext.Provider>
    </StrictMode>,
  );
};

/** Opens the session the tab is in: the room of its join link (after the join screen), else the local board. */
const boot = async () => {
  const previous = current;
  current = null;
  previous?.close();
  const join = joinTargetFromLocation(activeRoomLink() ?? window.location.href);
  if (join && 'target' in join) {
    const { target } = join;
    // The link's role, or the one a "Swap roles" gave this tab before a reload.
    const role = target.role === 'spectator' ? 'spectator' : (rememberedRole(target.roomId) ?? target.role);
    const name = localStorage.getItem('archdrill.name');
    const enter = async (who: string) => {
      rememberRole(target.roomId, role);
      render(await openRoomSession(target, role, who, platform));
    };
    if ((rememberedRole(target.roomId) || role === 'spectator') && name) await enter(name);
    else root.render(<JoinScreen target={target} role={role} onJoin={(who) => void enter(who)} />);
  } else {
    render(await openLocalSession(platform));
    if (join && 'error' in join) toast.error(`This join link does not work: ${join.error}. You are on your own board.`);
  }
};

onSessionSwitch(() => void boot());
await boot();
