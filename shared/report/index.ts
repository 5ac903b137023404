export { escapeHtml, reportHtml } from './html';
export { reportMarkdown } from './markdown';
export { buildReport, formatDuration, type ReportModel, type ReportRule, type ReportStep } from './model';
export type { ReportImage, ReportInput, ReportQuestion, StepTime } from './types';
