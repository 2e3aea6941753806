import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import * as s from "@/server/domain/prompts/schemas";
import { createPrompt } from "@/server/domain/prompts/create-prompt";
import { forkPrompt } from "@/server/domain/prompts/fork-prompt";
import { getLineage } from "@/server/domain/prompts/lineage";
import { getPromptBySlug, listForks, listPrompts } from "@/server/domain/prompts/prompt-queries";
import { renderVersion } from "@/server/domain/prompts/render-version";
import { updatePrompt } from "@/server/domain/prompts/update-prompt";
import { searchPromptsInMode } from "@/server/domain/prompts/search-by-meaning";
import { similarPrompts } from "@/server/domain/prompts/similar-prompts";
import { archivePrompt, restorePrompt } from "@/server/domain/prompts/archive-prompt";
import { deletePrompt, deletionImpact } from "@/server/domain/prompts/delete-prompt";
import { tagSuggestions } from "@/server/domain/prompts/tag-suggestions";
import { transferPromptInput } from "@/server/domain/orgs/schemas";
import { transferPrompt } from "@/server/domain/orgs/transfer-prompt";

export const promptRouter = createTRPCRouter({
  create: protectedProcedure.input(s.createPromptInput).mutation(({ ctx, input }) => createPrompt(ctx.db, ctx.actor, input, { request: ctx.request })),
  bySlug: publicProcedure.input(s.bySlugInput).query(({ ctx, input }) => getPromptBySlug(ctx.db, ctx.viewer, input.slug)),
  search: publicProcedure.input(s.searchInput.default({ limit: 20 })).query(({ ctx, input }) => searchPromptsInMode(ctx.db, ctx.viewer, input)),
  similar: publicProcedure.input(s.similarInput).query(({ ctx, input }) => similarPrompts(ctx.db, ctx.viewer, input)),
  list: publicProcedure.input(s.listPromptsInput).query(({ ctx, input }) => listPrompts(ctx.db, ctx.viewer, input)),
  update: protectedProcedure.input(s.updatePromptInput).mutation(({ ctx, input }) => updatePrompt(ctx.db, ctx.actor, input, ctx.request)),
  transfer: protectedProcedure.input(transferPromptInput).mutation(({ ctx, input }) => transferPrompt(ctx.db, ctx.actor, input, ctx.request)),
  fork: protectedProcedure.input(s.forkInput).mutation(({ ctx, input }) => forkPrompt(ctx.db, ctx.actor, input, ctx.usage)),
  forks: publicProcedure.input(s.promptPageInput).query(({ ctx, input }) => listForks(ctx.db, ctx.viewer, input)),
  lineage: publicProcedure.input(s.promptIdInput).query(({ ctx, input }) => getLineage(ctx.db, ctx.viewer, input.promptId)),
  render: publicProcedure.input(s.renderInput).query(({ ctx, input }) => renderVersion(ctx.db, ctx.viewer, input, ctx.usage)),
  archive: protectedProcedure.input(s.promptIdInput).mutation(({ ctx, input }) => archivePrompt(ctx.db, ctx.actor, input, ctx.request)),
  restore: protectedProcedure.input(s.promptIdInput).mutation(({ ctx, input }) => restorePrompt(ctx.db, ctx.actor, input, ctx.request)),
  deletionImpact: protectedProcedure.input(s.promptIdInput).query(({ ctx, input }) => deletionImpact(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(s.promptIdInput).mutation(({ ctx, input }) => deletePrompt(ctx.db, ctx.actor, input)),
  tagSuggestions: publicProcedure.input(s.tagSuggestionsInput).query(({ ctx, input }) => tagSuggestions(ctx.db, input)),
});
