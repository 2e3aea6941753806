// Token estimate for calls whose provider sent no usage: about four characters per token.
export function estimateTokens(text: string | null | undefined): number {
  if (!text) return 0;
  return Math.ceil(text.length / 4);
}
