// Collections and favourites in a real browser: make a public collection, add prompts to it from their
// pages (one pinned to a version), reorder it by keyboard and by drag and drop (each move announced and
// saved), favourite a prompt that is in no collection, choose the collection for tools — then, with an
// API key made in Settings, connect the MCP SDK's own Client over Streamable HTTP to /api/mcp and see
// the favourite and the collection's prompts in prompts/list, and not a prompt that was chosen for neither.
// A second journey: someone follows a public collection and sees what is added to it in their feed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page } from "@playwright/test";
import { createPrompt, signUp } from "./support/accounts";

const stamp = Date.now().toString(36);
const slugOf = (url: string) => new URL(url).pathname.replace(/^\/p\//, "");

async function addToCollection(page: Page, promptUrl: string, collection: string, opts: { pin?: boolean } = {}) {
  await page.goto(promptUrl);
  await page.getByRole("button", { name: "Add to collection" }).click();
  const dialog = page.getByRole("dialog", { name: "Add to a collection" });
  if (opts.pin) await dialog.getByRole("radio", { name: /Pin to v1/ }).check();
  await dialog.getByRole("checkbox", { name: new RegExp(collection) }).check();
  await expect(dialog.getByText(`Added to "${collection}"${opts.pin ? ", pinned to v1" : ""}.`)).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: new RegExp(collection) })).toBeChecked();
  await dialog.getByRole("button", { name: "Close" }).click();
}

const itemTitles = (page: Page) => page.getByRole("list", { name: "Prompts in this collection" }).getByRole("heading", { level: 3 }).allInnerTexts();

