import type { TrainingPurpose } from '@shared/contract'
import { DELIVERED, type FakeLox24 } from './fake-lox24'
import type { FakeLuka, FakeTransaction } from './fake-luka'
import type { FakeLuxcore } from './fake-luxcore'

/**
 * What a trainee finds on the simulators: cash payments waiting at the counter in USD and VES,
 * each with its payer, and a few already decided — shaped like luka-cash-payments.txt (the
 * reference `6567704` is the document's own example). Amounts are Luka's decimals.
 */

type Payer = NonNullable<FakeTransaction['payer']>

const payer = (Nombre: string, Apellido: string, NumeroIdentidad: string, NumeroTelefono: string): Payer => ({
  Nombre,
  Apellido,
  Email: `${Nombre}.${Apellido}@correo.example`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, ''),
  NumeroTelefono,
  NumeroIdentidad
})

/** What the guided start names, with the reference to try for each. */
export const TRAINING_TRIES: { purpose: TrainingPurpose; reference: string }[] = [
  { purpose: 'approve', reference: '6567704' },
  { purpose: 'reject', reference: '6567712' },
  { purpose: 'notFound', reference: '6567999' },
  { purpose: 'alreadyApproved', reference: '6567690' }
]

const today = (hour: number, minute: number): string => {
  const at = new Date()
  at.setHours(hour, minute, 0, 0)
  return at.toISOString().replace('T', ' ').replace('Z', '+00:00')
}

export const LUKA_SEED: (Partial<FakeTransaction> & { id: number })[] = [
  {
    id: 81_204_501,
    reference: '6567704',
    authorizationCode: 'A7K2Q9',
    amount: 25,
    currency: 'USD',
    payer: payer('María', 'González', 'V14567890', '+584141234567')
  },
  {
    id: 81_204_502,
    reference: '6567712',
    authorizationCode: 'B3M8R1',
    amount: 1_250.5,
    currency: 'VES',
    payer: payer('José', 'Rodríguez', 'V20345678', '+584241112233')
  },
  {
    id: 81_204_503,
    reference: '6567720',
    authorizationCode: 'C5N1T4',
    amount: 7.99,
    currency: 'USD',
    payer: payer('Ana', 'Martínez', 'V18765432', '+584125556677')
  },
  {
    id: 81_204_504,
    reference: '6567738',
    authorizationCode: 'D9P6W2',
    amount: 3_480,
    currency: 'VES',
    payer: payer('Luis', 'Hernández', 'E84123456', '+584161239876')
  },
  {
    id: 81_204_505,
    reference: '6567746',
    authorizationCode: 'E2R4Y8',
    amount: 120,
    currency: 'USD',
    payer: payer('Carmen', 'Pérez', 'V11222333', '+584261114455')
  },
  {
    id: 81_204_506,
    reference: '6567754',
    authorizationCode: 'F6S3Z5',
    amount: 560.75,
    currency: 'VES',
    payer: payer('Pedro', 'Ramírez', 'V25987654', '+584149998877')
  },
  // already decided at another counter earlier today
  {
    id: 81_204_490,
    reference: '6567690',
    authorizationCode: 'G8T7A1',
    amount: 15,
    currency: 'USD',
    status: 'success',
    payer: payer('Rosa', 'Torres', 'V16543210', '+584123334455')
  },
  {
    id: 81_204_491,
    reference: '6567682',
    authorizationCode: 'H4U9B6',
    amount: 890,
    currency: 'VES',
    status: 'rejected',
    payer: payer('Jorge', 'Díaz', 'V19876543', '+584247776655')
  }
]

export function seedLuka(luka: FakeLuka): void {
  LUKA_SEED.forEach((tx, index) => luka.addTransaction({ operatedAt: today(8, 5 + index * 7), ...tx }))
}

/** A couple of deposits made earlier today, so the LuxCore panel's lists are not empty. */
export function seedLuxcore(luxcore: FakeLuxcore): void {
  const seeded = [
    { id: 'pay_training_0001', method: 'cash', amount: 45_000, status: 'completed', hour: 9 },
    { id: 'pay_training_0002', method: 'oxxo', amount: 120_050, status: 'pending', hour: 10 }
  ]
  for (const { id, method, amount, status, hour } of seeded) {
    const created = new Date()
    created.setHours(hour, 15, 0, 0)
    const fee = Math.round(amount * 0.035)
    luxcore.payments.set(id, {
      transaction_id: id,
      status,
      amount,
      currency: 'MXN',
      method,
      type: 'deposit',
      fee_amount: fee,
      net_amount: amount - fee,
      merchant_reference: `ENTRENAMIENTO-${id.slice(-4)}`,
      created_at: created.toISOString(),
      expires_at: new Date(created.getTime() + 30 * 60_000).toISOString()
    })
  }
}

/**
 * LOX24: 12,50 EUR of SMS credit (about 150 receipts at 8 cents a segment), a SEPA mandate and
 * two stored cards — the Mastercard is declined by its bank, so a trainee sees a top-up fail
 * too. Receipts reach the phone (transmitted, then delivered) as the status is read.
 */
export function seedLox24(lox24: FakeLox24): void {
  lox24.balance = 1_250
  lox24.currency = 'EUR'
  lox24.smsSteps = DELIVERED
  lox24.declinedCards = new Set([95])
}
