import { defineConfig } from "vitest/config";

// Two projects: `unit` (the quick loop, `npm run test:unit`) and `e2e` (a fake Discord, real processes,
// the bench smoke test). `npm test` runs both; CI calls it.
const E2E = ["test/e2e/**/*.test.ts", "test/bench/**/*.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: E2E } },
      { extends: true, test: { name: "e2e", include: E2E } },
    ],
  },
});
