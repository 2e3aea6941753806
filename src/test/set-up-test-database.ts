import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-db";

/** A fresh migrated database for the calling test file, opened before its tests and closed after. */
export function setUpTestDatabase(): Pick<TestDatabase, "db" | "kind"> {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
  });
  afterAll(async () => {
    await current?.close();
  });
  const open = () => {
    if (!current) throw new Error("the test database is only open inside tests and hooks");
    return current;
  };
  return {
    get db() {
      return open().db;
    },
    get kind() {
      return open().kind;
    },
  };
}
