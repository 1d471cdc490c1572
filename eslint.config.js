import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Service boundaries: a service reaches the rest of the workspace only through the kit and the
// contracts package, and the web application through nothing of the server side. Relative paths
// that climb out of a service's folder are refused too, whatever their depth; one config object per
// source depth because a later object replaces, not merges, the rule's options.
const services = ['awards', 'gateway', 'kit', 'ranking', 'reporting', 'scoring', 'web'];
const deepestSourceFolder = 5;
const packagePattern = (service) =>
  service === 'web'
    ? {
        regex: '^@thidua/',
        message: 'The web application imports nothing of the server side; it speaks GraphQL only.',
      }
    : {
        regex: '^@thidua/(?!(kit|schema)(/|$))',
        message: 'A service imports only @thidua/kit and @thidua/schema from the workspace.',
      };
const serviceBoundaries = services.flatMap((service) =>
  Array.from({ length: deepestSourceFolder + 1 }, (_, depth) => ({
    files: [`services/${service}/src/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            packagePattern(service),
            {
              regex: `^(\\.\\./){${String(depth + 2)},}`,
              message: `A relative import may not leave services/${service}; use the package name.`,
            },
          ],
        },
      ],
    },
  })),
);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.turbo/**', '**/dist/**', '**/.tsbuild/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  ...serviceBoundaries,
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
