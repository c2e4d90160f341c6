import type { CreateTopup, SendSms } from '@shared/contract'
import { AppFailure } from '@shared/errors'
import { validSender } from '@shared/lox24-rules'
import { maskPhone, normalizePhone } from '@shared/phone'
import { smsLength } from '@shared/sms-segments'
import type { Approver } from '../operators/approval'
import type { NewItem } from '../outbox/item'
import type { Lox24Config } from '../settings/lox24-settings'
import { netVal } from './client'
import type { SmsPayload, TopupPayload } from './delivery'

/** A teller's SMS, checked (phone to E.164, sender, length) and made into its outbox item. */
export function smsItem(request: SendSms, config: Lox24Config, endpoint: string): NewItem {
  if (!config.token || !validSender(config.sender)) throw new AppFailure({ code: 'NOT_CONFIGURED', provider: 'lox24' })
  const phone = normalizePhone(request.phone, config.country)
  if (!phone.ok) throw new AppFailure({ code: 'VALIDATION', field: 'phone', reason: 'phone' })
  const length = smsLength(request.text)
  if (length.tooLong) throw new AppFailure({ code: 'VALIDATION', field: 'text', reason: 'tooLong' })
  const about = `${request.about.kind}:${request.about.ref}`
  const payload: SmsPayload = {
    body: {
      text: request.text,
      sender_id: config.sender.trim(),
      phone: phone.e164,
      callback_data: about, // comes back with LOX24's delivery report
      is_unicode: length.unicode
    },
    about: request.about,
    phoneMasked: maskPhone(phone.e164),
    segments: length.segments
  }
  const lukaId =
    request.about.kind === 'luka' && /^\d{1,15}$/.test(request.about.ref) ? Number(request.about.ref) : null
  return {
    kind: 'lox24.sms',
    provider: 'lox24',
    key: `lox24:sms:${about}`, // one SMS in flight per operation
    payload,
    subject: {
      transactionId: lukaId,
      decision: null,
      // what the outbox list names the SMS by: the deposit's reference, the link's trace, else the phone
      merchantReference: request.about.kind === 'luka' ? payload.phoneMasked : request.about.ref
    },
    amount: null,
    endpoint
  }
}

/** A top-up request made into its outbox item; `net_val` fixed as an exact decimal now. */
export function topupItem(
  request: CreateTopup,
  acceptedAt: number,
  endpoint: string,
  approvedBy: Approver | null
): NewItem {
  // the approval's PIN stays out: only who approved goes to disk
  const payload: TopupPayload = {
    body: { net_val: netVal(request.net), type: request.type, method_id: request.methodId },
    currency: request.net.currency,
    acceptedAt,
    approvedBy: approvedBy && { id: approvedBy.id, name: approvedBy.name }
  }
  return {
    kind: 'lox24.topup',
    provider: 'lox24',
    key: 'lox24:topup', // one top-up at a time
    payload,
    subject: { transactionId: null, decision: null, merchantReference: null },
    amount: request.net,
    endpoint
  }
}
