/**
 * Turns Node's file-system errors into one sentence a user can act on:
 * "Could not save design.archdrill.json: the disk is full."
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'permission denied (the file or its folder is read-only or belongs to another user)',
  EPERM: 'the operating system does not allow it (the file may be locked or read-only)',
  EROFS: 'the disk is read-only',
  ENOENT: 'the file or its folder no longer exists',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'that is a folder, not a file',
  ENAMETOOLONG: 'the file name is too long',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open; close some programs and try again',
  EIO: 'the disk reported an input/output error',
};

/** A file operation that failed; `message` is ready to show, `code` is Node's (ENOSPC, …) when there was one. */
export class FileIoError extends Error {
  override readonly name = 'FileIoError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const codeOf = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/** Builds the user-facing error for `action` ("save", "open") on the file called `fileName`. */
export const fileIoError = (action: string, fileName: string, err: unknown): FileIoError => {
  if (err instanceof FileIoError) return err;
  const code = codeOf(err);
  const known = code ? REASONS[code] : undefined;
  const detail = known ?? (err instanceof Error ? err.message.replace(/\.$/, '') : String(err));
  return new FileIoError(`Could not ${action} ${fileName}: ${detail}.`, code);
};
