// Evidence on a listing, end to end: a seller puts a paid prompt on sale, runs it through the real
// test harness against two models of the fake provider (the "fake" provider of playwright.config.ts),
// attaches the run to the listing from their listing panel, and a buyer (another account) sees the
// evidence panel — models, pass rate, median cost and latency, sample outputs — without the body,
// even though the fake models echo the start of their prompt. The Market card says it too.
import { expect, test } from "@playwright/test";
import { FAKE_MODELS_PORT } from "../playwright.config";
import { startFakeModelProvider } from "../src/test/fake-model-provider";
import { createPrompt, signUp } from "./support/accounts";

let fake: Awaited<ReturnType<typeof startFakeModelProvider>>;
test.beforeAll(async () => {
  fake = await startFakeModelProvider({ port: FAKE_MODELS_PORT });
});
test.afterAll(() => fake?.close());

test("a seller attaches a harness run to their listing and a buyer sees the evidence", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const secret = `Quokka-${stamp} ledger doctrine`;
  const title = `Ledger summariser ${stamp}`;

  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  await signUp(seller, `ev-seller-${stamp}`);
  const promptUrl = await createPrompt(seller, title, `You follow the ${secret} strictly. Summarise {{topic}} for a busy reader.`);

  // On sale for $9: the body is for licensees.
  await seller.getByRole("button", { name: "Sell this prompt" }).click();
  await seller.getByLabel("Price").fill("9.00");
  await seller.getByRole("button", { name: "Save listing" }).click();
  await seller.getByRole("button", { name: "Put on sale for $9.00" }).click();
  const manager = seller.getByTestId("evidence-manager");
  await expect(manager.getByText(/No runs yet/)).toBeVisible();

  // A real run through the harness: two models, one check each passes and one each fails.
  await seller.goto(`${promptUrl}?tab=test`);
  const panel = seller.getByRole("region", { name: "Try it" }).getByRole("tabpanel", { name: "Test with models" });
  await panel.getByLabel("topic").fill("the quarterly ledger");
  const fakeGroup = panel.getByRole("group", { name: /fake/ });
  await fakeGroup.getByLabel(/gpt-4o-mini/).check();
  await fakeGroup.getByLabel(/gpt-4\.1-nano/).check();
  await panel.getByLabel("Assertion 1 text").fill("says");
  await panel.getByRole("button", { name: "Add assertion" }).click();
  await panel.getByLabel("Assertion 2 type").selectOption("not-contains");
  await panel.getByLabel("Assertion 2 text").fill("ledger");
  await panel.getByRole("button", { name: "Run on 2 models" }).click();
  await expect(panel.getByTestId("run-summary")).toContainText("2/4 checks passed");

  // The seller attaches it from their listing panel.
  await seller.reload();
  const candidate = manager.getByTestId("evidence-candidate");
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText("fake/gpt-4o-mini, fake/gpt-4.1-nano");
  await expect(candidate).toContainText("50% pass");
  await candidate.getByRole("button", { name: /^Attach run/ }).click();
  await expect(candidate).toHaveAttribute("data-attached", "true");
  await expect(candidate.getByText("Shown to buyers")).toBeVisible();
  // The seller sees what buyers will see.
  await expect(seller.getByTestId("evidence-panel").getByRole("heading", { name: "Tested on 2 models" })).toBeVisible();

  // A buyer (another account) sees the evidence on the listing.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await signUp(buyer, `ev-buyer-${stamp}`);
  await buyer.goto(promptUrl);
  const evidence = buyer.getByTestId("evidence-panel");
  await expect(evidence.getByRole("heading", { name: "Tested on 2 models" })).toBeVisible();
  await expect(evidence.getByTestId("evidence-model")).toHaveCount(2);
  await expect(evidence.getByTestId("evidence-model").first()).toContainText("gpt-4o-mini");
  await expect(evidence.getByTestId("evidence-model").first()).toContainText("1/2 checks passed");
  await expect(evidence.getByRole("meter", { name: "Pass rate on gpt-4o-mini" })).toHaveAttribute("aria-valuenow", "50");
  await expect(evidence.getByText("current version")).toBeVisible();
  await expect(evidence.getByTestId("evidence-model").first().getByText("Median cost")).toBeVisible();
  await expect(evidence.getByTestId("evidence-model").first()).toContainText(/Median latency\s*\d+(\.\d+)? (ms|s)/);
  // What was checked, over both models: every answer contains "says", none avoids "ledger".
  await expect(evidence.getByText("contains “says”", { exact: true }).locator("..")).toContainText("100%");
  await expect(evidence.getByText("does not contain “ledger”", { exact: true }).locator("..")).toContainText("0%");

  // Sample outputs open on request; the echoed start of the paid body is withheld.
  const sample = evidence.getByTestId("evidence-sample").first();
  await sample.locator("summary").click();
  await expect(sample).toContainText("gpt-4o-mini says:");
  await expect(sample).toContainText("[prompt text withheld]");
  expect(await buyer.content()).not.toContain(secret);

  // The Buy box and the Market card say it in one line.
  await expect(buyer.getByTestId("evidence-line").first()).toContainText("Tested on 2 models · 50% pass");
  await buyer.goto("/market");
  const card = buyer.getByRole("article").filter({ hasText: title });
  await expect(card.getByTestId("evidence-line")).toContainText("Tested on 2 models · 50% pass");

  // Detached, the evidence leaves the listing.
  await seller.reload();
  await manager.getByTestId("evidence-candidate").getByRole("button", { name: /^Detach run/ }).click();
  await expect(manager.getByTestId("evidence-candidate")).toHaveAttribute("data-attached", "false");
  await buyer.goto(promptUrl);
  await expect(buyer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(buyer.getByTestId("evidence-panel")).toHaveCount(0);

  await sellerContext.close();
  await buyerContext.close();
});
