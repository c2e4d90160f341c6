import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_HEADER, operationPath } from '@shared/bridge-protocol'
import { FakeLuka } from '../../src/main/training/fake-luka'
import { HARNESS_TOKEN, postRaw, startHarness, type HarnessUnderTest } from '../helpers/harness'

let luka: FakeLuka
let harness: HarnessUnderTest

beforeEach(async () => {
  luka = new FakeLuka()
  await luka.start()
  luka.addTransaction({ id: 41, reference: 'PEÑA-Ñ41' })
  harness = await startHarness(luka.url)
})

afterEach(async () => {
  await harness.close()
  await luka.stop()
})

const lookupPath = operationPath('luka.lookup')
const lookups = () => luka.requests.filter((r) => r.path.endsWith('/pagodiferido'))
const post = (name: Parameters<typeof operationPath>[0], text: string) =>
  postRaw(harness.origin, operationPath(name), [Buffer.from(text, 'utf8')])
const refused = (reason: string) => ({ ok: false, error: { code: 'VALIDATION', reason } })

describe('the bridge reads a body as a whole and refuses what is not an object', () => {
  it.each(['null', '[]', '[{"input":1}]', '1', '"input"', 'true', '{"input": 1', '\u00ff'])(
    'answers %j with 400 and a contract error, never a 500',
    async (text) => {
      const reply = await post('luka.lookup', text)
      expect(reply.status).toBe(400)
      expect(reply.body).toEqual(refused('json'))
    }
  )

  it('refuses bytes that are not UTF-8 as invalid input', async () => {
    const body = Buffer.concat([
      Buffer.from('{"input":{"by":"reference","value":"R'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}}')
    ])
    const reply = await postRaw(harness.origin, lookupPath, [body])
    expect(reply).toEqual({ status: 400, body: refused('encoding') })
    expect(lookups()).toHaveLength(0)
  })

  it('keeps a character split across two chunks whole', async () => {
    const body = Buffer.from(JSON.stringify({ input: { by: 'reference', value: 'PEÑA-Ñ41' } }), 'utf8')
    const inside = body.indexOf(Buffer.from('Ñ', 'utf8')) + 1 // between the two bytes of Ñ
    const reply = await postRaw(harness.origin, lookupPath, [body.subarray(0, inside), body.subarray(inside)])
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ ok: true, value: { payment: { transactionId: 41 } } })
    expect(lookups()[0]?.query).toEqual({ referenciaPago: 'PEÑA-Ñ41' })
  })

  it('decodes a body over 64 KB sent in odd-sized chunks, multi-byte text included', async () => {
    // JSON allows whitespace anywhere between tokens: 150 KB of it, and a multi-byte value at the end
    const text = `{"pad": "${'ñ'.repeat(40_000)}",${' '.repeat(70_000)}"input":{"by":"reference","value":"PEÑA-Ñ41"}}`
    const body = Buffer.from(text, 'utf8')
    expect(body.length).toBeGreaterThan(64 * 1024)
    const pieces: Buffer[] = []
    for (let at = 0; at < body.length; at += 4_097) pieces.push(body.subarray(at, at + 4_097))
    const reply = await postRaw(harness.origin, lookupPath, pieces.slice(0, 3).concat(Buffer.concat(pieces.slice(3))))
    expect(reply.body).toMatchObject({ ok: true, value: { payment: { transactionId: 41 } } })
    expect(lookups()[0]?.query).toEqual({ referenciaPago: 'PEÑA-Ñ41' })
  })

  it('refuses a body over the limit with 413 and a contract error', async () => {
    const reply = await post('luka.lookup', `{"input":{"by":"reference","value":"R"},"pad":"${'x'.repeat(300_000)}"}`)
    expect(reply).toEqual({ status: 413, body: refused('size') })
  })

  it('answers a call without the token with a contract error', async () => {
    const reply = await postRaw(harness.origin, lookupPath, [Buffer.from('{}')], { [TOKEN_HEADER]: 'b'.repeat(48) })
    expect(reply).toEqual({ status: 401, body: { ok: false, error: { code: 'FORBIDDEN', reason: 'token' } } })
    expect(HARNESS_TOKEN).not.toBe('b'.repeat(48))
  })
})

describe('text and amount rules, once in the contract', () => {
  it('refuses a lone surrogate in a reference as invalid input, not as a network failure', async () => {
    const reply = await post('luka.lookup', '{"input":{"by":"reference","value":"R7\\ud800"}}')
    expect(reply).toEqual({
      status: 200,
      body: { ok: false, error: { code: 'VALIDATION', field: 'value', reason: 'hiddenChars' } }
    })
    expect(lookups()).toHaveLength(0)
  })

  it.each([
    ['a right-to-left override', 'Taquilla \u202e2'],
    ['a zero-width space', 'Taquilla\u200b 2'],
    ['a lone low surrogate', 'Taquilla \udc00'],
    ['a bidi isolate', '\u2067Taquilla 2\u2069']
  ])('refuses %s in the terminal label', async (_, terminal) => {
    const reply = await post('settings.update', JSON.stringify({ input: { terminal } }))
    expect(reply.body).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'terminal', reason: 'hiddenChars' } })
  })

  it.each(['terminal', 'operator'])('refuses a blank %s', async (field) => {
    const reply = await post('settings.update', JSON.stringify({ input: { [field]: '   ' } }))
    expect(reply.body).toEqual({ ok: false, error: { code: 'VALIDATION', field, reason: 'required' } })
  })

  it.each([
    ['description', { description: 'Depósito\u200d' }, 'description'],
    ['customer name', { customer: { name: 'Ana\u202d Pérez' } }, 'customer.name']
  ])('refuses hidden characters in a deposit %s', async (_, extra, field) => {
    const input = { method: 'cash', amount: { minor: 150_00, currency: 'MXN' }, ...extra }
    const reply = await post('luxcore.createDeposit', JSON.stringify({ input }))
    expect(reply.body).toEqual({ ok: false, error: { code: 'VALIDATION', field, reason: 'hiddenChars' } })
  })

  it('refuses an opening float beyond the currency safe range', async () => {
    const input = { float: [{ minor: 9_007_199_254_740_990, currency: 'USD' }] }
    const reply = await post('shift.open', JSON.stringify({ input }))
    expect(reply.body).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'float.0.minor', reason: 'tooLarge' } })
    // 10 000 000 000.00 is the ceiling, and is still accepted
    const ok = await post('shift.open', JSON.stringify({ input: { float: [{ minor: 10 ** 12, currency: 'USD' }] } }))
    expect(ok.body).toMatchObject({ ok: true })
  })

  it('refuses a count beyond the safe range at the close', async () => {
    await post('shift.open', JSON.stringify({ input: { float: [{ minor: 100_00, currency: 'USD' }] } }))
    const input = { counted: [{ minor: 10 ** 12 + 1, currency: 'usd' }], note: 'x' }
    const reply = await post('shift.close', JSON.stringify({ input }))
    expect(reply.body).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'counted.0.minor', reason: 'tooLarge' }
    })
  })
})
