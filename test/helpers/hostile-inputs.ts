import fc from 'fast-check'
import type { OperationName } from '@shared/operations'

/**
 * Inputs the contract must refuse, built as one hostile change to a valid input: every text
 * field gets hidden characters or a wrong type, every amount, id or count a value out of its
 * range, terminal and operator a blank. Each one is malformed by construction, so a property
 * can demand a contract error for every one of them.
 */

type Path = (string | number)[]
type FieldKind = 'text' | 'secret' | 'required' | 'money' | 'id' | 'count'

interface Sample {
  valid: Record<string, unknown>
  fields: [FieldKind, Path][]
}

const cashDeposit = {
  method: 'cash',
  amount: { minor: 150_00, currency: 'MXN' },
  description: '',
  customer: { name: '', email: '', phone: '' }
}

export const samples: Partial<Record<OperationName, Sample>> = {
  'settings.update': {
    valid: { terminal: 'Agencia CCCT, Taquilla 2', operator: 'María' },
    fields: [
      ['required', ['terminal']],
      ['required', ['operator']],
      ['text', ['terminal']],
      ['text', ['operator']],
      ['text', ['lukaUsername']],
      ['text', ['lukaCustomUrl']],
      ['text', ['luxcoreBaseUrl']],
      ['text', ['updateUrl']],
      ['secret', ['lukaPassword']],
      ['secret', ['luxcoreApiKey']]
    ]
  },
  'luka.lookup': { valid: { by: 'reference', value: 'R7' }, fields: [['text', ['value']]] },
  'luka.decide': {
    valid: { transactionId: 7, decision: 'reject', note: 'motivo', authorizationCode: '' },
    fields: [
      ['id', ['transactionId']],
      ['text', ['note']],
      ['text', ['authorizationCode']]
    ]
  },
  'luka.retryDecision': { valid: { transactionId: 7 }, fields: [['id', ['transactionId']]] },
  'outbox.retryNow': { valid: { id: 'ob-1' }, fields: [['text', ['id']]] },
  'outbox.discard': {
    valid: { id: 'ob-1', reason: 'duplicado' },
    fields: [
      ['text', ['id']],
      ['text', ['reason']]
    ]
  },
  'luxcore.createDeposit': {
    valid: cashDeposit,
    fields: [
      ['money', ['amount', 'minor']],
      ['text', ['description']],
      ['text', ['customer', 'name']],
      ['text', ['customer', 'email']],
      ['text', ['customer', 'phone']]
    ]
  },
  'lox24.account': { valid: { check: true }, fields: [] },
  'lox24.sendSms': {
    valid: { about: { kind: 'luka', ref: '96336' }, phone: '+584121234567', text: 'Recibo 16,03 USD' },
    fields: [
      ['required', ['about', 'ref']],
      ['required', ['phone']],
      ['required', ['text']]
    ]
  },
  'lox24.createTopup': {
    valid: { type: 'stored_card', methodId: 94, net: { minor: 25_00, currency: 'EUR' } },
    fields: [
      ['id', ['methodId']],
      ['money', ['net', 'minor']]
    ]
  },
  'luxcore.balance': { valid: { currency: 'MXN' }, fields: [['text', ['currency']]] },
  'luxcore.refreshDeposit': { valid: { merchantReference: 'REF-1' }, fields: [['text', ['merchantReference']]] },
  'luxcore.cancelDeposit': { valid: { merchantReference: 'REF-1' }, fields: [['text', ['merchantReference']]] },
  'luxcore.listPayments': {
    valid: { status: 'pending', limit: 20, offset: 0 },
    fields: [
      ['text', ['status']],
      ['count', ['limit']],
      ['count', ['offset']]
    ]
  },
  'journal.query': {
    valid: { text: '', result: 'ok', limit: 100, offset: 0 },
    fields: [
      ['text', ['text']],
      ['text', ['result']],
      ['count', ['limit']],
      ['count', ['offset']]
    ]
  },
  'journal.acknowledge': {
    valid: { incidentId: 'incident-1', note: 'revisado con soporte' },
    fields: [
      ['text', ['incidentId']],
      ['text', ['note']]
    ]
  },
  'shift.open': { valid: { float: [{ minor: 100_00, currency: 'USD' }] }, fields: [['money', ['float', 0, 'minor']]] },
  'shift.close': {
    valid: { counted: [{ minor: 100_00, currency: 'USD' }], note: '' },
    fields: [
      ['money', ['counted', 0, 'minor']],
      ['text', ['note']]
    ]
  },
  'shift.report': { valid: { shiftId: 'shift-1' }, fields: [['text', ['shiftId']]] },
  'link.create': {
    valid: { amount: { minor: 25_00, currency: 'USD' }, methods: [], name: 'Ana', email: '' },
    fields: [
      ['money', ['amount', 'minor']],
      ['text', ['name']],
      ['text', ['email']],
      ['text', ['retryOf']]
    ]
  },
  'link.check': { valid: { trace: 'TRACE-1' }, fields: [['text', ['trace']]] },
  'display.show': { valid: { kind: 'idle' }, fields: [['text', ['kind']]] },
  'app.savePdf': { valid: { name: 'cierre' }, fields: [['text', ['name']]] },
  'app.print': { valid: { target: 'receipt' }, fields: [] },
  'app.switchMode': { valid: { training: true }, fields: [] },
  'training.setLuka': { valid: { up: false }, fields: [] },
  'operators.signIn': { valid: { operatorId: 'op-1', pin: '1234' }, fields: [['text', ['operatorId']]] },
  'operators.add': {
    valid: { name: 'Ana', role: 'supervisor', pin: '1234', approval: { operatorId: 'op-1', pin: '5678' } },
    fields: [
      ['required', ['name']],
      ['text', ['name']]
    ]
  },
  'operators.setDisabled': { valid: { operatorId: 'op-1', disabled: true }, fields: [['text', ['operatorId']]] },
  'operators.resetPin': { valid: { operatorId: 'op-1', pin: '12345678' }, fields: [['text', ['operatorId']]] },
  'operators.setIdleLock': { valid: { minutes: 0.1 }, fields: [] },
  'ledger.enrol': {
    valid: { serverUrl: 'https://ledger.example', code: 'ABCD-EFGH-JKMN', agency: 'Centro', counter: 'Taquilla 1' },
    fields: [
      ['text', ['serverUrl']],
      ['required', ['code']],
      ['text', ['code']],
      ['required', ['agency']],
      ['text', ['agency']],
      ['text', ['counter']]
    ]
  },
  'ledger.leave': { valid: {}, fields: [] }
}

