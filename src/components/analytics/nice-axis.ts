// A value axis with round ticks (1, 2 or 5 × 10ⁿ apart, about four of them) from zero (or below it,
// for a refund that outweighed a bucket's sales) to just above the largest value; `minTop` keeps an
// empty or tiny chart from showing a 0–1 axis.
export function niceTicks(max: number, minTop: number, min = 0, count = 4): number[] {
  const top = Math.max(max, minTop);
  const bottom = Math.min(0, min);
  const raw = (top - bottom) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((k) => k * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(bottom / step) * step; v < top + step; v += step) ticks.push(v);
  return ticks;
}
