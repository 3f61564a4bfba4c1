import { checkSession, sessionKey, type InterviewSession, type StatusAction } from '../../model/index.js'
import type { BaseInterviewApi } from '../createBaseApi.js'
import { isInterviewApiError } from '../InterviewApiError.js'
import { LIST_TAG, listTag, sessionTag } from '../interviewTags.js'
import { shownCopy, type ChangeOutcome, type ChangeRecord, type Intent, type SessionRuntime } from './createSessionRuntime.js'
import type { SessionWriter } from './createSessionWriter.js'
import { observe, reconcileCopy, refreshShown } from './reconcile.js'
import type { QueuedRequest } from './sessionQueue.js'
import type { TabMessage } from './tabChannel.js'

// A change another tab started and never finished (the tab closed, its message was lost) stops showing once its
// request would have timed out, and the session is read again. Without a timeout: after a minute.
const expiryOf = (timeoutMs: number) => (timeoutMs > 0 ? timeoutMs + 1_000 : 60_000)

/** How a call ended, for the hooks' success and error messages. */
export function recordOf(id: number, action: StatusAction, rejection: unknown): ChangeRecord {
  if (rejection === undefined) return { id, action, status: 'succeeded' }
  const error = (rejection as { error?: unknown }).error
  if (!isInterviewApiError(error) || (error.kind === 'network' && error.reason === 'aborted')) {
    return { id, action, status: 'aborted' }
  }
  return { id, action, status: 'failed', error }
}

/**
 * The life of a status change in one store: calls begin and end (RTK's mutation lifecycle), requests settle (the
 * queue), the intent closes and what needs it is revalidated; changes other tabs make are shown the same way, and
 * copies pushed from elsewhere enter the caches with the same ordering.
 */
