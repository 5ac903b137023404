export { type BoardGraph, buildGraph, edgesBetween, findChain, type GraphPath, incomers, outgoers, selectNodes } from './graph';
export { isMissed } from './missed';
export { type Figure, findFigures, formatFigure, QUANTITIES, type Quantity } from './quantities';
export { CHECK_TYPES, CHECKS, getCheck } from './registry';
export { BAND_THRESHOLDS, bandOf, STRONG_STEP_FLOOR, scoreBoard, thinStepsMessage } from './score';
export { KIND_GROUPS, type Selector } from './selector';
export * from './types';
