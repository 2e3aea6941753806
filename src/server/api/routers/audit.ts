// The audit log: browse (list), export as CSV, and what the viewer may browse (scope). Site admins
// read every entry; an organisation's admins and owners read theirs (the domain decides).
import { auditScope, listAuditEntries } from "@/server/domain/audit-log/audit-queries";
import { exportAuditCsv } from "@/server/domain/audit-log/audit-csv";
import { auditExportInput, auditListInput } from "@/server/domain/audit-log/audit-schemas";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: protectedProcedure.input(auditListInput).query(({ ctx, input }) => listAuditEntries(ctx.db, ctx.actor, input, ctx.request)),
  export: protectedProcedure.input(auditExportInput).query(({ ctx, input }) => exportAuditCsv(ctx.db, ctx.actor, input, ctx.request)),
  scope: protectedProcedure.query(({ ctx }) => auditScope(ctx.db, ctx.actor)),
});
