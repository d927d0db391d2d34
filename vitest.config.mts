import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/protocol/**/*.test.ts"],
    testTimeout: 30_000,
    setupFiles: ["tests/unit/property-seed.ts"],
  },
});