/** Bidi controls, zero-width characters, the BOM, and lone surrogates (high and low). */
const HIDDEN = ['\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2069', '\u200e', '\u200f', '\u061c']
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff']

// the hidden character sits inside the text (trimming never removes it)
const hiddenText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...HIDDEN, ...ZERO_WIDTH, ...LONE), fc.string({ maxLength: 20 }))
  .map(([before, hidden, after]) => `${before}x${hidden}x${after}`)
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 })
)
const fraction = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value))
const notNumber = fc.oneof(fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null), fc.constant([1]))

const hostile: Record<FieldKind, fc.Arbitrary<unknown>> = {
  text: fc.oneof(hiddenText, wrongType),
  secret: fc.oneof(hiddenText, wrongType),
  required: fc.constantFrom('', ' ', '   ', '\u00a0', '\u3000'),
  // USD and MXN: the safe range ends at 10^12 minor units
  money: fc.oneof(
    fc.integer({ min: 10 ** 12 + 1, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ max: -1 }),
    fraction,
    notNumber
  ),
  id: fc.oneof(fc.integer({ max: 0 }), fc.constant(Number.MAX_SAFE_INTEGER + 1), fraction, notNumber),
  count: fc.oneof(
    fc.integer({ min: 10_000_001, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ max: -1 }),
    fraction,
    notNumber
  )
}

function withField(value: Record<string, unknown>, path: Path, replacement: unknown): Record<string, unknown> {
  const copy = structuredClone(value)
  let node: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path[path.length - 1]!] = replacement
  return copy
}

export interface Malformed {
  name: OperationName
  input: unknown
  /** which rule it breaks, for the failure message and the tally */
  breaks: string
}

/** Every (operation, field) rule, drawn evenly: each one is tried many times per run. */
export const fieldRules = (Object.entries(samples) as [OperationName, Sample][]).flatMap(([name, sample]) =>
  sample.fields.map(([kind, path]) => ({ name, sample, kind, path }))
)

/** An object operation's valid input with one field made hostile. */
const fieldCase: fc.Arbitrary<Malformed> = fc.constantFrom(...fieldRules).chain(({ name, sample, kind, path }) =>
  hostile[kind].map((value) => ({
    name,
    input: withField(sample.valid, path, value),
    breaks: `${name} ${kind}:${path.join('.')}`
  }))
)

/** Not an object where one is expected, or anything at all where no input is expected. */
const shapeCase = (noInput: readonly OperationName[]): fc.Arbitrary<Malformed> =>
  fc.oneof(
    fc.record({
      name: fc.constantFrom(...(Object.keys(samples) as OperationName[])),
      input: fc.oneof(
        fc.constant(null),
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.array(fc.anything(), { maxLength: 3 })
      ),
      breaks: fc.constant('shape')
    }),
    fc.record({
      name: fc.constantFrom(...noInput),
      input: fc.anything().filter((value) => value !== undefined),
      breaks: fc.constant('no input expected')
    })
  )

export const malformedInput = (noInput: readonly OperationName[]): fc.Arbitrary<Malformed> =>
  fc.oneof({ weight: 4, arbitrary: fieldCase }, { weight: 1, arbitrary: shapeCase(noInput) })
