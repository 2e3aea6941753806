import { createTRPCRouter, protectedProcedure } from "../trpc";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "@/server/domain/notifications/notification-queries";
import { listNotificationsInput, markReadInput } from "@/server/domain/notifications/schemas";

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure.input(listNotificationsInput.default({ limit: 20 })).query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.actor)),
  markRead: protectedProcedure.input(markReadInput).mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
});
