import type { ServerResponse } from 'node:http'

/** The fake LOX24's HTTP side (fake-lox24.ts): routes and API Platform (JSON-LD) bodies. */
export type Lox24Route =
  'sms.send' | 'sms.get' | 'me' | 'methods' | 'payments.create' | 'payments.list' | 'payments.get'

/** GSM 160/153, UCS-2 70/67 (a fake's approximation: characters, not septets). */
export function segments(text: string, unicode: boolean): number {
  const [single, part] = unicode ? [70, 67] : [160, 153]
  return text.length <= single ? 1 : Math.ceil(text.length / part)
}

export function json(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

export const routeOf = (method: string, path: string): Lox24Route | null => {
  if (method === 'POST' && path === '/sms') return 'sms.send'
  if (method === 'GET' && /^\/sms\/[^/]+$/.test(path)) return 'sms.get'
  if (method === 'GET' && path === '/me') return 'me'
  if (method === 'GET' && path === '/payment-methods') return 'methods'
  if (method === 'POST' && path === '/payments') return 'payments.create'
  if (method === 'GET' && path === '/payments') return 'payments.list'
  if (method === 'GET' && /^\/payments\/\d+$/.test(path)) return 'payments.get'
  return null
}

export function ld(res: ServerResponse, status: number, type: string, id: string, body: Record<string, unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/ld+json; charset=utf-8' })
  res.end(JSON.stringify({ '@context': `/contexts/${type}`, '@id': id, '@type': type, ...body }))
}

/** API Platform's error body: `detail` carries the words. */
export function error(res: ServerResponse, status: number, detail: string): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json; charset=utf-8' })
  res.end(
    JSON.stringify({
      '@context': '/contexts/Error',
      '@type': 'hydra:Error',
      title: 'An error occurred',
      'hydra:title': 'An error occurred',
      detail,
      'hydra:description': detail,
      status
    })
  )
}

export function unprocessable(res: ServerResponse, violations: { propertyPath: string; message: string }[]): void {
  const detail = violations.map((v) => `${v.propertyPath}: ${v.message}`).join('\n')
  res.writeHead(422, { 'Content-Type': 'application/problem+json; charset=utf-8' })
  res.end(
    JSON.stringify({
      '@type': 'ConstraintViolationList',
      title: 'An error occurred',
      detail,
      violations: violations.map((v) => ({ ...v, code: null }))
    })
  )
}
