/**
 * Setup of the `unit` Vitest project: a unit test does no I/O beyond reading files, so opening a socket
 * (HTTP, PostgreSQL, Redis), starting a server or opening PGlite fails the test. Tests that need any of
 * these are named `*.integration.test.ts`.
 */
import net from 'node:net';
import { vi } from 'vitest';

const refuse = (what: string) => () => {
  throw new Error(`a unit test may not ${what}; name the file *.integration.test.ts`);
};

net.Socket.prototype.connect = refuse('open a socket') as typeof net.Socket.prototype.connect;
net.Server.prototype.listen = refuse('start a server') as typeof net.Server.prototype.listen;
// vi.mock is hoisted above the lines before it, so its factory cannot use `refuse`.
vi.mock('@electric-sql/pglite', () => ({
  PGlite: class {
    constructor() {
      throw new Error('a unit test may not open a PGlite database; name the file *.integration.test.ts');
    }
  },
}));
