import type { OperationName } from './operations'

/**
 * Browser mode (npm run harness) carries the same contract over loopback HTTP:
 *   POST {origin}/api/op/<operation>   body {"input": …}  -> 200 with a Result JSON
 *   GET  {origin}/api/events?token=…   Server-Sent Events, `event: <name>`, `data: <json>`
 * Every API request carries the per-start token (header, or query for EventSource, which
 * cannot set headers). The page itself is opened as {origin}/?token=….
 */
export const TOKEN_HEADER = 'x-taquilla-token'
export const TOKEN_QUERY = 'token'
export const operationPath = (name: OperationName): string => `/api/op/${name}`
export const EVENTS_PATH = '/api/events'
