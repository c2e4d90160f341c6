/** The agency server's settings, all from the environment (README "Agency ledger"). */
export interface ServerConfig {
  databaseUrl: string
  port: number
  host: string
  /** PEM files: with both the server speaks HTTPS itself; without, run it behind a TLS proxy */
  tlsCert: string | null
  tlsKey: string | null
  /** cookies marked Secure (on with TLS; set TAQUILLA_SECURE_COOKIES=1 behind an HTTPS proxy) */
  secureCookies: boolean
  /** the agencies' time zone: a shift belongs to the local day it opened on */
  timeZone: string
  /** a terminal with no heartbeat for this long is "silent" */
  silentAfterMs: number
  poolSize: number
  /** behind a proxy: the sign-in limit reads the client's address from X-Forwarded-For */
  trustProxy: boolean
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://taquilla@db.example:5432/taquilla)')
  const tlsCert = env.TAQUILLA_TLS_CERT || null
  const tlsKey = env.TAQUILLA_TLS_KEY || null
  if ((tlsCert === null) !== (tlsKey === null))
    throw new Error('set both TAQUILLA_TLS_CERT and TAQUILLA_TLS_KEY, or neither')
  const timeZone = env.TAQUILLA_TIME_ZONE || 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new Error(`TAQUILLA_TIME_ZONE: unknown time zone ${timeZone}`)
  }
  return {
    databaseUrl,
    port: Number(env.TAQUILLA_SERVER_PORT ?? 8443),
    host: env.TAQUILLA_SERVER_HOST || '0.0.0.0',
    tlsCert,
    tlsKey,
    secureCookies: tlsCert !== null || env.TAQUILLA_SECURE_COOKIES === '1',
    timeZone,
    silentAfterMs: Number(env.TAQUILLA_SILENT_AFTER_S ?? 180) * 1000,
    poolSize: Number(env.TAQUILLA_DB_POOL ?? 10),
    trustProxy: env.TAQUILLA_TRUST_PROXY === '1'
  }
}
