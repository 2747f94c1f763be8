/**
 * A binary min-heap of actors keyed by path length: the frontier of Dijkstra's search. It lives on typed
 * arrays allocated once per workspace, so a sweep over every source allocates nothing per source. An actor
 * may be pushed more than once (a shorter path found later); callers skip the stale copies as they pop.
 */
export class DistanceHeap {
  size = 0;
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;

  /** `capacity` bounds the pushes of one search: one per arc, plus the source. */
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes and returns the actor with the smallest key. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0];
    const size = --this.size;
    const lastKey = keys[size];
    const lastNode = nodes[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= lastKey) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = lastKey;
    nodes[i] = lastNode;
    return top;
  }
}
