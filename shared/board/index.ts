export * from './kinds';
export * from './types';
export * from './codec';
export * from './doc';
export { CURRENT_VERSION } from './migrations';
