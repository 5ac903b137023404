/** Pure pieces of pair practice shared by the sync server, the CLI and the renderer. */
export * from './base64url';
export * from './closeCodes';
export * from './createRoom';
export * from './joinCode';
export * from './joinLink';
export * from './presence';
export * from './roles';
export * from './room';
export * from './token';
