// Drain (He, Zhu, Zheng, Lyu: "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS
// 2017), over token lists already masked by mask.ts: lines are routed by their token count, then by
// their first few tokens, to a small leaf of clusters; the most similar cluster there takes the line
// if enough of its tokens agree, and the tokens that differ become `<*>`. No JS library of it is kept
// up (npm has none; Drain3 is Python), and it is small.
//
// Bounded for a watch of hours: at most `maxClusters` clusters. When full, a new cluster first evicts
// the one with the lowest count, and among those the least recently seen: a one-off line (an id the
// masks missed) goes before any error that has recurred, and an old one-off before a fresh one. Kept
// in O(1) per line by count buckets (the LFU of Shah, Mitra, Matani 2010): each bucket is a Set, whose
// insertion order is the order its members were last seen. The tree is pruned as clusters leave, so
// it is bounded too.

export interface DrainOptions {
  /** Levels of the tree counting the root and the token-count level, as in the paper: 4 routes on 2 tokens. */
  depth?: number;
  /** Share of positions that must agree for a line to join a cluster. */
  similarity?: number;
  maxClusters?: number;
  /** Tokens past this many are dropped: the head of a message names the error, and the cost is per token. */
  maxTokens?: number;
  /** Children per tree node; past it, new keys share the `<*>` child (the paper's guard against ids). */
  maxChildren?: number;
}

export const WILDCARD = '<*>';

interface Cluster {
  id: number;
  tokens: string[];
  count: number;
  /** Keys from the root to its leaf, to prune the tree when it is evicted. */
  path: string[];
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: Cluster[];
}

const node = (): TreeNode => ({ children: new Map(), clusters: [] });
const HAS_DIGIT = /\d/;

export class Drain {
  private readonly depth: number;
  private readonly similarity: number;
  private readonly maxClusters: number;
  private readonly maxTokens: number;
  private readonly maxChildren: number;
  private readonly root = node();
  private readonly clusters = new Map<number, Cluster>();
  private readonly buckets = new Map<number, Set<Cluster>>();
  private minCount = 0;
  private nextId = 1;
  private nodes = 1;

  /** `onEvict` hears each cluster id that leaves, so whoever keeps data per cluster can drop it. */
  constructor(
    options: DrainOptions = {},
    private readonly onEvict?: (id: number) => void,
  ) {
    this.depth = Math.max(3, options.depth ?? 4);
    this.similarity = options.similarity ?? 0.5;
    this.maxClusters = Math.max(1, options.maxClusters ?? 500);
    this.maxTokens = options.maxTokens ?? 60;
    this.maxChildren = options.maxChildren ?? 100;
  }

  get size(): number {
    return this.clusters.size;
  }

  /** Nodes in the parse tree, root included: bounded by the clusters held, as eviction prunes. */
  get treeNodes(): number {
    return this.nodes;
  }

  /** Files one line's tokens; returns the id of the cluster that took it (new or existing). */
  add(input: readonly string[]): number {
    const tokens = input.length > this.maxTokens ? input.slice(0, this.maxTokens) : input;
    let { leaf, path } = this.route(tokens);
    const best = this.bestMatch(leaf, tokens);
    if (best) {
      for (let i = 0; i < tokens.length; i++) if (best.tokens[i] !== tokens[i]) best.tokens[i] = WILDCARD;
      this.touch(best);
      return best.id;
    }
    if (this.clusters.size >= this.maxClusters) {
      this.evict();
      // Pruning may have taken the (still empty) leaf just made for this line: find it again.
      ({ leaf, path } = this.route(tokens));
    }
    const c: Cluster = { id: this.nextId++, tokens: [...tokens], count: 1, path };
    leaf.clusters.push(c);
    this.clusters.set(c.id, c);
    this.bucket(1).add(c);
    this.minCount = 1;
    return c.id;
  }

  /** The cluster's template as text, or undefined once it has been evicted. */
  template(id: number): string | undefined {
    return this.clusters.get(id)?.tokens.join(' ');
  }

  private route(tokens: readonly string[]): { leaf: TreeNode; path: string[] } {
    const path = [String(tokens.length)];
    const prefix = Math.min(tokens.length, this.depth - 2);
    for (let i = 0; i < prefix; i++) path.push(tokens[i]!);
    let at = this.root;
    for (let i = 0; i < path.length; i++) {
      // A token with digits is likely a value the masks missed: all such share one branch.
      let key = i > 0 && HAS_DIGIT.test(path[i]!) ? WILDCARD : path[i]!;
      if (!at.children.has(key) && i > 0 && at.children.size >= this.maxChildren) key = WILDCARD;
      path[i] = key;
      let next = at.children.get(key);
      if (!next) {
        at.children.set(key, (next = node()));
        this.nodes++;
      }
      at = next;
    }
    return { leaf: at, path };
  }

  /** The most similar cluster of the leaf (ties: the one with more wildcards), if similar enough. */
  private bestMatch(leaf: TreeNode, tokens: readonly string[]): Cluster | undefined {
    let best: Cluster | undefined;
    let bestSim = -1;
    let bestWild = -1;
    for (const c of leaf.clusters) {
      let same = 0;
      let wild = 0;
      for (let i = 0; i < tokens.length; i++) {
        if (c.tokens[i] === WILDCARD) wild++;
        else if (c.tokens[i] === tokens[i]) same++;
      }
      const sim = tokens.length ? same / tokens.length : 1;
      if (sim > bestSim || (sim === bestSim && wild > bestWild)) [best, bestSim, bestWild] = [c, sim, wild];
    }
    return best && bestSim >= this.similarity ? best : undefined;
  }

  private bucket(count: number): Set<Cluster> {
    let b = this.buckets.get(count);
    if (!b) this.buckets.set(count, (b = new Set()));
    return b;
  }

  private touch(c: Cluster): void {
    const from = this.buckets.get(c.count)!;
    from.delete(c);
    if (from.size === 0) {
      this.buckets.delete(c.count);
      if (this.minCount === c.count) this.minCount = c.count + 1;
    }
    c.count++;
    this.bucket(c.count).add(c);
  }

  /** Only called right before a new cluster (count 1) goes in, which resets `minCount`. */
  private evict(): void {
    const lowest = this.buckets.get(this.minCount)!;
    const victim = lowest.values().next().value!;
    lowest.delete(victim);
    if (lowest.size === 0) this.buckets.delete(this.minCount);
    this.clusters.delete(victim.id);
    this.unlink(victim);
    this.onEvict?.(victim.id);
  }

  /** Removes the cluster from its leaf, then every node on its path left with nothing under it. */
  private unlink(c: Cluster): void {
    const nodes = [this.root];
    for (const key of c.path) nodes.push(nodes.at(-1)!.children.get(key)!);
    const leaf = nodes.at(-1)!;
    leaf.clusters.splice(leaf.clusters.indexOf(c), 1);
    for (let i = nodes.length - 1; i > 0; i--) {
      const n = nodes[i]!;
      if (n.clusters.length || n.children.size) break;
      nodes[i - 1]!.children.delete(c.path[i - 1]!);
      this.nodes--;
    }
  }
}
