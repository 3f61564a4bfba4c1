import type { StandardSchemaV1 } from '@standard-schema/spec'
import { checkSession, type InterviewSession, type SessionCheck } from '../../model/index.js'

/**
 * Validates one session with a Standard Schema v1 (valibot, zod, arktype …), sync or async; what the schema outputs
 * must still be a session the cache can hold. A schema that throws counts as a failed check, never as a thrown
 * request.
 */
export async function validateWith(
  schema: StandardSchemaV1 | undefined,
  value: InterviewSession,
  path: string,
): Promise<SessionCheck<InterviewSession>> {
  if (!schema) return { ok: true, value }
  try {
    const result = await schema['~standard'].validate(value)
    if (!result.issues) {
      const output = checkSession(result.value, { id: value.id, status: value.status })
      return output.ok ? output : { ok: false, issues: output.issues.map((issue) => `${path}${issue} (sessionSchema output)`) }
    }
    return {
      ok: false,
      issues: result.issues.map((issue) => {
        const where = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.')
        return `${path}${where}${where ? ': ' : ''}${issue.message}`
      }),
    }
  } catch (error) {
    return { ok: false, issues: [`${path}sessionSchema threw: ${error instanceof Error ? error.message : String(error)}`] }
  }
}
