export { BriefPanel, type BriefPanelProps } from './BriefPanel';
export { BUILTIN_RUBRICS, findRubric } from './builtinRubrics';
export { QuestionPicker, type QuestionPickerProps } from './QuestionPicker';
export { ScorePanel, type ScorePanelProps } from './ScorePanel';
export { useQuestionRubric } from './useQuestionRubric';
export { useScore } from './useScore';
