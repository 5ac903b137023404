import { boardRoots } from '@shared/board/doc';
import { readTimer, TIMER_KEY } from '@shared/interview/timerDoc';
import type { Rubric } from '@shared/rubric/schema';
import { scoreVisible } from '@shared/session/policy';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useBoardSession, useDocValue } from '../board/context';
import { InterviewerPanel } from '../collab/InterviewerPanel';
import { useRole } from '../collab/useRole';
import { Inspector } from '../inspector/Inspector';
import { StepPanel } from '../interview';
import { BriefPanel, ScorePanel, useScore } from '../score';
import { usePrefs } from './theme';

type Tab = 'design' | 'notes' | 'score' | 'brief' | 'interviewer';

const timerStatus = (doc: Parameters<typeof readTimer>[0]) => readTimer(doc).status;

/** The right-hand panel: inspector, step notes, score, brief, and the interviewer's tools. */
interface SidebarProps {
  readonly rubric: Rubric | null;
  readonly readOnly: boolean;
  /** Loads an example design like an opened file. */
  readonly onOpenExample: (fileName: string, text: string) => void;
}

const hasContent = (doc: Parameters<typeof readTimer>[0]) => boardRoots(doc).nodes.size > 0;

export function Sidebar({ rubric, readOnly, onOpenExample }: SidebarProps) {
  const { role, policy } = useRole();
  const { doc, editor } = useBoardSession();
  const status = useDocValue(timerStatus);
  const ended = status === 'ended';
  const boardHasContent = useDocValue(hasContent);
  const showScore = scoreVisible(role, policy, ended);
  const [tab, setTab] = useState<Tab>(role === 'interviewer' ? 'interviewer' : 'design');
  const hintsHidden = usePrefs((s) => s.hintsHidden);
  const setHintsHidden = usePrefs((s) => s.setHintsHidden);
  // One scoring, when edits pause, for both panels that show it.
  const score = useScore(rubric);
  // Only a change of role moves the tab (becoming the interviewer opens their tools; losing the role closes them):
  // the interviewer is free to read the candidate's notes, score and brief.
  const lastRole = useRef(role);
  useEffect(() => {
    if (lastRole.current === role) return;
    lastRole.current = role;
    if (role === 'interviewer') setTab('interviewer');
    else setTab((t) => (t === 'interviewer' ? 'design' : t));
  }, [role]);
  // A mock this user starts opens its notes: the step's prompts and the field to answer them are the next
  // thing to read. A partner pressing Start leaves this panel where its reader had it.
  useEffect(() => {
    const session = boardRoots(doc).session;
    let was = readTimer(doc).status;
    const onChange = (e: Y.YMapEvent<unknown>) => {
      if (!e.keysChanged.has(TIMER_KEY)) return;
      const now = readTimer(doc).status;
      if (was === 'idle' && now === 'running' && role !== 'interviewer' && editor.isLocal(e.transaction.origin)) setTab('notes');
      was = now;
    };
    session.observe(onChange);
    return () => session.unobserve(onChange);
  }, [doc, editor, role]);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'design', label: 'Design' },
    { id: 'notes', label: 'Notes' },
    { id: 'score', label: 'Score' },
    { id: 'brief', label: 'Brief' },
    ...(role === 'interviewer' ? [{ id: 'interviewer' as const, label: 'Interviewer' }] : []),
  ];
  return (
    <div className="sidebar">
      <div className="tabs" role="tablist" aria-label="Panels">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'design' && <Inspector readOnly={readOnly} />}
        {tab === 'notes' && <StepPanel />}
        {tab === 'score' &&
          (showScore ? (
            <ScorePanel rubric={rubric} score={score} hintsHidden={hintsHidden && !ended} onHintsHiddenChange={setHintsHidden} />
          ) : (
            <p className="muted pad" data-testid="score-hidden">
              The score and hints stay hidden until the end of the mock, as in a real interview. The interviewer can show them.
            </p>
          ))}
        {tab === 'brief' && (
          <BriefPanel
            rubric={rubric}
            boardHasContent={boardHasContent}
            // In a pair mock the candidate studies examples only after the end.
            {...(!readOnly && (role !== 'candidate' || ended) && { onOpenExample })}
          />
        )}
        {tab === 'interviewer' && role === 'interviewer' && <InterviewerPanel rubric={rubric} score={score} policy={policy} />}
      </div>
    </div>
  );
}
