// RFC 6750 section 2.1: `Bearer` (scheme case-insensitive), exactly one space, then a b64token. Anything else —
// double spaces, a tab, trailing words, a comma list, quotes — is not a bearer credential.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/

/**
 * Extracts the token from an `Authorization: Bearer <token>` header value, or returns `undefined` when the header
 * is missing or is not exactly one bearer credential (RFC 6750 syntax; the scheme name is case-insensitive).
 * Never throws.
 */
export function parseAuthorization(header: string | null | undefined): string | undefined {
  if (typeof header !== 'string') return undefined
  return BEARER.exec(header)?.[1]
}

/** Whether `token` can be sent in a bearer header at all (RFC 6750 `b64token`). Seed tokens must pass. */
export function isBearerToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN.test(token)
}
