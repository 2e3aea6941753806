// The list of background functions, handed to the Inngest serve route (and to the in-process runner)
// by the composition root. None exist yet: the first arrive with the capture proxy.
import type { InngestFunction } from "inngest";

export const functions: InngestFunction.Any[] = [];
