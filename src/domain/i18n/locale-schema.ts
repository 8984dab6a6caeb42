import { z } from 'zod';
import { SUPPORTED_LOCALES } from './locales';

export const UNSUPPORTED_LOCALE_MESSAGE = `Unsupported language: use one of ${SUPPORTED_LOCALES.join(', ')}.`;

/** A supported locale at a boundary (tRPC input, the chat stream's body); anything else is a clear BAD_REQUEST. */
export const localeSchema = z.enum(SUPPORTED_LOCALES, { error: UNSUPPORTED_LOCALE_MESSAGE });
