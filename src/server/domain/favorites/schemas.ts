// API inputs of the favourite router.
import { z } from "zod";
import { idSchema } from "../ids";
import { paginationSchema } from "../pagination";

export const favoriteRefInput = z.object({ promptId: idSchema });
export const favoriteListInput = paginationSchema.extend({});
