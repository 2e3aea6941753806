// Lets a domain function that opens its own transaction (`db.$transaction(fn)`) run inside one that
// is already open, so its writes commit or roll back with the caller's. Prisma's nested
// transactions need savepoints, which the PGlite adapter does not implement.
import type { Db, Tx } from "./prisma";

export function joinTransaction(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === "$transaction") {
        return (fn: unknown) => {
          if (typeof fn !== "function") throw new Error("joinTransaction supports only interactive transactions");
          return fn(target);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  }) as unknown as Db;
}
