import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import type { BoardSession } from './board/context';
import { BoardSessionContext } from './board/context';
import { openLocalSession } from './board/openSession';
import { activeRoomLink } from './collab/enterRoom';
import { JoinScreen } from './collab/JoinScreen';
import { joinTargetFromLocation, openRoomSession, rememberedRole, rememberRole } from './collab/joinFromLocation';
import { browserPlatform } from './platform/browserPlatform';
import { electronPlatform } from './platform/electronPlatform';
import { toast } from './ui/toasts';

const platform = electronPlatform() ?? browserPlatform;
const root = createRoot(document.getElementById('root') as HTMLElement);

const render = (session: BoardSession) =>
  root.render(
    <StrictMode>
      <BoardSessionContext.Provider value={session}>
        <App />
      </BoardSessionContext.Provider>
    </StrictMode>,
  );

const join = joinTargetFromLocation(activeRoomLink() ?? window.location.href);
if (join && 'target' in join) {
  const { target } = join;
  const remembered = rememberedRole(target.roomId);
  const name = localStorage.getItem('archdrill.name');
  const enter = async (who: string, role: typeof target.role) => {
    rememberRole(target.roomId, role);
    render(await openRoomSession(target, role, who, platform));
  };
  if ((remembered || target.role === 'spectator') && name)
    void enter(name, target.role === 'spectator' ? 'spectator' : remembered!);
  else root.render(<JoinScreen target={target} onJoin={(who, role) => void enter(who, role)} />);
} else {
  render(await openLocalSession(platform));
  if (join && 'error' in join) toast.error(`This join link does not work: ${join.error}. You are on your own board.`);
}
