// A second user searches, finds, likes, rates with a review, comments, follows the author, and
// sees the author's next version in their feed.
import { expect, test } from "@playwright/test";
import { createPrompt, saveVersion, signIn, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);

test("discover a prompt, react to it, follow its author, see their next version", async ({ page, browser }) => {
  // The author (the seeded demo account) publishes a prompt.
  await signIn(page, "demo@example.com", "promptuary-demo");
  const title = `Interview debrief ${stamp}`;
  const url = await createPrompt(page, title, "Summarise the interview with {{candidate}} for the hiring panel.");

  // A second user finds it through search.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signUp(reader, `reader-${stamp}`);
  await reader.goto("/explore");
  await reader.getByLabel("Search prompts").fill(`interview debrief ${stamp}`);
  await reader.getByRole("button", { name: "Search" }).click();
  await reader.getByRole("link", { name: title }).first().click();
  await expect(reader).toHaveURL(url);

  // Like.
  await reader.getByRole("button", { name: /^Like/ }).click();
  await expect(reader.getByRole("button", { name: /^Liked/ })).toBeVisible();
  await expect(reader.getByRole("button", { name: /^Liked/ })).toHaveAttribute("aria-pressed", "true");

  // Rate with a review.
  const ratings = reader.getByRole("region", { name: /^Ratings/ });
  await ratings.getByLabel("4 stars").check();
  await ratings.getByLabel("Review").fill("Clear and fair summaries.");
  await ratings.getByRole("button", { name: "Submit rating" }).click();
  await expect(ratings.getByText("Clear and fair summaries.").first()).toBeVisible();

  // Comment.
  const comments = reader.getByRole("region", { name: /^Comments/ });
  await comments.getByLabel("Add a comment").fill("Could it also score culture fit?");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByText("Could it also score culture fit?")).toBeVisible();

  // Follow the author.
  await reader.getByRole("button", { name: "Follow @demo" }).click();
  await expect(reader.getByRole("button", { name: /Following/ }).first()).toBeVisible();

  // The author ships v2; it shows up in the reader's feed.
  await page.goto(url);
  await saveVersion(page, "Summarise the interview with {{candidate}} for the hiring panel, citing evidence.", `Cite evidence ${stamp}`);
  await reader.goto("/feed");
  await expect(reader.getByRole("heading", { level: 1, name: "Your feed" })).toBeVisible();
  await expect(reader.getByText(`Cite evidence ${stamp}`)).toBeVisible();
  await readerContext.close();
});
