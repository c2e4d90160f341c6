import type { Handlers, OperationArgs, OperationName, OperationOutput, Result } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import type { Logger } from '../support/log'

/** An operation's implementation: validated input in, plain value out (or an AppFailure thrown). */
export type Impl<K extends OperationName> = (
  input: OperationArgs<K>
) => Promise<OperationOutput<K>> | OperationOutput<K>
export type Impls<K extends OperationName> = { [P in K]: Impl<P> }

/** Turns implementations into contract handlers: every failure becomes a typed Result, never a throw across IPC. */
export function toHandlers(impls: Impls<OperationName>, log: Logger): Handlers {
  const handlers: Record<string, unknown> = {}
  for (const [name, run] of Object.entries(impls) as [OperationName, (input: unknown) => unknown][]) {
    handlers[name] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        return { ok: true, value: await run(input) }
      } catch (cause) {
        if (cause instanceof AppFailure) return { ok: false, error: cause.error }
        log.error('operation failed', { operation: name, error: String(cause) })
        return { ok: false, error: { code: 'INTERNAL' } }
      }
    }
  }
  return handlers as Handlers
}
