// The rule for text people read on the site (titles, names, comments, reviews, terms…): it must
// show something, and it may not carry bidirectional controls that reorder how it and the text
// around it display (the "Trojan Source" trick: a title that reads differently from what it is).
// One declaration for the API's field schemas and anything else that needs to ask.
import { z } from "zod";

/** Bidirectional embedding, override and isolate controls: U+202A–U+202E and U+2066–U+2069. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * One character that shows: not white space, not a default-ignorable code point (zero-width
 * space and joiners, word joiner, BOM, soft hyphen, Hangul fillers, variation selectors, tags…),
 * not a control or format character, not a combining mark on its own, not the blank Braille cell.
 */
const VISIBLE_CHARACTER = /[^\s\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\u2800]/u;

export const INVISIBLE_TEXT_MESSAGE = "cannot be made only of invisible characters (zero-width or blank)";
export const BIDI_CONTROL_MESSAGE = "cannot contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)";

export const hasBidiControl = (text: string) => BIDI_CONTROL.test(text);

/** True when the text shows nothing at all; the empty string counts as invisible. */
export const isInvisibleText = (text: string) => !VISIBLE_CHARACTER.test(text);

// Empty and white-space-only text passes the invisible-text rule: whether a field may be empty is
// its schema's own min() or "cannot be empty" decision, with its own message.
const showsSomething = (text: string) => text.trim() === "" || !isInvisibleText(text);

/** A text field people read: refuses text made only of invisible characters and any bidirectional control. */
export function visibleText<T extends z.ZodType<string, string>>(schema: T): T {
  return schema.refine(showsSomething, INVISIBLE_TEXT_MESSAGE).refine((text) => !hasBidiControl(text), BIDI_CONTROL_MESSAGE);
}

/**
 * Only the invisible-text half of the rule, for prompt bodies: they are sent to models verbatim and
 * may legitimately carry directional marks copied from right-to-left text.
 */
export function notInvisibleText<T extends z.ZodType<string, string>>(schema: T): T {
  return schema.refine(showsSomething, INVISIBLE_TEXT_MESSAGE);
}
