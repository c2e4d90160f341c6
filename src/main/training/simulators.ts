import { randomBytes } from 'node:crypto'
import type { Env } from '../settings/settings'
import { FakeLuka } from './fake-luka'
import { FakeLox24 } from './fake-lox24'
import { FakeLuxcore } from './fake-luxcore'
import { seedLox24, seedLuka, seedLuxcore } from './seed'

/**
 * Training mode's providers: the same Luka, LuxCore and LOX24 simulators the tests run against,
 * in this process on 127.0.0.1 (a free port), seeded with payments to practise on and SMS
 * credit to spend. Their credentials are made up at every start, so nothing real can ever be
 * sent to them — no real payment, no real text message, no real money for credit.
 */
export interface Simulators {
  luka: FakeLuka
  luxcore: FakeLuxcore
  lox24: FakeLox24
  /** the provider settings that point the services at the simulators */
  providerEnv: Env
  stop(): Promise<void>
}

export async function startSimulators(): Promise<Simulators> {
  const luka = new FakeLuka({ username: 'practica', password: randomBytes(12).toString('hex') })
  const luxcore = new FakeLuxcore()
  luxcore.apiKey = `qp_test_sk_training_${randomBytes(8).toString('hex')}`
  luxcore.completeAfterMs = 20_000 // a trainee sees a deposit's status move on by itself
  seedLuka(luka)
  seedLuxcore(luxcore)
  const lox24 = new FakeLox24()
  lox24.token = `practica:${randomBytes(12).toString('hex')}`
  seedLox24(lox24)
  await luka.start()
  await luxcore.start()
  await lox24.start()
  return {
    luka,
    luxcore,
    lox24,
    providerEnv: {
      LUKA_BASE_URL: luka.url,
      LUKA_USERNAME: luka.options.username,
      LUKA_PASSWORD: luka.options.password,
      LUXCORE_BASE_URL: luxcore.url,
      LUXCORE_API_KEY: luxcore.apiKey,
      LOX24_BASE_URL: lox24.url,
      LOX24_TOKEN: lox24.token,
      LOX24_SENDER: 'Practica'
    },
    async stop() {
      await Promise.all([luka.stop(), luxcore.stop(), lox24.stop()])
    }
  }
}
