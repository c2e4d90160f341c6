import type { DeferredPayment, NotifyReply } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { currencyExponent, decimalToMinor, isSafeAmount, normalizeCurrency, type Money } from '@shared/money'
import { bool, channelName, decimalText, field, integer, isObject, lukaDate, text } from './lenient'

/** Exact minor units, or null: unreadable, ambiguous ("1,234") or more decimals than the currency has (never rounded). */
function money(amount: unknown, currency: string): Money | null {
  const decimal = decimalText(amount)
  if (decimal === null) return null
  const exponent = currencyExponent(currency)
  if ((decimal.split('.')[1] ?? '').length > exponent) return null
  const minor = decimalToMinor(decimal, exponent)
  return minor === null ? null : { minor, currency }
}

function malformed(why: string): AppFailure {
  return new AppFailure({ code: 'MALFORMED_RESPONSE', provider: 'luka', providerMessage: why })
}

/**
 * Reads a Transaction Response (luka-cash-payments.txt, "Consult a Transaction").
 * `Exitoso: false` means Luka did not find a payment it can show: NOT_FOUND, with Luka's words.
 */
export function parseDeferredPayment(json: unknown): DeferredPayment {
  if (!isObject(json)) throw malformed('not a JSON object')
  // a 2xx carrying Luka's error shape: its own words say more than "malformed"
  const lukaWords = text(field(json, 'Mensaje'))
  const description = text(field(json, 'Descripcion'))
  if (bool(field(json, 'Exitoso')) === false) {
    throw new AppFailure({ code: 'NOT_FOUND', provider: 'luka', providerMessage: description ?? undefined })
  }
  const transactionId = integer(field(json, 'TransaccionId'))
  if (transactionId === null) throw malformed(lukaWords ?? 'TransaccionId missing')
  const currency = normalizeCurrency(text(field(json, 'Moneda')))
  const amount = money(field(json, 'Monto'), currency)
  if (amount === null) throw malformed(`Monto ${JSON.stringify(field(json, 'Monto') ?? null)}`)
  const usd = money(field(json, 'MontoUsd'), 'USD')

  const payer = field(json, 'InfoUsuarioPagador')
  const name = [text(field(payer, 'Nombre')), text(field(payer, 'Apellido'))].filter(Boolean).join(' ')
  const merchantTx = integer(field(json, 'TransaccionMerchantId'))
  const rawDate = text(field(json, 'FechaOperacion'))

  return {
    transactionId,
    amount,
    amountUsd: usd && usd.minor > 0 && isSafeAmount(usd.minor, 'USD') ? usd : null,
    payer: {
      name: name === '' ? null : name,
      email: text(field(payer, 'Email')),
      phone: text(field(payer, 'NumeroTelefono')),
      idNumber: text(field(payer, 'NumeroIdentidad'))
    },
    traceId: text(field(json, 'TrazaId')),
    merchantId: text(field(json, 'MerchantId')),
    // 0 is what Luka sends when the merchant gave none
    merchantTransactionId:
      merchantTx === 0 ? null : merchantTx !== null ? String(merchantTx) : text(field(json, 'TransaccionMerchantId')),
    operationDate: lukaDate(rawDate),
    operationDateRaw: rawDate,
    channel: channelName(field(json, 'Canal')),
    paymentMethod: text(field(json, 'MedioDePago')),
    processingStatus: text(field(field(json, 'InfoProceso'), 'EstatusProcesamiento'))?.toLowerCase() ?? null,
    description
  }
}

/** Reads the Notify Payment response. An empty 2xx body still means Luka accepted it. */
export function parseNotifyReply(json: unknown): NotifyReply {
  if (json !== null && !isObject(json)) throw malformed('notify reply is not a JSON object')
  if (bool(field(json, 'Exitoso')) === false) {
    throw new AppFailure({
      code: 'PROVIDER_REJECTED',
      provider: 'luka',
      providerMessage: text(field(json, 'Mensaje')) ?? text(field(json, 'Descripcion')) ?? undefined
    })
  }
  const status = field(json, 'Estatus')
  return {
    id: integer(field(json, 'Id')),
    statusId: integer(isObject(status) ? field(status, 'Id') : status),
    statusDescription: text(field(status, 'Descripcion')),
    authorizationCode: text(field(json, 'CodigoAutorizacion')),
    traceId: text(field(json, 'IdTraza')),
    amountText: decimalText(field(json, 'Monto')),
    createdAt: lukaDate(field(json, 'FechaCreacion'))
  }
}
