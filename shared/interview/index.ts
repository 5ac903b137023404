export * from './durations';
export * from './estimates';
export * from './format';
export * from './history';
export * from './snapshots';
export * from './timer';
export * from './timerDoc';
export * from './timerView';
