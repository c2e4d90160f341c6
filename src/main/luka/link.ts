// Luka payment link (luka-payment-link.txt): the request body and the 201 reply's headers.
// Every quirk of that page is handled here:
//  - `Monto` is a JSON Number "in decimal format": written as the exact decimal text of the
//    minor units ("12.20"), never through a double (JSON.stringify(12.2) would print "12.2",
//    and other amounts can pick up float artifacts on the way)
//  - `MetodosPago` is optional: omitted when the merchant configured no keys (Luka offers all)
//  - the reply body is empty: the URL is the `Location` header, with `id-link` and `nro-orden`
//  - errors name `Código` / `Mensaje` (accents folded by lenient.ts, so `Codigo` works too)
import type { AxiosResponse } from 'axios'
import type { Money } from '@shared/money'
import { currencyExponent, minorToDecimal } from '@shared/money'
import { AppFailure } from '@shared/errors'

export interface LinkRequest {
  amount: Money
  methods: string[]
  /** our IdTraza, unique per installation */
  trace: string
  name: string
  email: string
}

export interface LinkCreated {
  url: string
  linkId: string | null
  orderNumber: string | null
}

/** The documented body, as JSON text with `Monto` written exactly. */
export function linkBody(request: LinkRequest): string {
  const monto = minorToDecimal(request.amount.minor, currencyExponent(request.amount.currency))
  const rest: Record<string, unknown> = {
    MonedaCodigo: request.amount.currency,
    ...(request.methods.length > 0 ? { MetodosPago: request.methods } : {}),
    IdTraza: request.trace,
    ...(request.email ? { Email: request.email } : {}),
    ...(request.name ? { Nombre: request.name } : {})
  }
  // a JSON number literal may be any decimal text: `12.20` is the documented example itself
  return `{"Monto":${monto},${JSON.stringify(rest).slice(1)}`
}

const header = (response: AxiosResponse<string>, name: string): string | null => {
  const value: unknown = response.headers[name]
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null
}

/** 201 (any 2xx) with the link in `Location`; a 2xx without one is not the documented shape. */
export function parseLinkCreated(response: AxiosResponse<string>): LinkCreated {
  const url = header(response, 'location')
  if (!url || !/^https?:\/\/\S+$/i.test(url)) {
    throw new AppFailure({
      code: 'MALFORMED_RESPONSE',
      provider: 'luka',
      httpStatus: response.status,
      providerMessage: 'payment link reply has no Location header'
    })
  }
  return { url, linkId: header(response, 'id-link'), orderNumber: header(response, 'nro-orden') }
}
