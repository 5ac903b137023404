import './interview.css';

export { BoardThumbnail } from './BoardThumbnail';
export { EstimateCalculator } from './EstimateCalculator';
export { HistoryList, type HistoryListProps } from './HistoryList';
export { deleteAttempt, loadHistory, recordAttempt, useHistory } from './historyStore';
export { NotesEditor } from './NotesEditor';
export { ProgressStrip } from './ProgressStrip';
export { Scorecard, type ScorecardProps } from './Scorecard';
export { StartInterviewDialog, type StartInterviewDialogProps } from './StartInterviewDialog';
export { StepPanel, type StepPanelProps } from './StepPanel';
export { type ScoreFn, scorerFor } from './scoring';
export { TimerBar, type TimerBarProps } from './TimerBar';
export { type TimerControls, useTimer, useTimerState } from './useTimer';