export function createStatusChanges(api: BaseInterviewApi, writer: SessionWriter, timeoutMs: number) {
  const { show } = writer

  function intentOf(runtime: SessionRuntime, key: string): Intent {
    let intent = runtime.intents.get(key)
    if (!intent) {
      const server = runtime.index().freshest(key)
      intent = { calls: [], unclaimed: [], requests: 0, server, shown: server, revalidateSession: false, revalidateLists: false }
      runtime.intents.set(key, intent)
    }
    return intent
  }

  /** A call to pause or resume starts: it becomes the latest, and shows at once everywhere (and in other tabs). */
  function begin(runtime: SessionRuntime, key: string, action: StatusAction): number {
    const intent = intentOf(runtime, key)
    const id = runtime.nextCallId()
    intent.calls.push({ id, action })
    intent.unclaimed.push(id)
    refreshShown(intent)
    runtime.recordChange(key, { id, action, status: 'pending' })
    if (intent.shown) show(runtime, intent.shown)
    runtime.notify([key])
    runtime.channel?.post({ type: 'begin', key, call: id, action })
    return id
  }

  /**
   * A call settled (or its caller aborted it): the session shows the latest call still waiting, or the server's
   * copy when none is. The intent closes once no call waits and no request runs.
   */
  function endCall(runtime: SessionRuntime, generation: number, key: string, id: number, record: ChangeRecord) {
    if (runtime.generation !== generation) return
    const intent = runtime.intents.get(key)
    // Settled with its request already (or the intent closed): nothing left to do.
    if (!intent || !intent.calls.some((call) => call.id === id)) return
    intent.calls = intent.calls.filter((call) => call.id !== id)
    intent.unclaimed = intent.unclaimed.filter((call) => call !== id)
    if (runtime.changes.get(key)?.id === id) runtime.recordChange(key, record)
    runtime.channel?.post({ type: 'end', key, calls: [id] })
    settleView(runtime, key, intent)
  }

  /** After calls left: close the intent when nothing waits or runs, else show what the latest waiting call shows. */
  function settleView(runtime: SessionRuntime, key: string, intent: Intent) {
    const before = intent.shown
    refreshShown(intent)
    if (intent.calls.length === 0 && intent.requests === 0) return close(runtime, key, intent)
    if (intent.shown && intent.shown !== before) show(runtime, intent.shown)
    runtime.notify([key])
  }

  /**
   * A request ended: its answer becomes the server's copy, what it leaves unknown is marked for revalidation, and the
   * calls it carried settle with it, all at once (one React commit for the answer).
   */
  function settleRequest(
    runtime: SessionRuntime,
    generation: number,
    key: string,
    outcome: ChangeOutcome,
    request: QueuedRequest,
  ) {
    if (runtime.generation !== generation) return
    const intent = runtime.intents.get(key)
    if (!intent) return
    intent.requests -= 1
    const carried = new Set(request.calls)
    intent.calls = intent.calls.filter((call) => !carried.has(call.id))
    const latest = runtime.changes.get(key)
    if (latest && carried.has(latest.id)) {
      runtime.recordChange(key, recordOf(latest.id, latest.action, outcome.error ? { error: outcome.error } : undefined))
    }
    // The server answered with a refusal, or its effect is unknown: read again what it holds, here and in the other
    // tabs (which show the change too).
    const unknown = !outcome.data && outcome.sent && outcome.error?.kind !== 'unauthorized'
    runtime.channel?.post({
      type: 'end',
      key,
      calls: request.calls,
      ...(outcome.data ? { copy: outcome.data } : unknown ? { readAgain: true } : {}),
    })
    if (outcome.data) {
      observe(runtime, intent, outcome.data)
      intent.revalidateLists = true
    } else if (unknown) {
      intent.revalidateSession = true
      intent.revalidateLists = true
    }
    const error = outcome.error
    if (error?.kind === 'invalidResponse' && (error.status ?? 0) < 300 && outcome.sent) {
      // The server made the change but its answer is unusable: rather than rolling back blindly, keep the change
      // shown (as a call of its own, first in line: a call made since still decides) until a read that starts now
      // says what the server holds.
      const reading = { id: runtime.nextCallId(), action: outcome.action }
      intent.calls.unshift(reading)
      intent.revalidateSession = false
      void readAgain(runtime, outcome.sessionId).then((read) => {
        if (runtime.generation !== generation) return
        intent.calls = intent.calls.filter((call) => call !== reading)
        // The read failed too, and nothing read since the request was sent says otherwise: the server said it made
        // the change, so its copy from before, with the change, stays until a read brings the real one.
        const server = intent.server
        if (!read && server && runtime.stampOf(server) < outcome.stamp) {
          const changed = shownCopy(server, outcome.action) as InterviewSession
          runtime.setStamp(changed, outcome.stamp)
          intent.server = changed
        }
        settleView(runtime, key, intent)
      })
    }
    // Revalidation is asked for while this request's own call is still pending, so RTK runs it once every request
    // of a burst has ended (one refetch per list for ten pauses).
    if (intent.requests === 0) invalidate(runtime, key, intent)
    refreshShown(intent)
    if (intent.requests === 0 && intent.calls.length === 0) return close(runtime, key, intent)
    if (intent.shown) show(runtime, intent.shown)
    runtime.notify([key])
  }

  /** Reads the session afresh; resolves to whether the read succeeded. */
  async function readAgain(runtime: SessionRuntime, sessionId: string): Promise<boolean> {
    // A read already running may have been answered before the change: wait for it, then read afresh.
    const running = runtime.store.dispatch(api.util.getRunningQueryThunk('getInterview', sessionId))
    if (running) await running
    const read = await runtime.store.dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
    // (A failed read still reports the data held from before: its status says how it ended.)
    return read.isSuccess
  }

  /**
   * A copy from outside this store's requests (pushed, or from another tab) changed what the caches show: the reads
   * running now may have been answered before that change, and what they bring may undo it (a list that leaves the
   * session out, or an older copy of a session no entry holds). Each is read once more after it lands: RTK runs an
   * invalidation once the running queries have ended.
   */
  function rereadInFlight(runtime: SessionRuntime, key: string) {
    const index = runtime.index()
    invalidateTags(runtime, [
      ...index.lists().flatMap((list) => (list.view.status === 'pending' ? [listTag(list.filter)] : [])),
      ...(index.detail(key)?.view.status === 'pending' ? [sessionTag(key)] : []),
    ])
  }

  /** Reads the session and/or the lists again (the entries that are subscribed). */
  function revalidate(runtime: SessionRuntime, key: string, session: boolean, lists: boolean) {
    invalidateTags(runtime, [...(session ? [sessionTag(key)] : []), ...(lists ? [LIST_TAG] : [])])
  }

  function invalidateTags(runtime: SessionRuntime, tags: Parameters<typeof api.util.invalidateTags>[0]) {
    if (tags.length > 0) runtime.store.dispatch(api.util.invalidateTags(tags))
  }

  function invalidate(runtime: SessionRuntime, key: string, intent: Intent) {
    const { revalidateSession, revalidateLists } = intent
    intent.revalidateSession = false
    intent.revalidateLists = false
    revalidate(runtime, key, revalidateSession, revalidateLists)
  }

  function close(runtime: SessionRuntime, key: string, intent: Intent) {
    runtime.intents.delete(key)
    if (intent.server) {
      show(runtime, intent.server)
      runtime.index().remember(intent.server)
    }
    invalidate(runtime, key, intent)
    runtime.notify([key])
  }

  /**
   * A copy of a session from outside this store's requests (pushed by the server, or confirmed in another tab),
   * stamped as arriving now: it enters every entry that holds the session, or should, unless a newer copy is held.
   * With `heldOnly`, a session this store does not hold is not taken (another tab may be another user); the lists
   * are read again instead, since their membership may have changed. Returns the copy the caches now go by.
   */
  function receive(runtime: SessionRuntime, value: unknown, heldOnly: boolean): InterviewSession | undefined {
    const checked = checkSession(value)
    if (!checked.ok) return undefined
    const key = sessionKey(checked.value.id)
    if (heldOnly && !runtime.intents.has(key) && !runtime.index().freshest(key)) {
      // Its own read of the session, if one is running, is read again too (the same user's request).
      revalidate(runtime, key, true, true)
      return undefined
    }
    const copy = arrivedNow(runtime, checked.value)
    const before = runtime.intents.get(key)?.shown ?? runtime.index().freshest(key)
    // Shown even when the copy kept is one held already: a session no entry held yet enters the lists it belongs to
    // (the server sent it to this user), and so does one that a list read, answered before the change, left out.
    const kept = reconcileCopy(runtime, copy).value
    show(runtime, kept)
    if (kept !== before) rereadInFlight(runtime, key)
    runtime.notify([key])
    return kept
  }

  /** A copy from outside this store's requests, stamped as arriving now (a read started earlier is older). */
  function arrivedNow(runtime: SessionRuntime, copy: InterviewSession): InterviewSession {
    runtime.setStamp(copy, runtime.nextStamp())
    return copy
  }

  // ---- other tabs ----------------------------------------------------------------------------------------------

  /**
   * A message from another tab. A change it started shows here at once (no request is sent for it); its end brings
   * the server's confirmed copy, or a failure (then the newest server copy held here shows again, and when the
   * outcome is unknown the session and the lists are read again). Messages may be lost, repeated or out of order: an
   * end settles its calls for good, a begin after its end is ignored, and a begin whose end never comes expires (and
   * what it may have changed is read again).
   */
  function fromTab(runtime: SessionRuntime, message: TabMessage) {
    const tabs = runtime.tabs
    const { key } = message
    if (message.type === 'begin') {
      const ref = `${message.from}:${message.call}`
      if (tabs.ended.has(ref) || tabs.calls.has(ref)) return
      if (!runtime.intents.has(key) && !runtime.index().freshest(key)) return
      const intent = intentOf(runtime, key)
      const id = -runtime.nextCallId()
      intent.calls.push({ id, action: message.action })
      tabs.calls.set(ref, { key, id, timer: setTimeout(() => expire(runtime, ref), expiryOf(timeoutMs)) })
      refreshShown(intent)
      if (intent.shown) show(runtime, intent.shown)
      runtime.notify([key])
      return
    }
    // Calls of one tab reach the server in call order, so an end of a call no later than one whose copy was taken
    // (repeated, or out of order) brings no newer copy: its calls settle, its copy is not taken.
    const order = `${message.from}:${key}`
    const last = Math.max(...message.calls)
    const copy = message.copy && (tabs.copied.get(order) ?? 0) < last ? message.copy : undefined
    if (copy) tabs.copied.set(order, last)
    const ids = new Set<number>()
    for (const call of message.calls) {
      const ref = `${message.from}:${call}`
      tabs.ended.set(ref, true)
      const remote = tabs.calls.get(ref)
      if (!remote) continue
      clearTimeout(remote.timer)
      tabs.calls.delete(ref)
      ids.add(remote.id)
    }
    const intent = runtime.intents.get(key)
    if (intent) {
      intent.calls = intent.calls.filter((call) => !ids.has(call.id))
      // Only a copy of a session this store holds (a call of its own may be waiting for one it does not: the other
      // tab may be another user's); its lists are read again instead.
      if (copy && (intent.server || runtime.index().freshest(key))) {
        const checked = checkSession(copy)
        if (checked.ok && observe(runtime, intent, arrivedNow(runtime, checked.value))) rereadInFlight(runtime, key)
      } else if (copy) intent.revalidateLists = true
      if (message.readAgain) {
        intent.revalidateSession = true
        intent.revalidateLists = true
      }
      settleView(runtime, key, intent)
    } else if (copy) receive(runtime, copy, true)
    else if (message.readAgain) revalidate(runtime, key, true, true)
  }

  function expire(runtime: SessionRuntime, ref: string) {
    const remote = runtime.tabs.calls.get(ref)
    if (!remote) return
    runtime.tabs.calls.delete(ref)
    runtime.tabs.ended.set(ref, true)
    const intent = runtime.intents.get(remote.key)
    if (!intent) return
    intent.calls = intent.calls.filter((call) => call.id !== remote.id)
    // The other tab may have made the change: the session and the lists it belongs to are read again (a session that
    // only lists hold has no entry of its own to read).
    intent.revalidateSession = true
    intent.revalidateLists = true
    if (intent.requests === 0) invalidate(runtime, remote.key, intent)
    settleView(runtime, remote.key, intent)
  }

  /**
   * Before a reset: the other tabs stop showing this store's changes (their requests are being aborted), and the
   * other tabs' changes shown here stop showing; those whose end has not come are still read again once they would
   * have expired (the other tab may have made them, and closed).
   */
  function beforeReset(runtime: SessionRuntime) {
    const { calls, ended } = runtime.tabs
    for (const [ref, remote] of calls) {
      clearTimeout(remote.timer)
      // Read again unless its end came meanwhile. Not marked ended: like every call a reset forgot, it shows again if
      // its begin is delivered again.
      setTimeout(() => {
        if (!ended.has(ref)) revalidate(runtime, remote.key, true, true)
      }, expiryOf(timeoutMs))
    }
    for (const [key, intent] of runtime.intents) {
      const local = intent.calls.filter((call) => call.id > 0).map((call) => call.id)
      // A request being aborted may have reached the server already.
      if (local.length > 0) runtime.channel?.post({ type: 'end', key, calls: local, ...(intent.requests > 0 ? { readAgain: true } : {}) })
    }
  }

  return { begin, endCall, settleRequest, receive, fromTab, beforeReset }
}
