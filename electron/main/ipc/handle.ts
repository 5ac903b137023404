import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_NAMES,
  type InvokeName,
  type InvokeResult,
  type IpcEnvelope,
  invokeChannel,
  type ParsedArgs,
} from '../../../shared/ipc/api';
import { INVOKE_CONTRACT } from '../../../shared/ipc/contract';

/** One handler per contract channel; a channel without a handler is a type error. */
export type ContractHandlers = {
  readonly [K in InvokeName]: (...args: ParsedArgs<K>) => Promise<InvokeResult<K>> | InvokeResult<K>;
};

/** Returns why a message must be refused, or null when it comes from our own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => string | null;

const describeIssue = (issue: { path: readonly PropertyKey[]; message: string } | undefined): string => {
  if (!issue) return 'unknown problem';
  const [index, ...rest] = issue.path;
  const where = index === undefined ? '' : `argument ${Number(index) + 1}${rest.length > 0 ? ` (${rest.join('.')})` : ''}: `;
  return `${where}${issue.message}`;
};

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Registers every channel of the contract with the same three gates: the
 * sender must be our window showing our app:// page, the arguments must match
 * the channel's schema, and the handler's failure becomes a readable sentence
 * in the envelope. Returns a function that removes the handlers.
 */
export function registerContract(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  checkSender: SenderCheck,
  handlers: ContractHandlers,
  log: (message: string) => void = (m) => console.warn(`[archdrill ipc] ${m}`),
): () => void {
  for (const name of INVOKE_NAMES) {
    const schema = INVOKE_CONTRACT[name].args;
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    ipcMain.handle(invokeChannel(name), async (event, ...raw: unknown[]): Promise<IpcEnvelope<unknown>> => {
      const refusal = checkSender(event);
      if (refusal) {
        log(`refused ${name}: ${refusal}`);
        return { ok: false, error: 'Refused: this request did not come from the Archdrill window.' };
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const reason = describeIssue(parsed.error.issues[0]);
        log(`refused ${name}: malformed arguments: ${reason}`);
        return { ok: false, error: `Refused ${name}: ${reason}.` };
      }
      try {
        return { ok: true, value: await handler(...(parsed.data as unknown[])) };
      } catch (err) {
        log(`${name} failed: ${err instanceof Error && err.stack ? err.stack : errorMessage(err)}`);
        return { ok: false, error: errorMessage(err) };
      }
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}
