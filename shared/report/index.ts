export { reportHtml, escapeHtml } from './html';
export { reportMarkdown } from './markdown';
export { buildReport, formatDuration, type ReportModel, type ReportStep, type ReportRule } from './model';
export type { ReportImage, ReportInput, ReportQuestion, StepTime } from './types';