test("make a collection, reorder it, favourite a prompt, and see both over MCP", async ({ page, baseURL }) => {
  const handle = `curator${stamp}`;
  await signUp(page, handle);
  const titles = ["Alpha", "Bravo", "Charlie"].map((t) => `${t} brief ${stamp}`);
  const urls: string[] = [];
  for (const [i, title] of titles.entries()) urls.push(await createPrompt(page, title, `Write a ${["short", "long", "formal"][i]} brief about {{topic}}.`));
  const favouriteUrl = await createPrompt(page, `Favourite only ${stamp}`, "Summarise {{text}} in three bullets.");
  const unchosenUrl = await createPrompt(page, `Chosen for nothing ${stamp}`, "Translate {{text}}.");

  // A public collection, from its own form.
  const collection = `Launch kit ${stamp}`;
  await page.goto("/collections");
  await page.getByRole("link", { name: "New collection" }).click();
  await page.getByLabel("Title").fill(collection);
  await page.getByLabel("Description").fill("Everything we use on launch day.");
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: collection })).toBeVisible();
  await expect(page.getByText("No prompts here yet")).toBeVisible();
  const collectionUrl = page.url();

  // Add the three prompts from their pages; Bravo pinned to its v1.
  await addToCollection(page, urls[0], collection);
  await addToCollection(page, urls[1], collection, { pin: true });
  await addToCollection(page, urls[2], collection);

  await page.goto(collectionUrl);
  expect(await itemTitles(page)).toEqual(titles);
  await expect(page.getByText("Pinned v1")).toBeVisible();
  await expect(page.getByText("production · v1")).toHaveCount(2);

  // Keyboard: focus Charlie's handle and move it up; the move is announced and saved.
  const charlieHandle = page.getByRole("button", { name: new RegExp(`^Reorder "${titles[2]}"`) });
  await charlieHandle.focus();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("status")).toHaveText(`Moved "${titles[2]}" to position 2 of 3.`);
  expect(await itemTitles(page)).toEqual([titles[0], titles[2], titles[1]]);
  await expect(page.getByText("Saving the order…")).toBeHidden();
  await page.reload();
  expect(await itemTitles(page)).toEqual([titles[0], titles[2], titles[1]]);

  // Drag and drop: Bravo (last) by its handle onto the first row.
  const rows = page.getByTestId("collection-item");
  await page.getByRole("button", { name: new RegExp(`^Reorder "${titles[1]}"`) }).dragTo(rows.first());
  await expect(page.getByRole("status")).toHaveText(`Moved "${titles[1]}" to position 1 of 3.`);
  expect(await itemTitles(page)).toEqual([titles[1], titles[0], titles[2]]);
  await expect(page.getByText("Saving the order…")).toBeHidden();
  await page.reload();
  expect(await itemTitles(page)).toEqual([titles[1], titles[0], titles[2]]);

  // The move buttons do the same.
  await page.getByRole("button", { name: `Move "${titles[0]}" down` }).click();
  await expect(page.getByRole("status")).toHaveText(`Moved "${titles[0]}" to position 3 of 3.`);
  await expect(page.getByText("Saving the order…")).toBeHidden();
  await page.reload();
  expect(await itemTitles(page)).toEqual([titles[1], titles[2], titles[0]]);

  // Choose the collection for tools.
  const tools = page.getByRole("switch", { name: "Use in my tools" });
  await tools.click();
  await expect(tools).toHaveAttribute("aria-checked", "true");
  await page.reload();
  await expect(page.getByRole("switch", { name: "Use in my tools" })).toHaveAttribute("aria-checked", "true");

  // Favourite a prompt that is in no collection; it shows on the Favourites page with its count.
  await page.goto(favouriteUrl);
  const star = page.getByRole("button", { name: /^Favourite \(0\)$/ });
  await star.click();
  await expect(page.getByRole("button", { name: /^Favourited \(1\)$/ })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("button", { name: /^Favourited \(1\)$/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Favourites" }).click();
  const favourites = page.getByRole("list", { name: "Your favourite prompts" });
  await expect(favourites.getByRole("link", { name: `Favourite only ${stamp}` })).toBeVisible();
  await expect(favourites.getByTitle("1 favourite")).toBeVisible();

  // The collection is on the profile.
  await page.goto(`/u/${handle}`);
  await expect(page.getByRole("list", { name: "Your collections" }).getByRole("link", { name: collection })).toBeVisible();

  // An API key made in the browser (read scope only).
  await page.goto("/settings");
  await page.getByLabel("Key name").fill("editor");
  for (const scope of ["Write", "Proxy", "Admin"]) await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("region", { name: "New API key" })).toContainText("Key “editor” created");
  const key = await page.locator("#api-key-value").inputValue();
  expect(key).toMatch(/^pq_/);

  // The MCP SDK's own client over Streamable HTTP sees the favourite and the collection's prompts.
  const client = new Client({ name: "promptuary-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  try {
    const names = (await client.listPrompts()).prompts.map((p) => p.name);
    for (const url of [...urls, favouriteUrl]) expect(names).toContain(slugOf(url));
    expect(names).not.toContain(slugOf(unchosenUrl));
    // The pinned item serves its pinned version, with the version's variable as an argument.
    const bravo = (await client.listPrompts()).prompts.find((p) => p.name === slugOf(urls[1]));
    expect(bravo?.arguments?.map((a) => a.name)).toEqual(["topic"]);
  } finally {
    await client.close();
  }
});

test("follow a public collection and see what is added to it in the feed", async ({ page, browser }) => {
  const curator = `shelver${stamp}`;
  await signUp(page, curator);
  const title = `Weekly pick ${stamp}`;
  const promptUrl = await createPrompt(page, title, "Give me three ideas about {{topic}}.");
  const collection = `Picks of the week ${stamp}`;
  await page.goto("/collections/new");
  await page.getByLabel("Title").fill(collection);
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: collection })).toBeVisible();
  const collectionUrl = page.url();

  // Someone else follows it; they may read it but not reorder or edit it.
  const other = await browser.newContext();
  const fan = await other.newPage();
  await signUp(fan, `fan${stamp}`);
  await fan.goto(collectionUrl);
  await expect(fan.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await fan.getByRole("button", { name: /^Follow/ }).click();
  await expect(fan.getByRole("button", { name: /^Following/ })).toHaveAttribute("aria-pressed", "true");
  await expect(fan.getByRole("button", { name: /^Following/ })).toContainText("1");

  // The curator adds a prompt; it shows in the fan's feed, linking both.
  await addToCollection(page, promptUrl, collection);
  await fan.goto("/feed");
  const updates = fan.getByRole("list", { name: "Collection updates" });
  await expect(updates.getByRole("listitem").first()).toContainText(`${title} was added to ${collection}`);
  await expect(updates.getByRole("link", { name: collection })).toHaveAttribute("href", new URL(collectionUrl).pathname);
  await fan.goto(collectionUrl);
  await expect(fan.getByTestId("collection-item")).toHaveCount(1);
  await expect(fan.getByRole("button", { name: /^Reorder/ })).toHaveCount(0);

  // Unfollowed, the feed no longer shows it.
  await fan.getByRole("button", { name: /^Following/ }).click();
  await expect(fan.getByRole("button", { name: /^Follow\b/ })).toHaveAttribute("aria-pressed", "false");
  await fan.goto("/feed");
  await expect(fan.getByRole("list", { name: "Collection updates" })).toHaveCount(0);
  await other.close();
});
