// Discovery and polish in a real browser: a misspelt search from the header box finds the research
// prompts and says what it searched; Explore's URLs keep every filter and carry no empty ones;
// the theme toggle turns the page dark and the choice survives a reload (and "system" follows the
// OS); at phone width the menu button opens the header links.
import { expect, test, type Page } from "@playwright/test";

/** The page's background luminance, 0 (black) to 1 (white): its computed colour painted on a canvas and read back as sRGB. */
async function backgroundLightness(page: Page) {
  const [r, g, b] = await page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  });
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test("a misspelt search in the header finds the research prompts and suggests the right word", async ({ page }) => {
  await page.goto("/market");
  const search = page.getByRole("banner").getByRole("searchbox", { name: "Search Promptuary" });
  await search.fill("reserch");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/explore\?q=reserch$/);

  const results = page.getByRole("list", { name: "Search results" });
  // The Research category's prompts are among the results (none of them says "reserch").
  await expect(results.getByRole("link", { name: "Research", exact: true }).first()).toBeVisible();
  expect(await results.getByRole("link", { name: "Research", exact: true }).count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("explore-summary")).toContainText(/\d+ prompts? matching “research”/);

  const didYouMean = page.getByRole("status").filter({ hasText: "Did you mean" });
  await expect(didYouMean).toContainText("Nothing matched “reserch” as typed. Did you mean research?");
  await didYouMean.getByRole("link", { name: "research" }).click();
  await expect(page).toHaveURL(/\/explore\?q=research$/);
  await expect(page.getByRole("status").filter({ hasText: "Did you mean" })).toHaveCount(0);
});

test("explore keeps every filter when the sort or category changes, leaves empty ones out, and explains Top rated", async ({ page }) => {
  await page.goto("/explore?q=prompt&tag=");
  await expect(page).toHaveURL(/\/explore\?q=prompt&tag=$/);
  const form = page.getByRole("search", { name: "Search and filter prompts" });
  await form.getByLabel("Sort").selectOption("top_rated");
  await expect(page).toHaveURL(/\/explore\?q=prompt&sort=top_rated$/);
  await expect(page.getByTestId("top-rated-rule")).toContainText("3 imaginary 3-star ratings");
  await expect(page.getByText(/^Score \d\.\d\d/).first()).toBeVisible();

  // The chips and the select are one state.
  await page.getByRole("navigation", { name: "Filter by category" }).getByRole("link", { name: "Writing" }).click();
  await expect(page).toHaveURL(/\/explore\?q=prompt&category=writing&sort=top_rated$/);
  await expect(form.getByLabel("Category")).toHaveValue("writing");
  await form.getByLabel("Category").selectOption("");
  await expect(page).toHaveURL(/\/explore\?q=prompt&sort=top_rated$/);
  await expect(page.getByRole("navigation", { name: "Filter by category" }).getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("explore-summary")).toContainText(/\d+ prompts? matching “prompt”/);

  // Pages keep the filters and go both ways.
  await page.goto("/explore?sort=most_liked");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/explore\?sort=most_liked&cursor=/);
  const secondPage = await page.getByRole("list", { name: "Prompts" }).getByRole("heading").first().innerText();
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page.getByRole("link", { name: "Next page" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Prompts" }).getByRole("heading").first()).not.toHaveText(secondPage);
  await expect(page).toHaveURL(/sort=most_liked/);
});

test("the theme toggle turns the page dark, the choice survives a reload, and System follows the OS", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/explore");
  expect(await backgroundLightness(page)).toBeGreaterThan(0.8);

  await page.getByRole("banner").getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("banner").getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await backgroundLightness(page)).toBeLessThan(0.3);

  // The server renders the class itself, so the first paint is already dark.
  const response = await page.reload();
  expect(await response!.text()).toMatch(/<html[^>]*class="dark"/);
  expect(await backgroundLightness(page)).toBeLessThan(0.3);
  await expect(page.getByRole("banner").getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

  // System: follows prefers-color-scheme, also after a reload.
  await page.getByRole("banner").getByRole("button", { name: "System theme" }).click();
  expect(await backgroundLightness(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  expect(await backgroundLightness(page)).toBeLessThan(0.3);

  await page.getByRole("banner").getByRole("button", { name: "Light theme" }).click();
  await page.reload();
  expect(await backgroundLightness(page)).toBeGreaterThan(0.8);
});

test("at 390 px the menu button opens the header links", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/");
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const menu = page.getByRole("button", { name: "Open menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Market" }).click();
  await expect(page).toHaveURL(/\/market$/);
  await expect(page.getByRole("heading", { level: 1, name: "Market" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();

  // The search box is in the menu too.
  await page.getByRole("button", { name: "Open menu" }).click();
  const search = page.getByRole("banner").getByRole("searchbox", { name: "Search Promptuary" });
  await search.fill("agent");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/explore\?q=agent$/);
  await context.close();
});
