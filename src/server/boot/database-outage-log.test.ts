import { expect, test, vi } from "vitest";
import { createDatabaseOutageLog } from "./database-outage-log";

test("one line when the database goes, one when it is back, whoever reports it and however often", () => {
  let t = 0;
  const lines: string[] = [];
  const onReachable = vi.fn();
  const report = createDatabaseOutageLog({ log: (line) => lines.push(line), onReachable, now: () => t });
  report(true);
  const prismaError = new Error("\nInvalid `prisma.capture.findUnique()` invocation:\n\n\nCan't reach database server at 127.0.0.1:5432");
  for (let i = 0; i < 100; i++) report(false, prismaError);
  t = 17_250;
  report(true);
  report(true);
  expect(lines).toEqual([
    "database unreachable (Can't reach database server at 127.0.0.1:5432): proxied calls go on for API keys seen before, their captures wait in the spool",
    "database reachable again after 17.3 s: storing the spooled captures",
  ]);
  expect(onReachable).toHaveBeenCalledTimes(1);
});
