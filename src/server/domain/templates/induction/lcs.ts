// Longest common subsequence of two token-id sequences, as the matched index pairs. The common
// prefix and suffix are matched first (templated prompts share long constant ends), so the
// quadratic table only covers the part in between.

export type Pair = [number, number];

export function lcsPairs(a: ArrayLike<number>, b: ArrayLike<number>): Pair[] {
  const m = a.length;
  const n = b.length;
  let head = 0;
  while (head < m && head < n && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < m - head && tail < n - head && a[m - 1 - tail] === b[n - 1 - tail]) tail++;

  const pairs: Pair[] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const rows = m - head - tail;
  const cols = n - head - tail;
  if (rows > 0 && cols > 0) {
    const width = cols + 1;
    const table = new Int32Array((rows + 1) * width);
    for (let i = 1; i <= rows; i++) {
      const ai = a[head + i - 1];
      const row = i * width;
      const prev = row - width;
      for (let j = 1; j <= cols; j++) {
        if (ai === b[head + j - 1]) table[row + j] = table[prev + j - 1] + 1;
        else {
          const up = table[prev + j];
          const left = table[row + j - 1];
          table[row + j] = up >= left ? up : left;
        }
      }
    }
    const middle: Pair[] = [];
    let i = rows;
    let j = cols;
    while (i > 0 && j > 0) {
      if (a[head + i - 1] === b[head + j - 1]) {
        middle.push([head + i - 1, head + j - 1]);
        i--;
        j--;
      } else if (table[(i - 1) * width + j] >= table[i * width + j - 1]) i--;
      else j--;
    }
    for (let k = middle.length - 1; k >= 0; k--) pairs.push(middle[k]);
  }
  for (let t = tail; t > 0; t--) pairs.push([m - t, n - t]);
  return pairs;
}
