import type { InterviewSession, StatusAction } from '../model/index.js'
import { targetStatus } from '../model/index.js'
import { newer, withStatus } from './sessionOrder.js'

interface Intent {
  /** The latest action asked for: what the session shows until every request for it has settled. */
  action: StatusAction
  /** Requests for this session not yet settled. */
  open: number
}

interface QueueTail<R> {
  action: StatusAction
  promise: Promise<R>
}

/**
 * The request layer's per-store memory of status changes in flight. It lives outside Redux on purpose: it holds the
 * server's own copy of each session that has a change in flight, which must never be shown directly but is what the
 * caches fall back to when the change fails, and the per-session request queue, which must be read at call time.
 */
export interface StatusRuntime<R> {
  /** The session as it should be shown now: the server's latest copy with the pending intent applied. */
  displayed(id: string): InterviewSession | undefined
  /** Whether a status change for `id` is in flight. */
  hasIntent(id: string): boolean
  /** Ids with a status change in flight. */
  intentIds(): IterableIterator<string>
  /** Records a new intent; `known` is the freshest cached copy, used until the server says more. */
  open(id: string, action: StatusAction, known: InterviewSession | undefined): void
  /** Records that one request for `id` settled; true when it was the last one. */
  close(id: string): boolean
  /** Keeps `copy` as the server's copy of a session with an intent, unless a newer one is known. */
  observe(copy: InterviewSession): void
  /** Records the server's copy of `id` after a confirmed change, unless a newer one is already known. */
  confirm(copy: InterviewSession): void
  /** Forgets the server copy of `id` once nothing is in flight for it. */
  release(id: string): void
  /** Runs `send` after the requests queued for `id`, or joins the last one when it is the same action. */
  enqueue(id: string, action: StatusAction, send: () => Promise<R>): Promise<R>
}

/** Creates the {@link StatusRuntime} of one store. */
export function createStatusRuntime<R>(): StatusRuntime<R> {
  const intents = new Map<string, Intent>()
  const server = new Map<string, InterviewSession>()
  const tails = new Map<string, QueueTail<R>>()
  const key = (id: string) => id.toLowerCase()

  return {
    displayed(id) {
      const copy = server.get(key(id))
      const intent = intents.get(key(id))
      if (!copy) return undefined
      return intent ? withStatus(copy, targetStatus(intent.action)) : copy
    },
    hasIntent: (id) => intents.has(key(id)),
    intentIds: () => intents.keys(),
    open(id, action, known) {
      const k = key(id)
      const intent = intents.get(k)
      if (!intent && known) server.set(k, known)
      intents.set(k, { action, open: (intent?.open ?? 0) + 1 })
    },
    close(id) {
      const k = key(id)
      const intent = intents.get(k)
      if (!intent) return false
      intent.open -= 1
      if (intent.open > 0) return false
      intents.delete(k)
      return true
    },
    observe(copy) {
      const k = key(copy.id)
      if (intents.has(k)) server.set(k, newer(server.get(k), copy))
    },
    confirm(copy) {
      // A read the server answered after this change (another tab wrote in between) can arrive before the change's
      // own answer: keep that newer copy rather than going back to the older one.
      server.set(key(copy.id), newer(server.get(key(copy.id)), copy))
    },
    release(id) {
      if (!intents.has(key(id))) server.delete(key(id))
    },
    enqueue(id, action, send) {
      const k = key(id)
      const tail = tails.get(k)
      if (tail && tail.action === action) return tail.promise
      // Serialized per session: the opposite intent waits for the request before it to settle.
      const promise = (tail ? tail.promise.then(send, send) : send()) as Promise<R>
      const entry: QueueTail<R> = { action, promise }
      tails.set(k, entry)
      const forget = () => {
        if (tails.get(k) === entry) tails.delete(k)
      }
      promise.then(forget, forget)
      return promise
    },
  }
}

