import { isSessionId } from '../model/index.js'
import { parseSession } from '../schema/index.js'
import type { MockSeed } from './createInterviewDb.js'
import { isBearerToken } from './parseAuthorization.js'

const LOWERCASE_UUID = /^[0-9a-f-]+$/

/**
 * Checks a seed before a db is built from it and throws an Error naming the first bad user or session and what is
 * wrong. A bad seed is a programmer error, so this is the one place of the mock server that throws.
 */
export function validateSeed(seed: MockSeed): void {
  const userIds = new Set<string>()
  const tokens = new Set<string>()
  for (const [index, user] of (seed.users ?? []).entries()) {
    const name = `user ${typeof user.id === 'string' ? `"${user.id}"` : `#${index}`}`
    if (typeof user.id !== 'string' || user.id === '') fail(name, 'id must be a non-empty string')
    if (userIds.has(user.id)) fail(name, 'id is used twice')
    if (!isBearerToken(user.token)) fail(name, 'token must be a bearer token (letters, digits, -._~+/ then = padding)')
    if (tokens.has(user.token)) fail(name, 'token is used twice')
    userIds.add(user.id)
    tokens.add(user.token)
  }

  const sessionIds = new Set<string>()
  for (const [index, record] of (seed.sessions ?? []).entries()) {
    const name = `session ${typeof record.id === 'string' ? `"${record.id}"` : `#${index}`}`
    const { ownerId, ...session } = record
    const parsed = parseSession(session)
    if (!parsed.ok) fail(name, parsed.issues.join('; '))
    if (!isSessionId(record.id) || !LOWERCASE_UUID.test(record.id)) fail(name, 'id must be a lowercase UUID')
    if (sessionIds.has(record.id)) fail(name, 'id is used twice')
    if (!Number.isFinite(Date.parse(record.updatedAt))) fail(name, 'updatedAt must be an ISO 8601 date')
    if (typeof ownerId !== 'string' || !userIds.has(ownerId)) fail(name, `ownerId "${String(ownerId)}" is not a seed user`)
    sessionIds.add(record.id)
  }
}

function fail(subject: string, issue: string): never {
  throw new Error(`Invalid mock seed: ${subject}: ${issue}`)
}
