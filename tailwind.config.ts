import type { Config } from 'tailwindcss';

// Tailwind 4 reads its theme from CSS (src/app/globals.css); this file names the content roots for tools.
const config: Config = {
  content: ['./src/**/*.{ts,tsx}'],
  theme: { extend: {} },
};

export default config;
