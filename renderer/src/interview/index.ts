import './interview.css';

export { AttemptScorecard, type AttemptScorecardProps } from './AttemptScorecard';
export { BoardThumbnail } from './BoardThumbnail';
export { EstimateCalculator } from './EstimateCalculator';
export { historyFor, useHistory, useHistoryService } from './historyStore';
export { NotesEditor } from './NotesEditor';
export { ProgressPage, type ProgressPageProps } from './ProgressPage';
export { ProgressStrip } from './ProgressStrip';
export { ReplayDialog, type ReplayDialogProps } from './replay/ReplayDialog';
export { Scorecard, type ScorecardProps } from './Scorecard';
export { StartInterviewDialog, type StartInterviewDialogProps } from './StartInterviewDialog';
export { StepPanel, type StepPanelProps } from './StepPanel';
export { type ScoreFn, scorerFor } from './scoring';
export { TimerBar, type TimerBarProps } from './TimerBar';
export { isAttemptsFile, replayToOpen, useAttemptFiles } from './useAttemptFiles';
export { type TimerControls, useTimer, useTimerState } from './useTimer';
