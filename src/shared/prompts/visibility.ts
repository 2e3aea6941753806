// Who can see a prompt, declared once: the API's enum and the words the forms and badges use.

export const VISIBILITIES = {
  public: { label: "Public", hint: "Listed in Explore and on your profile." },
  unlisted: { label: "Unlisted", hint: "Anyone with the link can open it; not listed anywhere." },
  private: { label: "Private", hint: "Only you can see it." },
  members: { label: "Members", hint: "Only members of the organisation that owns it can see it." },
} as const satisfies Record<string, { label: string; hint: string }>;

export type Visibility = keyof typeof VISIBILITIES;
export const VISIBILITY_NAMES = Object.keys(VISIBILITIES) as [Visibility, ...Visibility[]];
/** "members" needs an organisation to be a member of: personal prompts choose among the others. */
export const PERSONAL_VISIBILITY_NAMES = VISIBILITY_NAMES.filter((v) => v !== "members");
