/** A request's own end: the caller's abort, or its deadline. */
export interface Deadline {
  signal: AbortSignal
  /** Whether the deadline (not the caller) ended the request. */
  timedOut(): boolean
  /** Stops the timer; call when the request settled. */
  clear(): void
}

/**
 * A signal that aborts when `signal` does or `timeoutMs` pass (0: never). The timer is cleared by `clear()`, so a
 * settled request keeps no process or page alive.
 */
export function startDeadline(signal: AbortSignal, timeoutMs: number): Deadline {
  const controller = new AbortController()
  let timedOut = false
  const follow = () => controller.abort(signal.reason)
  if (signal.aborted) follow()
  else signal.addEventListener('abort', follow, { once: true })
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true
          controller.abort()
        }, timeoutMs)
      : undefined
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear() {
      if (timer !== undefined) clearTimeout(timer)
      signal.removeEventListener('abort', follow)
    },
  }
}

/** Marks a wait that `signal` cut short. */
export const ABORTED: unique symbol = Symbol('aborted')

/** `promise`, or {@link ABORTED} as soon as `signal` aborts: a host callback that never settles cannot hold a request. */
export function untilAborted<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED)
  return new Promise<T | typeof ABORTED>((resolve, reject) => {
    const stop = () => resolve(ABORTED)
    signal.addEventListener('abort', stop, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop)
        reject(error)
      },
    )
  })
}
