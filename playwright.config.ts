import { defineConfig } from "@playwright/test";

// Journeys run against the production server (`npm start`) on a fresh embedded database,
// in the system Chromium (Playwright's own browser download is not available offline).
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
export const FAKE_UPSTREAM_PORT = Number(process.env.E2E_FAKE_UPSTREAM_PORT ?? 3299);
export const FAKE_STRIPE_PORT = Number(process.env.E2E_FAKE_STRIPE_PORT ?? 3298);
export const STRIPE_WEBHOOK_SECRET = "whsec_e2e_promptuary_webhook_secret";
// The test harness calls a fake model provider (src/test/fake-model-provider.ts) that e2e/harness-run.spec.ts starts.
export const FAKE_MODELS_PORT = Number(process.env.E2E_FAKE_MODELS_PORT ?? 3297);

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  webServer: {
    command: "rm -rf .e2e-data && npm start",
    url: `${baseURL}/api/auth/providers`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: ".e2e-data",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      // The capture proxy forwards to a fake model server that e2e/capture-proxy.spec.ts starts.
      OPENAI_BASE_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}/v1`,
      ANTHROPIC_BASE_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}/v1`,
      // Checkout goes to a Stripe-compatible fake that e2e/marketplace.spec.ts starts.
      STRIPE_SECRET_KEY: "sk_test_e2e",
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: `http://127.0.0.1:${FAKE_STRIPE_PORT}`,
      // The harness's one provider in e2e: an OpenAI-compatible fake (no key needed), named "fake".
      HARNESS_PROVIDERS: JSON.stringify([{ name: "fake", baseUrl: `http://127.0.0.1:${FAKE_MODELS_PORT}/v1` }]),
      // Outgoing webhooks go to receivers on loopback that e2e/webhooks.spec.ts starts.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    },
  },
});
