// The license types a listing can carry, declared once: the API's enum, the standard terms and
// every label the pages show are read from this table, so a new type is one more entry here.

export const LICENSE_TYPES = {
  personal: {
    label: "Personal",
    /** One line on who may use the prompt (the full text is in the terms). */
    summary: "One person, in their own projects and client work.",
    defaultTerms:
      "Personal license: one person may use this prompt in their own projects, including paid client work they do themselves. You may adapt it. You may not resell, share or publish the prompt text.",
  },
  commercial: {
    label: "Commercial",
    summary: "One organisation, in its products and services.",
    defaultTerms:
      "Commercial license: one organisation may use this prompt in its products and services, including customer-facing software. You may adapt it. You may not resell, share or publish the prompt text.",
  },
  team: {
    label: "Team",
    summary: "Up to 25 members of one organisation.",
    defaultTerms:
      "Team license: up to 25 members of one organisation may use this prompt in their work and in the organisation's products. You may adapt it. You may not resell, share or publish the prompt text outside the team.",
  },
} as const satisfies Record<string, { label: string; summary: string; defaultTerms: string }>;

export type LicenseType = keyof typeof LICENSE_TYPES;
export const LICENSE_TYPE_NAMES = Object.keys(LICENSE_TYPES) as [LicenseType, ...LicenseType[]];

/** "a personal license" / "a commercial license". */
export const licenseTypePhrase = (type: LicenseType) => `a ${LICENSE_TYPES[type].label.toLowerCase()} license`;
