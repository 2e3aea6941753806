// The marketplace in the production server: a seller lists a prompt, a buyer sees it locked, pays
// through Checkout on a Stripe-compatible fake (the real stripe SDK talks to it; its checkout page
// sends a signed webhook and returns the buyer to the success page), the body unlocks and the prompt
// is in the buyer's Library; the seller's dashboard shows the sale; a refund locks it again.
import { expect, test } from "@playwright/test";
import { FAKE_STRIPE_PORT, STRIPE_WEBHOOK_SECRET } from "../playwright.config";
import { startFakeStripe, type FakeStripe } from "../src/test/fake-stripe";
import { createPrompt, signUp } from "./support/accounts";

let stripe: FakeStripe;
test.beforeAll(async ({ baseURL }) => {
  stripe = await startFakeStripe({ port: FAKE_STRIPE_PORT, webhookSecret: STRIPE_WEBHOOK_SECRET, webhookUrl: `${baseURL}/api/stripe/webhook` });
});
test.afterAll(async () => {
  await stripe?.close();
});

test("a buyer pays for a prompt through Stripe Checkout and it unlocks; a refund locks it again", async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const secretPhrase = `zebra-${stamp} keeps the ledger`;
  const title = `Ledger keeper ${stamp}`;

  // The seller publishes a prompt and puts it on sale.
  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  await signUp(seller, `seller-${stamp}`);
  const promptUrl = await createPrompt(seller, title, `You are a bookkeeper: ${secretPhrase}. Summarise {{transactions}}.`);
  await seller.getByRole("button", { name: "Sell this prompt" }).click();
  await seller.getByLabel("Price").fill("12.00");
  await seller.getByRole("button", { name: "Save listing" }).click();
  await seller.getByRole("button", { name: "Put on sale for $12.00" }).click();
  await expect(seller.getByText(/Listing created|On sale/i).first()).toBeVisible();

  // A buyer sees the listing but not the body.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await signUp(buyer, `buyer-${stamp}`);
  await buyer.goto(promptUrl);
  await expect(buyer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(buyer.getByText("Buy a license to see the full prompt").first()).toBeVisible();
  await expect(buyer.getByText(secretPhrase)).toHaveCount(0);
  expect(await buyer.content()).not.toContain(secretPhrase);

  // Checkout: Stripe's page (the fake) takes payment, tells the app and sends the buyer back.
  await buyer.getByRole("button", { name: "Buy for $12.00" }).click();
  await buyer.waitForURL(/\/checkout\/success\?session_id=cs_test_/);
  await expect(buyer.getByText(/You're licensed|You’re licensed/)).toBeVisible();
  expect(stripe.delivered).toEqual([{ type: "checkout.session.completed", status: 200 }]);
  const sessionId = new URL(buyer.url()).searchParams.get("session_id")!;

  await buyer.getByRole("link", { name: "Open the prompt" }).click();
  await expect(buyer.getByText(secretPhrase).first()).toBeVisible();

  await buyer.goto("/library");
  await expect(buyer.getByRole("heading", { name: "Library" })).toBeVisible();
  await expect(buyer.getByRole("link", { name: title })).toBeVisible();
  await expect(buyer.getByText(/PQL-[A-Z2-9]{4}-/).first()).toBeVisible();

  // The seller's dashboard shows the sale: $12.00 gross, 20% fee, $9.60 net.
  await seller.goto("/dashboard/sales");
  await expect(seller.getByRole("heading", { name: "Sales" })).toBeVisible();
  await expect(seller.getByText("$12.00").first()).toBeVisible();
  await expect(seller.getByText("$9.60").first()).toBeVisible();
  await expect(seller.getByRole("cell", { name: title })).toBeVisible();

  // A forged webhook is refused; the refund (signed) revokes the license and hides the body again.
  const forged = await buyer.request.post(`${baseURL}/api/stripe/webhook`, {
    headers: { "stripe-signature": "t=1,v1=forged", "content-type": "application/json" },
    data: JSON.stringify(stripe.refund(sessionId)),
  });
  expect(forged.status()).toBe(400);
  const refund = await stripe.deliver(stripe.refund(sessionId));
  expect(refund.status).toBe(200);
  await buyer.goto(promptUrl);
  await expect(buyer.getByText("Buy a license to see the full prompt").first()).toBeVisible();
  expect(await buyer.content()).not.toContain(secretPhrase);
  await buyer.goto("/library");
  await expect(buyer.getByText(/Revoked/i).first()).toBeVisible();

  await sellerContext.close();
  await buyerContext.close();
});

test("a seller types a price with a decimal comma, sees what buyers will be charged, and confirms before it goes on sale", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Comma priced ${stamp}`;
  const context = await browser.newContext();
  const seller = await context.newPage();
  await signUp(seller, `comma-${stamp}`);
  const promptUrl = await createPrompt(seller, title, "Translate {{text}} into plain English.");
  await seller.getByRole("button", { name: "Sell this prompt" }).click();
  await seller.getByLabel("Price").fill("4,50");
  await expect(seller.getByText("Buyers pay $4.50")).toBeVisible();
  await seller.getByRole("button", { name: "Save listing" }).click();

  // Nothing is on sale until the seller says yes; going back leaves it unsaved.
  const confirm = seller.getByRole("alertdialog", { name: "Put this prompt on sale for $4.50?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("Buyers are charged $4.50 (USD)");
  await confirm.getByRole("button", { name: "Back to editing" }).click();
  await expect(confirm).toHaveCount(0);
  await seller.reload();
  await expect(seller.getByRole("heading", { name: "Sell this prompt" })).toBeVisible();

  await seller.getByRole("button", { name: "Sell this prompt" }).click();
  await seller.getByLabel("Price").fill("4,50");
  await seller.getByRole("button", { name: "Save listing" }).click();
  await seller.getByRole("button", { name: "Put on sale for $4.50" }).click();
  await expect(seller.getByText("Listing created")).toBeVisible();
  await expect(seller.getByRole("heading", { name: "Your listing" })).toBeVisible();
  await expect(seller.getByText("$4.50").first()).toBeVisible();

  // A buyer is offered exactly that amount.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await signUp(buyer, `comma-buyer-${stamp}`);
  await buyer.goto(promptUrl);
  await expect(buyer.getByRole("button", { name: "Buy for $4.50" }).first()).toBeVisible();
  await context.close();
  await buyerContext.close();
});
