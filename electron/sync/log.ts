/** Where the server writes its one-line events; `archdrill serve` passes stdout, tests pass a recorder or `silentLogger`. */
export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** Timestamped lines on stdout/stderr, for the headless server. */
export const consoleLogger: Logger = {
  info: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  warn: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
};
