/**
 * A map that forgets its oldest entries past `limit`: for what must be remembered a while but never grow without
 * bound (what other tabs said, sessions no entry holds any more).
 */
export class BoundedMap<V> {
  readonly #items = new Map<string, V>()
  constructor(readonly limit = 500) {}
  get(key: string): V | undefined {
    return this.#items.get(key)
  }
  set(key: string, value: V): void {
    this.#items.delete(key)
    this.#items.set(key, value)
    if (this.#items.size > this.limit) this.#items.delete(this.#items.keys().next().value as string)
  }
  has(key: string): boolean {
    return this.#items.has(key)
  }
  delete(key: string): void {
    this.#items.delete(key)
  }
}
