import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@shared/money'
import { createI18n } from '@renderer/app/i18n'
import { createAppStore } from '@renderer/app/store'
import { Instructions } from '@renderer/features/luxcore/Instructions'
import { humanizeKey } from '@renderer/features/luxcore/instruction-keys'
import { StoreContext } from '@renderer/shared/store'
import { fakeApi } from './fake-api'

function show(instructions: Record<string, unknown>, language: 'es' | 'en' = 'es') {
  render(
    <StoreContext.Provider value={createAppStore(fakeApi())}>
      <I18nextProvider i18n={createI18n(language)}>
        <Instructions instructions={instructions} currency="MXN" />
      </I18nextProvider>
    </StoreContext.Provider>
  )
  return screen.getByRole('region', { name: language === 'es' ? 'Instrucciones de pago' : 'Payment instructions' })
}

/** A small deterministic generator (mulberry32): the same odd shapes on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const oddKeys = [
  '',
  '__proto__',
  'constructor',
  'toString',
  'amount',
  'expires_at',
  'url',
  'a'.repeat(500),
  'ñandú_ü',
  '0',
  'barcode'
]
const oddScalars: unknown[] = [
  null,
  undefined,
  '',
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e21,
  -42,
  3.14159,
  true,
  false,
  'x'.repeat(100_000),
  'https://evil.test/?q=<script>alert(1)</script>',
  'javascript:alert(1)',
  '2024-13-45T99:99:99Z',
  '150000',
  '\u0000\u202e reversed',
  10n,
  Symbol('odd'),
  () => 'fn',
  new Date(Number.NaN),
  new Map([['a', 1]])
]

function oddValue(next: () => number, depth: number): unknown {
  const pick = next()
  if (depth > 7 || pick < 0.4) return oddScalars[Math.floor(next() * oddScalars.length)]
  if (pick < 0.7) return Array.from({ length: Math.floor(next() * 5) }, () => oddValue(next, depth + 1))
  const object: Record<string, unknown> = {}
  for (let index = Math.floor(next() * 6); index > 0; index--) {
    object[oddKeys[Math.floor(next() * oddKeys.length)] ?? 'k'] = oddValue(next, depth + 1)
  }
  return object
}

describe('the instruction renderer', () => {
  it('never crashes, whatever shape comes (200 generated replies)', () => {
    const next = random(20240502)
    for (let run = 0; run < 200; run++) {
      const value = oddValue(next, 0)
      const instructions = (
        typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { value }
      ) as Record<string, unknown>
      const region = show(instructions)
      expect(region.textContent).not.toContain('luxcore.')
      region.parentElement?.remove()
    }
  })

  it('survives cycles, deep nesting, throwing getters, null prototypes and huge breadth', () => {
    const cycle: Record<string, unknown> = { name: 'loop' }
    cycle['self'] = cycle
    let deep: Record<string, unknown> = { bottom: 'fondo' }
    for (let level = 0; level < 200; level++) deep = { level: deep }
    const throwing = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter')
      }
    })
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { plain: 'sin prototipo' })
    const wide = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`k${index}`, Array.from({ length: 100 }, () => ({ a: 1, b: [1, 2] }))])
    )
    const region = show({ cycle, deep, throwing, bare, wide })
    expect(region.textContent).toContain('loop')
    expect(region.textContent).toContain('sin prototipo')
    // bounded: far fewer nodes than the 20 000 objects sent
    expect(region.querySelectorAll('dd').length).toBeLessThan(2_500)
    // a deep chain ends in a short JSON preview instead of 200 nested lists
    expect(region.querySelectorAll('dl').length).toBeLessThan(2_500)
    expect(region.querySelector('code')).not.toBeNull()
  })

  it('labels known keys in the teller’s language and humanizes the rest', () => {
    const region = show({
      bank_details: { account_number: '012', swiftCode: null },
      payment_page: { url: 'https://pay.test/x' },
      'odd-key_name': 1
    })
    const terms = [...region.querySelectorAll('dt')].map((term) => term.textContent)
    expect(terms).toEqual([
      'Datos bancarios',
      'Número de cuenta',
      'Swift code',
      'Página de pago',
      'URL',
      'Odd key name'
    ])
    const english = show({ bank_details: { account_number: '012' } }, 'en')
    expect([...english.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Bank details',
      'Account number'
    ])
    expect(humanizeKey('account_number')).toBe('Account number')
    expect(humanizeKey('accountNumber')).toBe('Account number')
    expect(humanizeKey('__')).toBe('')
  })

  it('shows URLs as selectable text, never as links; arrays as numbered lists; amounts in minor units as money', () => {
    const region = show({
      redirect_url: 'https://checkout.lux-core.io/pay/abc123?sig=x',
      steps: ['Vaya a un OXXO', 'Pague en caja', { note: 'Conserve el ticket' }],
      bank_details: { amount: '150000', currency: 'MXN', purpose: 'Pago' },
      flags: [true, false],
      empty: [],
      nothing: null
    })
    expect(region.querySelector('a')).toBeNull()
    const url = within(region).getByText('https://checkout.lux-core.io/pay/abc123?sig=x')
    expect(url.className).toBe('instruction-url')
    const steps = within(region).getAllByRole('list')[0]
    expect(
      within(steps as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual(['Vaya a un OXXO', 'Pague en caja', 'NoteConserve el ticket'])
    expect(region.textContent).toContain(`Monto${formatMoney({ minor: 150000, currency: 'MXN' }, 'es-VE')}`)
    expect(region.textContent).toContain('SíNo')
    expect(region.textContent).toContain('Empty—')
  })

  it('says when LuxCore sent no instructions', () => {
    expect(show({}).textContent).toContain('LuxCore no envió instrucciones.')
  })
})
