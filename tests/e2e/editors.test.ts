import { sharedCases } from './shared-cases';

// Every editor's behaviour in Chromium; editors.firefox.test.ts runs the same cases in Firefox.
sharedCases('chromium');
