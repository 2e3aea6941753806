// The PostgreSQL extensions Promptuary's migrations create, as PGlite loads them.
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";

export const pgliteExtensions = { vector, pg_trgm };
