import fs from 'node:fs';
import path from 'node:path';

const serverDir = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Each column the schema declares, as `table.column`, read from schema.ts's table interfaces. */
function declaredColumns(schema: string): { table: string; column: string }[] {
  return [...schema.matchAll(/^export interface (\w+)Table \{\n([\s\S]*?)^\}/gm)].flatMap(([, table, body]) =>
    [...body!.matchAll(/^ {2}(\w+)\??:/gm)].map(([, column]) => ({ table: table!, column: column! })),
  );
}

describe('the database schema', () => {
  it('declares no column that the service never names (a column only migrations mention is dead state)', () => {
    const schemaFile = path.join(serverDir, 'store', 'schema.ts');
    const code = sourceFiles(serverDir)
      .filter((file) => file !== schemaFile)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const columns = declaredColumns(fs.readFileSync(schemaFile, 'utf8'));
    expect(columns.length).toBeGreaterThan(100);
    const unnamed = columns.filter(({ column }) => !new RegExp(`\\b${column}\\b`).test(code)).map(({ table, column }) => `${table}.${column}`);
    expect(unnamed).toEqual([]);
  });
});
