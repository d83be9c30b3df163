declare module 'write-good' {
  /** write-good's suggestions for a text (no types ship with the package). */
  export default function writeGood(text: string, options?: Record<string, boolean>): { index: number; offset: number; reason: string }[];
}
