// End-to-end tests: the built site in the system's Chromium. The web server
// builds dist/ first (cmd/sitebuild), then serves it.

import { defineConfig } from "@playwright/test";

const port = Number(process.env.LP_E2E_PORT ?? 8091);
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: "e2e",
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: "list",
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `go run ./cmd/sitebuild -serve -addr 127.0.0.1:${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
