// `target.push(...items)` passes every item as an argument: a long document's tokens (hundreds of
// thousands) overflow the call stack. Induction appends with this loop instead.
export function appendAll<T>(target: T[], items: ArrayLike<T>): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
