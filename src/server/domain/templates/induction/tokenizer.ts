// Tokens of a prompt for induction: runs of letters/digits/underscore and single punctuation
// characters; whitespace separates tokens and is never one, so alignment is whitespace-insensitive
// while offsets still point into the original text (values are cut from it verbatim).

export type Token = { text: string; start: number; end: number };

const TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    out.push({ text: match[0], start, end: start + match[0].length });
  }
  return out;
}

/** Interns token strings as small integers so alignment compares numbers. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  encode(tokens: Token[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokens[i].text);
    return ids;
  }
}

/** A prompt ready for induction: its text, tokens and their ids. */
export type TokenizedPrompt = { text: string; tokens: Token[]; ids: Int32Array };

export function tokenizePrompt(text: string, vocabulary: Vocabulary): TokenizedPrompt {
  const tokens = tokenize(text);
  return { text, tokens, ids: vocabulary.encode(tokens) };
}
