import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ServerContext } from '../http'
import { Refusal } from '../ledger/refusal'

export async function handleOwner(
  _context: ServerContext,
  _request: IncomingMessage,
  _response: ServerResponse,
  _url: URL
): Promise<void> {
  throw new Refusal(404, 'notFound')
}
