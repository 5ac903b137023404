export * from './codec';
export * from './doc';
export * from './kinds';
export { CURRENT_VERSION } from './migrations';
export * from './types';
