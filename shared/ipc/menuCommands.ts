import { COMMANDS, type CommandId } from '../commands/commands';

/**
 * Commands the native menu sends to the renderer: those of the one command
 * list (shared/commands/commands.ts) that sit in a menu section. The browser
 * build has no native menu and raises the same commands from its own keys.
 */
export const MENU_COMMANDS = COMMANDS.filter((c) => 'menu' in c).map((c) => c.id) as [CommandId, ...CommandId[]];

export type MenuCommand = CommandId;
