/**
 * How much work the reader did, in steps: characters a scan visited, tags parsed, elements popped,
 * trie steps taken. Tests pass one in and check that the steps grow linearly with the input, which
 * holds on any machine however busy (timings belong in `npm run bench`). Hot loops count in a
 * local variable and add it here once, so counting costs next to nothing when nobody asks.
 */
export interface WorkCounter {
  steps: number;
}
