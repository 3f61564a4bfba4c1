// RFC 4122 layout (8-4-4-4-12 hex digits), any version; letters of either case.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether `value` is a session id the API accepts: a UUID in its canonical 36-character form, hex digits of
 * either case. Anything else (empty, path segments such as `../x`, encoded slashes, unicode) is rejected.
 */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}
