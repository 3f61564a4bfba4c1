import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import type { InterviewApiError } from './InterviewApiError.js'
import { ABORTED, untilAborted } from './signals.js'

/**
 * Where the api gets its access token: the token, `null`/`undefined` for none, or a promise of either. Called for
 * every request, so a refreshed token is used at once; `api.getState()` gives the host's store.
 */
export type AccessTokenGetter = (api: BaseQueryApi) => string | null | undefined | PromiseLike<string | null | undefined>

/** The host's callbacks, guarded for one store: whatever they do, a request ends with a value. */
export interface HostCallbacks {
  /**
   * The token for one request: a non-blank string, `undefined` when there is none (or the getter threw, rejected or
   * returned something else: reported once), or {@link ABORTED} when `signal` ended the wait.
   */
  readToken(api: BaseQueryApi, signal: AbortSignal): Promise<string | undefined | typeof ABORTED>
  /** Call when a request starts; returns its place in the store's request order. */
  beginRequest(): number
  /** Call when request `seq` ended unauthorized: calls `onUnauthorized` once per burst. */
  reportUnauthorized(seq: number, error: InterviewApiError): void
}

export interface HostCallbackOptions {
  getAccessToken: AccessTokenGetter
  onUnauthorized: ((error: InterviewApiError) => void) | undefined
}

/** Guards the host's callbacks for one store (the 401 burst is the store's own: per-request stores never share it). */
export function createHostCallbacks(options: HostCallbackOptions): HostCallbacks {
  const failing = new Set<string>()
  // One report per failing callback until it works again: a burst of requests does not flood the console.
  const report = (name: string, error: unknown) => {
    if (failing.has(name)) return
    failing.add(name)
    // The host must learn that its callback failed; the request itself ends with an error value.
    // oxlint-disable-next-line no-console
    console.error(`interview-session-kit: ${name} failed; the request ended without it.`, error)
  }
  let started = 0
  let barrier = 0

  return {
    async readToken(api, signal) {
      let token: unknown
      try {
        token = await untilAborted(Promise.resolve(options.getAccessToken(api)), signal)
      } catch (error) {
        report('getAccessToken', error)
        return undefined
      }
      if (token === ABORTED) return ABORTED
      if (token !== null && token !== undefined && typeof token !== 'string') {
        report('getAccessToken', new TypeError(`getAccessToken returned ${typeof token}; expected a string, null or undefined`))
        return undefined
      }
      failing.delete('getAccessToken')
      return typeof token === 'string' && token.trim() !== '' ? token : undefined
    },
    beginRequest: () => started++,
    reportUnauthorized(seq, error) {
      // Requests that started before the last notification used the same (now rejected) credentials: their 401s
      // belong to that burst. A request that started after it had the chance to use a refreshed token.
      if (!options.onUnauthorized || seq < barrier) return
      barrier = started
      try {
        options.onUnauthorized(error)
        failing.delete('onUnauthorized')
      } catch (thrown) {
        report('onUnauthorized', thrown)
      }
    },
  }
}
