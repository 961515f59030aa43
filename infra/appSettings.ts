/** The app settings `infra/main.bicep` gives the App Service (its `webAppSettings` resource): name to Bicep expression. */
export function bicepAppSettings(bicep: string): Record<string, string> {
  const block = /resource webAppSettings [^\n]*\n([\s\S]*?)\n}\n/.exec(bicep)?.[1];
  if (!block) throw new Error('main.bicep has no webAppSettings resource');
  return Object.fromEntries([...block.matchAll(/^ {4}(\w+): (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/**
 * What App Service hands the process once Bicep has evaluated the settings: a plain string
 * literal is itself; any other expression takes the value the caller gives for it (a resource
 * property, a parameter), and one the caller did not foresee is an error, not a guess.
 */
export function resolveAppSettings(settings: Record<string, string>, expressions: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings).map(([name, expression]) => {
      const literal = /^'([^'$]*)'$/.exec(expression);
      if (literal) return [name, literal[1]!];
      if (!(expression in expressions)) throw new Error(`No value given for ${name}: ${expression}`);
      return [name, expressions[expression]!];
    }),
  );
}
