/**
 * The renderer's Content-Security-Policy. index.html carries it as a <meta> (file:// loads
 * get no headers); main and the harness also send it as a header. A test keeps them equal.
 * No inline scripts or styles, no eval, no remote anything: the bridge is same-origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'"
].join('; ')
