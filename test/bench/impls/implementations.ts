import type { BenchImplementation } from './BenchImplementation'
import { ours } from './ours'
import { rtkPattern } from './rtkPattern/rtkPattern'
import { tanstackPattern } from './tanstackPattern/tanstackPattern'

/** The three implementations, in table column order. */
export const implementations: readonly BenchImplementation[] = [ours, rtkPattern, tanstackPattern]
