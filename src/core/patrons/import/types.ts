/** The import pipeline's shapes live in src/shared so the web app's mapping screen uses the same ones. */
export * from '../../../shared/import.js';
