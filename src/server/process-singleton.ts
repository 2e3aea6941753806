// One instance per Node process for things that own a resource (database pool, capture recorder,
// view buffer, job dispatcher). Kept on globalThis because Next (Turbopack) may copy a module into
// several chunks, and each copy would otherwise build its own instance.
import "server-only";

const store = globalThis as unknown as { __promptuarySingletons?: Map<string, unknown> };
const instances = (store.__promptuarySingletons ??= new Map<string, unknown>());

/** The process-wide instance named `key`, created by `create` on first use. */
export function processSingleton<T>(key: string, create: () => T): T {
  if (!instances.has(key)) instances.set(key, create());
  return instances.get(key) as T;
}

/** The instance named `key` if one was created, without creating it. */
export function existingSingleton<T>(key: string): T | undefined {
  return instances.get(key) as T | undefined;
}

/** Sets (or with `undefined`, forgets) the instance named `key`, e.g. on shutdown or registration. */
export function replaceSingleton<T>(key: string, value: T | undefined): void {
  if (value === undefined) instances.delete(key);
  else instances.set(key, value);
}
