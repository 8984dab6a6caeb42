import NextAuth from 'next-auth';
import { getServices } from '../services';
import { createAuthConfig } from './auth-config';

/** The app's Auth.js instance; configured lazily from the process services (database, keys, mailer). */
export const { handlers, auth } = NextAuth(async () => createAuthConfig(await getServices()));
