import { sharedCases } from './shared-cases';

// Every editor's behaviour in Firefox ESR (puppeteer-core over WebDriver BiDi); editors.test.ts runs the same cases in Chromium.
sharedCases('firefox');
