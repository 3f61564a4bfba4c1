import type { StandardSchemaV1 } from '@standard-schema/spec'
import {
  checkSession,
  checkSessionList,
  isInterviewStatus,
  isSessionId,
  type InterviewSession,
  type SessionCheck,
} from '../../model/index.js'
import type { InterviewReads } from '../createBaseApi.js'
import { invalidResponse, invalidSessionId, invalidStatusFilter } from '../InterviewApiError.js'
import type { SessionRuntime, StoreAccess } from './createSessionRuntime.js'
import type { SessionWriter } from './createSessionWriter.js'
import { reconcileCopy, reconcileList } from './reconcile.js'
import { listOf } from './sessionIndex.js'
import { validateWith } from './validateWith.js'

/** Checks an answer: the fields the cache relies on always, the whole contract with a `sessionSchema`. */
export interface AnswerCheck {
  session(value: unknown, expected: { id?: string; status?: string }): Promise<SessionCheck<InterviewSession>>
}

export function createAnswerCheck(schema: StandardSchemaV1 | undefined): AnswerCheck & { list(value: unknown): Promise<SessionCheck<readonly unknown[]>> } {
  return {
    async session(value, expected) {
      const basic = checkSession(value, expected)
      return basic.ok && schema ? validateWith(schema, basic.value, '') : basic
    },
    // Without a schema, items are checked as the list is reconciled (an item equal to a held copy needs no check).
    async list(value) {
      if (!schema) return Array.isArray(value) ? { ok: true, value } : { ok: false, issues: ['expected an array of sessions'] }
      const basic = checkSessionList(value)
      if (!basic.ok) return basic
      const out: InterviewSession[] = []
      for (let i = 0; i < basic.value.length; i += 1) {
        const result = await validateWith(schema, basic.value[i] as InterviewSession, `${i}.`)
        if (!result.ok) return result
        out.push(result.value)
      }
      return { ok: true, value: out }
    },
  }
}

/** The two reads, through the status layer: every answer is reconciled with what the caches hold. */
export function createSessionReads(
  runtimeOf: (store: StoreAccess) => SessionRuntime,
  writer: SessionWriter,
  check: ReturnType<typeof createAnswerCheck>,
): InterviewReads {
  return {
    async readSession(sessionId, queryApi, send) {
      if (!isSessionId(sessionId)) return { error: invalidSessionId() }
      const runtime = runtimeOf(queryApi)
      const stamp = runtime.nextStamp()
      const result = await send({ method: 'GET', path: ['interviews', sessionId] })
      if (result.error) return { error: result.error }
      const checked = await check.session(result.data, { id: sessionId })
      if (!checked.ok) return { error: invalidResponse(result.meta?.status, checked.issues) }
      runtime.setStamp(checked.value, stamp)
      const { value, spread } = reconcileCopy(runtime, checked.value)
      for (const copy of spread) writer.show(runtime, copy, queryApi.queryCacheKey)
      return { data: value }
    },
    async readList(arg, queryApi, send) {
      const status = arg?.status
      if (status !== undefined && !isInterviewStatus(status)) return { error: invalidStatusFilter() }
      const runtime = runtimeOf(queryApi)
      const stamp = runtime.nextStamp()
      const result = await send({ method: 'GET', path: ['interviews'], ...(status ? { params: { status } } : {}) })
      if (result.error) return { error: result.error }
      const items = await check.list(result.data)
      if (!items.ok) return { error: invalidResponse(result.meta?.status, items.issues) }
      const held = queryApi.queryCacheKey ? runtime.index().entry(queryApi.queryCacheKey) : undefined
      const reconciled = reconcileList(runtime, items.value, status, held && listOf(held), stamp)
      if ('issues' in reconciled) return { error: invalidResponse(result.meta?.status, reconciled.issues) }
      for (const copy of reconciled.spread) writer.show(runtime, copy, queryApi.queryCacheKey)
      // Readonly: possibly the array the cache already holds, frozen like every value RTK keeps.
      return { data: reconciled.value as InterviewSession[] }
    },
  }
}
