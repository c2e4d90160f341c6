/**
 * The one logging interface of the domain code. The platform layer plugs electron-log in;
 * the harness and tests plug a plain sink. Whatever the sink, secrets are scrubbed here:
 * domain code never logs a password or token on purpose, and this catches accidents.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void
  info(message: string, data?: Record<string, unknown>): void
  warn(message: string, data?: Record<string, unknown>): void
  error(message: string, data?: Record<string, unknown>): void
}

export type LogSink = (level: LogLevel, line: string) => void

const REDACTED = '[redacted]'
const SECRET_KEYS = /pass(word)?|token|secret|authorization|api[-_]?key|cookie/i
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g

function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 4) return '…'
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEYS.test(key) ? REDACTED : scrubValue(inner, depth + 1)
    }
    return out
  }
  return value
}

export function createLogger(sink: LogSink, secrets: () => readonly string[] = () => []): Logger {
  const emit = (level: LogLevel, message: string, data?: Record<string, unknown>): void => {
    let line = data ? `${message} ${JSON.stringify(scrubValue(data))}` : message
    line = line.replace(BEARER, `Bearer ${REDACTED}`).replace(JWT, REDACTED)
    for (const secret of secrets()) {
      if (secret.length >= 4) line = line.split(secret).join(REDACTED)
    }
    sink(level, line)
  }
  return {
    debug: (message, data) => emit('debug', message, data),
    info: (message, data) => emit('info', message, data),
    warn: (message, data) => emit('warn', message, data),
    error: (message, data) => emit('error', message, data)
  }
}

export const silentLogger: Logger = createLogger(() => undefined)
