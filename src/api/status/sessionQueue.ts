import type { StatusAction } from '../../model/index.js'

/** One pause or resume request of a session, shared by every caller that joined it. */
export interface QueuedRequest {
  readonly action: StatusAction
  /** Ends the request: aborted when its last caller aborts, or when the store is reset. */
  readonly signal: AbortSignal
  /** The calls that wait for it (their ids), in the order they joined. */
  readonly calls: number[]
}

interface Entry<R> {
  action: StatusAction
  request: QueuedRequest
  controller: AbortController
  /** Callers still waiting for this request. */
  callers: number
  settled: boolean
  promise: Promise<R>
}

/** What a queue needs to run one request. */
export interface QueueJob<R> {
  /** Sends the request; never rejects. */
  run(request: QueuedRequest): Promise<R>
  /** The result of a request every caller left before it was sent. */
  abandoned(): R
  /** Called once per request, when it is created (not when a caller joins it). */
  created?(): void
  /** Called once per request, after it settled and before its callers hear of it. */
  settled?(result: R, request: QueuedRequest): void
}

/**
 * The per-session request queues of one store: requests for a session are sent one at a time, in call order. A call
 * with the same action as the last queued request joins it (ten clicks, one POST); the opposite action waits for it.
 * A caller that aborts leaves the request; the request itself is aborted only when its last caller left, so one
 * caller's abort never fails another, and a call never joins a request that is already aborted.
 */
export interface SessionQueue<R> {
  /** Queues (or joins) the request for call `call`; resolves to its result. */
  enqueue(key: string, action: StatusAction, call: number, callerSignal: AbortSignal, job: QueueJob<R>): Promise<R>
  /** Aborts every request and forgets them (the store was reset). */
  abortAll(): void
}

export function createSessionQueue<R>(): SessionQueue<R> {
  const tails = new Map<string, Entry<R>>()
  const all = new Set<Entry<R>>()

  function join(entry: Entry<R>, signal: AbortSignal) {
    entry.callers += 1
    const leave = () => {
      entry.callers -= 1
      if (entry.callers === 0 && !entry.settled) entry.controller.abort()
    }
    if (signal.aborted) leave()
    else signal.addEventListener('abort', leave, { once: true })
  }

  return {
    enqueue(key, action, call, callerSignal, job) {
      const tail = tails.get(key)
      if (tail && tail.action === action && !tail.settled && !tail.controller.signal.aborted) {
        tail.request.calls.push(call)
        join(tail, callerSignal)
        return tail.promise
      }
      const controller = new AbortController()
      const request: QueuedRequest = { action, signal: controller.signal, calls: [call] }
      const entry: Entry<R> = { action, request, controller, callers: 0, settled: false, promise: Promise.resolve() as Promise<never> }
      job.created?.()
      const start = async (): Promise<R> => {
        if (tail) await tail.promise.then(ignore, ignore)
        const result = controller.signal.aborted ? job.abandoned() : await job.run(request)
        entry.settled = true
        all.delete(entry)
        if (tails.get(key) === entry) tails.delete(key)
        job.settled?.(result, request)
        return result
      }
      entry.promise = start()
      tails.set(key, entry)
      all.add(entry)
      join(entry, callerSignal)
      return entry.promise
    },
    abortAll() {
      for (const entry of all) entry.controller.abort()
      all.clear()
      tails.clear()
    },
  }
}

function ignore(): void {}
