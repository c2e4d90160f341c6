import { createHash } from 'node:crypto'
import { AppFailure, type Provider } from '@shared/errors'
import type { DeliveryHandler } from './item'

/**
 * Where and as whom a write is accepted: the provider's base URL and a short hash of the
 * account (Luka username, LuxCore key). Stored with the outbox item, so a write queued for
 * QA is never delivered to production after the settings change (nor with another key).
 */
export function endpointStamp(baseUrl: string, account: string): string {
  const who = createHash('sha256').update(account).digest('hex').slice(0, 12)
  return `${baseUrl.replace(/\/+$/, '')}|${who}`
}

/** Wraps a delivery so it refuses (to the attention list) a write stamped for another endpoint. */
export function guardEndpoint(provider: Provider, current: () => string, inner: DeliveryHandler): DeliveryHandler {
  const check = (endpoint: string | null) => {
    if (endpoint !== null && endpoint !== current()) {
      throw new AppFailure({ code: 'ENDPOINT_CHANGED', provider, providerMessage: endpoint.split('|')[0] })
    }
  }
  return {
    ...(inner.noAutoResend ? { noAutoResend: true } : {}),
    send: async (payload, endpoint) => {
      check(endpoint)
      return inner.send(payload, endpoint)
    },
    ...(inner.verify
      ? {
          verify: async (payload, endpoint) => {
            check(endpoint)
            return inner.verify!(payload, endpoint)
          }
        }
      : {})
  }
}
