/**
 * The frontier of Dijkstra's search: a 4-ary min-heap of actors keyed by path length, holding each actor
 * at most once, so a shorter path found later moves the actor up where it is (decrease-key) instead of
 * adding a copy. It lives on typed arrays of n entries allocated once per workspace and is empty after
 * every search, so a sweep over every source allocates nothing per source. Four children per node halve
 * the depth of a binary heap; on the benchmark graph that made weighted betweenness 10% faster.
 */
export class DistanceHeap {
  size = 0;
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;

  /** `actors`: the number of actors of the network (ids 0 .. actors - 1). */
  constructor(actors: number) {
    this.keys = new Float64Array(actors);
    this.nodes = new Int32Array(actors);
    this.position = new Int32Array(actors).fill(-1);
  }

  /** Puts `node` in with `key`, or lowers its key if it is in already (the key must not rise). */
  set(node: number, key: number): void {
    const { keys, nodes, position } = this;
    let i = position[node];
    if (i < 0) i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (keys[parent] <= key) break;
      const moved = nodes[parent];
      keys[i] = keys[parent];
      nodes[i] = moved;
      position[moved] = i;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
    position[node] = i;
  }

  /** Removes and returns the actor with the smallest key. */
  pop(): number {
    const { keys, nodes, position } = this;
    const top = nodes[0];
    position[top] = -1;
    const size = --this.size;
    if (size === 0) return top;
    const lastKey = keys[size];
    const lastNode = nodes[size];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      let child = first;
      let best = keys[first];
      const last = first + 4 < size ? first + 4 : size;
      for (let c = first + 1; c < last; c++) {
        if (keys[c] < best) {
          best = keys[c];
          child = c;
        }
      }
      if (best >= lastKey) break;
      const moved = nodes[child];
      keys[i] = best;
      nodes[i] = moved;
      position[moved] = i;
      i = child;
    }
    keys[i] = lastKey;
    nodes[i] = lastNode;
    position[lastNode] = i;
    return top;
  }
}
