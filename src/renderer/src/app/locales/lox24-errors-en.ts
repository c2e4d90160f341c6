import type { lox24Errors as es } from './lox24-errors-es'

export const lox24Errors: typeof es = {
  named: {
    NOT_CONFIGURED: 'LOX24 is not configured: open Settings (Ctrl+,) and enter the token.',
    BAD_CREDENTIALS:
      'LOX24 does not accept the token: check it in Settings (Ctrl+,). Taquilla does not try again by itself (LOX24 blocks the IP after several failed attempts).',
    NETWORK: 'LOX24 is not answering: check the internet connection.',
    TIMEOUT: 'LOX24 is not answering: the wait timed out.',
    PROVIDER_UNAVAILABLE: 'LOX24 is not answering: the service is unavailable. Try again in a few minutes.',
    RATE_LIMITED:
      'LOX24 has blocked this connection for a while: Taquilla sends it nothing until the block has passed.',
    NOT_FOUND: 'LOX24 does not find that record.',
    PROVIDER_REJECTED: 'LOX24 refused the request.',
    MALFORMED_RESPONSE: 'LOX24 answered something Taquilla cannot read.'
  },
  codes: {
    NOT_ENOUGH_FUNDS: 'There is not enough credit on the LOX24 account: top up the SMS credit.',
    ACCOUNT_NOT_ACTIVATED:
      'The LOX24 account is not activated. Taquilla does not try again by itself: wait or contact LOX24 support.',
    SEMANTIC_ERROR: 'LOX24 did not accept the details: check them.',
    IP_BLOCKED: 'LOX24 has blocked this connection for a while: Taquilla sends it nothing until the block has passed.'
  }
}
