import { describe, expect, it } from 'vitest'
import { CreateDepositSchema, DEPOSIT_LIMITS } from '@shared/contract'
import {
  checkDeposit,
  DEPOSIT_LIMITS_MXN,
  emptyDraft,
  MAX_LENGTH,
  problemsFromError
} from '@renderer/features/luxcore/deposit-rules'
import { startOfToday } from '@renderer/features/luxcore/payments-slice'

const draft = (changes: Partial<typeof emptyDraft>) => ({ ...emptyDraft, amount: '100', ...changes })

/** What the contract says about the same request (main validates with it). */
const contractAccepts = (changes: Partial<typeof emptyDraft>): boolean => {
  const { amount, method, name, email, phone, description } = draft(changes)
  const minor = Math.round(Number(amount.replace(',', '.')) * 100)
  return CreateDepositSchema.safeParse({
    method,
    amount: { minor, currency: 'MXN' },
    description,
    customer: { name, email, phone }
  }).success
}

describe('the renderer’s copy of the deposit rules', () => {
  it('has the contract’s limits', () => {
    expect(DEPOSIT_LIMITS_MXN).toEqual(DEPOSIT_LIMITS.MXN)
    const customer = CreateDepositSchema.shape.customer.unwrap().shape
    expect({
      name: customer.name.unwrap().maxLength,
      email: customer.email.unwrap().maxLength,
      phone: customer.phone.unwrap().maxLength,
      description: CreateDepositSchema.shape.description.unwrap().maxLength
    }).toEqual(MAX_LENGTH)
  })

  const cases: Partial<typeof emptyDraft>[] = [
    {},
    { amount: '0,99' },
    { amount: '1' },
    { amount: '10000' },
    { amount: '10000,01' },
    ...['a@b.co', 'ana@example', 'ana @x.mx', 'ana@x.mx', '@x.mx', 'a@b@c.de', ' ana@x.mx '].map((email) => ({
      email
    })),
    ...[
      '5512345678',
      '+52 (55) 1234-5678',
      '55-12',
      '+52 55 12 34 56 78 90 12',
      'abc1234567',
      '++5212345678',
      '1234567'
    ].map((phone) => ({
      phone
    }))
  ]

  for (const changes of cases) {
    it(`agrees with the contract on ${JSON.stringify(changes)}`, () => {
      expect('input' in checkDeposit(draft(changes))).toBe(contractAccepts(changes))
    })
  }

  it('maps main’s VALIDATION to the form’s fields, by reason or by path', () => {
    expect(problemsFromError({ code: 'VALIDATION', field: 'amount', reason: 'belowMinimum' })).toEqual({
      amount: 'belowMinimum'
    })
    expect(problemsFromError({ code: 'VALIDATION', field: 'customer.email', reason: 'email' })).toEqual({
      email: 'email'
    })
    expect(problemsFromError({ code: 'VALIDATION', field: 'customer.name', reason: 'controlChars' })).toEqual({
      name: 'controlChars'
    })
    expect(problemsFromError({ code: 'VALIDATION', field: 'amount.minor', reason: 'too_big' })).toEqual({
      amount: 'tooLarge'
    })
    expect(problemsFromError({ code: 'VALIDATION', field: 'constructor', reason: 'toString' })).toEqual({})
    expect(problemsFromError({ code: 'NETWORK' })).toEqual({})
  })

  it('starts today at local midnight', () => {
    const noon = new Date(2024, 4, 2, 12, 30)
    expect(startOfToday(noon)).toBe(new Date(2024, 4, 2).toISOString())
    const justAfter = new Date(2024, 4, 2, 0, 0, 1)
    expect(startOfToday(justAfter)).toBe(new Date(2024, 4, 2).toISOString())
  })
})
