import { z } from 'zod';
import { phrasebookFileSchema } from './schema';

/** The JSON Schema that editors use to validate phrasebook files, generated from the zod schema. */
export function phrasebookJsonSchema(): string {
  const schema = z.toJSONSchema(phrasebookFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'Kuuki phrasebook file', ...schema }, null, 2)}\n`;
}
