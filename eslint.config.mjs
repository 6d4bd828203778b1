import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const LIB_IS_FRAMEWORK_FREE = [
  { group: ["@/app/*", "../app/*", "../../app/*"], message: "lib/ must not import from app/." },
  { group: ["next", "next/*"], message: "lib/ is framework-free; keep Next.js in app/." },
];
const LIB_IS_NOT_A_TEST_WORLD = [
  { group: ["@/dev/*", "../dev/*", "../../dev/*", "../../../dev/*"], message: "lib/ must not reach the local world (dev/): only configuration tells it where Azure is." },
  { group: ["@/tests/*", "../tests/*", "../../tests/*", "../../../tests/*"], message: "Test harnesses live in tests/support, not in lib/." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/ is the framework-free application: it must never reach into app/ (or Next.js).
    files: ["lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: LIB_IS_FRAMEWORK_FREE }] },
  },
  {
    // The local world and the test harnesses stay out of the application too: lib/ runs against
    // real Azure unchanged. (Tests in lib/ may use them.) This block's rule replaces the one above,
    // so it repeats its patterns.
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...LIB_IS_FRAMEWORK_FREE, ...LIB_IS_NOT_A_TEST_WORLD] }] },
  },
  {
    // The one door: only lib/connections/request-writer.ts writes ConnectionRequest rows, so every
    // change writes its state counts, timeline, audit entry and domain event together.
    files: ["lib/**/*.ts"],
    ignores: ["lib/connections/request-writer.ts", "lib/**/*.test.ts", "lib/db/generated/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.property.name='connectionRequest'][property.name=/^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/]",
          message: "Only lib/connections/request-writer.ts writes ConnectionRequest rows (the one door): call createRequest, changeState, recordPendingAction or abandonPendingAction.",
        },
        {
          selector: "TemplateElement[value.raw=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+\"?ConnectionRequest\\b/i]",
          message: "Only lib/connections/request-writer.ts writes ConnectionRequest rows (the one door), also in SQL.",
        },
      ],
    },
  },
];

export default config;
