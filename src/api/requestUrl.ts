// An absolute URL (`https://host/api`), protocol-relative (`//host/api`), or a path from the origin root (`/api`).
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\/|^\/\//i

/**
 * The api's `baseUrl` in the one form the requests use: no trailing slash, `''` for the origin root. `'/'` and `''`
 * both mean the origin root; a relative path such as `'api'` would resolve against whatever page is open, so it is
 * refused with an Error that names the fix.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string') {
    throw new TypeError(`interview-session-kit: baseUrl must be a string such as '/api' or 'https://host/api'.`)
  }
  const trimmed = baseUrl.trim().replace(/\/+$/, '')
  if (trimmed === '' || trimmed.startsWith('/') || ABSOLUTE.test(trimmed)) return trimmed
  throw new TypeError(
    `interview-session-kit: baseUrl "${baseUrl}" is relative to the page, so requests would depend on the page's ` +
      `path. Use a path from the origin root ('/${trimmed}') or an absolute URL ('https://host/${trimmed}').`,
  )
}

/** The URL of an interview endpoint: every path segment encoded, below the normalized base. */
export function requestUrl(baseUrl: string, path: readonly string[]): string {
  return `${baseUrl}/${path.map(encodeURIComponent).join('/')}`
}
