// The inputs of the provider router (provider.add/list/remove) and of the catalogue procedures
// (harness.providers, harness.models), composed from the shared provider fields.
import { z } from "zod";
import { providerFields } from "@/shared/harness/provider-fields";

export const addProviderInput = providerFields;

export const removeProviderInput = z.object({ id: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "is too long") });

export const modelsInput = z
  .object({ provider: z.string({ error: "must be a provider name" }).trim().min(1, "must not be empty").max(40, "is too long").optional() })
  .optional();
