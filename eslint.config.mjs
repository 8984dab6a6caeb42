import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// src/domain is framework-free business rules (README "Architecture"): no server plumbing, framework, ORM or
// vendor SDK, and no ambient clock or randomness, so every rule runs the same under a test's fixed clock.
const domainImportPatterns = [
  {
    group: ['@/server', '@/server/**', '@/app', '@/app/**', '@/trpc', '@/trpc/**', '@/env'],
    message: 'Domain code takes its gateways as deps; src/server wires them.',
  },
  { regex: '^(\\.\\./)+(src/)?(server|app|trpc)(/|$)', message: 'Domain code takes its gateways as deps; src/server wires them.' },
  {
    group: [
      'next',
      'next/**',
      'next-auth',
      'next-auth/**',
      '@auth/**',
      'react',
      'react-dom',
      'react-dom/**',
      '@trpc/**',
      'drizzle-orm',
      'drizzle-orm/**',
      'drizzle-kit',
    ],
    message: 'Domain code imports no framework, tRPC or Drizzle.',
  },
  {
    group: ['openai', 'openai/**', 'ioredis', 'resend', 'postgres', '@electric-sql/**', '@shopify/**', '@vercel/**', '@t3-oss/**'],
    message: 'Domain code imports no vendor SDK.',
  },
];
const randomImports = ['randomUUID', 'randomBytes', 'randomInt', 'randomFill', 'randomFillSync', 'getRandomValues', 'webcrypto'];
const randomMessage = 'Take randomness from deps (random, randomId, randomBytes); src/server supplies node:crypto.';
const clockMessage = 'Take the time from deps.now (src/server supplies the real clock), so tests can fix it.';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/domain/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: domainImportPatterns }] },
  },
  {
    files: ['src/domain/**/*.ts', 'src/domain/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:crypto', importNames: randomImports, message: randomMessage },
            { name: 'crypto', importNames: randomImports, message: randomMessage },
          ],
          patterns: domainImportPatterns,
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: clockMessage },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
        { selector: "CallExpression[callee.name='Date']", message: clockMessage },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: clockMessage },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: randomMessage },
        { selector: `MemberExpression[object.name='crypto'][property.name=/^(${randomImports.join('|')})$/]`, message: randomMessage },
      ],
    },
  },
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**'] },
];

export default config;
