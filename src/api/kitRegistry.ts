import type { InterviewSession } from '../model/index.js'
import type { InterviewApi } from './createInterviewApi.js'
import type { SessionRuntime, StoreAccess } from './status/createSessionRuntime.js'

/** What the hooks reach through an api: the api itself, and the status layer's runtime of a store. */
export interface KitHandle {
  api: InterviewApi<string>
  /** The runtime of a store, if anything created it yet. */
  runtimeFor(store: { getState: () => unknown }): SessionRuntime | undefined
  /** The runtime of a store, created if need be (a middleware added lazily runs only from the next action on). */
  attach(store: StoreAccess): SessionRuntime
  /** Takes a session pushed from elsewhere into a store's caches; the copy the caches go by, if any. */
  receive(store: StoreAccess, session: unknown): InterviewSession | undefined
  /** Whether the api's entries are read again when the window regains focus, and when the browser is back online. */
  revalidate: { focus: boolean; reconnect: boolean }
}

const kits = new WeakMap<object, KitHandle>()

/** Records the status layer of an api created by `createInterviewApi`. */
export function registerKit(kit: KitHandle): void {
  kits.set(kit.api, kit)
}

/** The status layer of `api`; `undefined` for an api `createInterviewApi` did not create. */
export function kitOf(api: object): KitHandle | undefined {
  return kits.get(api)
}
