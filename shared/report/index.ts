export { escapeHtml, reportHtml } from './html';
export { reportMarkdown } from './markdown';
export { buildReport, formatDuration, type ReportModel, type ReportRule, type ReportStep } from './model';
export { embeddedReplay, formatBytes, MAX_REPLAY_DATA_URL, replayBeside } from './replayLink';
export type { ReportImage, ReportInput, ReportQuestion, ReportReplay, StepTime } from './types';
