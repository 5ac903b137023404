import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name under the OS app-data directory; Electron's `userData` uses the same name. */
export const APP_DIR_NAME = 'Archdrill';

export interface PathEnv {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
}

const currentEnv = (): PathEnv => ({ platform: process.platform, env: process.env, home: homedir() });

/**
 * The app's data directory, shared by the desktop app and the CLI:
 * $ARCHDRILL_DATA_DIR when set (tests, portable installs), else the OS
 * convention — ~/.config/Archdrill (Linux, or $XDG_CONFIG_HOME),
 * ~/Library/Application Support/Archdrill (macOS), %APPDATA%\Archdrill (Windows).
 */
export const appDataDir = ({ platform, env, home }: PathEnv = currentEnv()): string => {
  const override = env.ARCHDRILL_DATA_DIR;
  if (override) return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
};

/** Where users drop their own rubric files (YAML or JSON); read on every load, no rebuild needed. */
export const userRubricsDir = (env?: PathEnv): string => join(appDataDir(env), 'rubrics');
