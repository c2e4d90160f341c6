/**
 * Where a provider's credentials may go: https anywhere, or plain http only to this computer
 * (a local test server or the tests' fakes on 127.0.0.1). One rule for every source of a URL —
 * typed in settings, read from the settings file, or from LUKA_BASE_URL / LUXCORE_BASE_URL.
 */
export function isAllowedProviderUrl(value: string): boolean {
  if (/\s/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.hostname === '') return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
}

/** localhost, 127.0.0.0/8 and ::1 (URL.hostname keeps IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}
