/**
 * The one normal form of a session id, used wherever ids are compared or used as keys: lower case. The API accepts
 * the hex digits of a UUID in either case (RFC 4122), so `A170…` and `a170…` name the same session.
 */
export function sessionKey(id: string): string {
  return id.toLowerCase()
}
