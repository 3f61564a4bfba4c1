// An absolute URL (`https://host/api`), protocol-relative (`//host/api`), or a path from the origin root (`/api`).
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i

/**
 * The api's `baseUrl` in the one form the requests use: no trailing slash, `''` for the origin root. `'/'` and `''`
 * both mean the origin root; a relative path such as `'api'` would resolve against whatever page is open, so it is
 * refused with an Error that names the fix.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  const trimmed = typeof baseUrl === 'string' ? baseUrl.trim().replace(/\/+$/, '') : undefined
  if (trimmed !== undefined && (trimmed === '' || trimmed.startsWith('/') || ABSOLUTE.test(trimmed))) return trimmed
  throw new TypeError(
    process.env.NODE_ENV !== 'production'
      ? `interview-session-kit: baseUrl "${String(baseUrl)}" is relative to the page (or not a string), so requests ` +
          `would depend on the page's path. Use a path from the origin root ('/${trimmed ?? 'api'}') or an absolute ` +
          `URL ('https://host/${trimmed ?? 'api'}').`
      : `interview-session-kit: invalid baseUrl "${String(baseUrl)}"`,
  )
}

/** The URL of an interview endpoint: every path segment encoded, below the normalized base. */
export function requestUrl(baseUrl: string, path: readonly string[]): string {
  return `${baseUrl}/${path.map(encodeURIComponent).join('/')}`
}
