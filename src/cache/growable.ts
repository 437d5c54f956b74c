/** Append-only typed arrays: the index builder writes tens of millions of postings without JS arrays. */

type TypedArray = Int32Array | Uint32Array | Uint16Array | Float64Array;
type Ctor<T extends TypedArray> = { new (length: number): T };

export class Growable<T extends TypedArray> {
  #data: T;
  length = 0;

  constructor(
    private readonly ctor: Ctor<T>,
    capacity = 1024,
  ) {
    this.#data = new ctor(capacity);
  }

  push(v: number): void {
    if (this.length === this.#data.length) this.#grow(this.length + 1);
    this.#data[this.length++] = v;
  }

  get(i: number): number {
    return i < this.length ? (this.#data[i] as number) : 0;
  }

  /** Sets element i, growing (zero-filled) when i is past the end. */
  set(i: number, v: number): void {
    if (i >= this.#data.length) this.#grow(i + 1);
    this.#data[i] = v;
    if (i >= this.length) this.length = i + 1;
  }

  /** The filled part, trimmed to length (a copy, so the spare capacity can be freed). */
  toArray(): T {
    return this.#data.slice(0, this.length) as T;
  }

  #grow(min: number): void {
    const next = new this.ctor(Math.max(min, this.#data.length * 2));
    next.set(this.#data as never);
    this.#data = next;
  }
}
