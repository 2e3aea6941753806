// Runs in the browser before the app becomes interactive (Next's file convention).
import { config } from "zod";

// Zod probes whether it may compile validators with `new Function`; under the pages'
// Content-Security-Policy (no 'unsafe-eval', src/server/http/security-headers.ts) that probe is a
// reported violation. Validate without compiling instead.
config({ jitless: true });
