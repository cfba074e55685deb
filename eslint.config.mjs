import tseslint from 'typescript-eslint';

/** Role ids of the glossary: pages read `can` from org.me and never keep role lists of their own. */
const ROLE_IDS = [
  'secretary',
  'deputySecretary',
  'orgCommissioner',
  'publicityCommissioner',
  'disciplineCommissioner',
  'groupLeader',
  'scorer',
  'duesManager',
  'disclosureMaintainer',
  'superiorAdmin',
];

/**
 * A repository per area owns its collections: nothing outside `cloudfunctions/_shared/repos/`
 * builds a query (`.collection(`) or reaches the SDK database handle (`db`, `_` of repos/db).
 */
const reposOwnQueries = {
  files: ['cloudfunctions/**/*.ts'],
  ignores: ['cloudfunctions/_shared/repos/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.property.name='collection']",
        message:
          'Queries live in cloudfunctions/_shared/repos/<area>.ts: call a named repo function instead of .collection().',
      },
    ],
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/repos/db'],
            importNames: ['db', '_'],
            message:
              'Only repos/ use the database handle: add a named function to the repo of the area.',
          },
        ],
      },
    ],
  },
};

/** One labels module (utils/member-view.ts) knows the role ids; pages ask `can` instead. */
const noRoleLiteralsInPages = {
  files: ['miniprogram/**/*.ts'],
  ignores: ['miniprogram/utils/member-view.ts', 'miniprogram/miniprogram_npm/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: `Literal[value=/^(${ROLE_IDS.join('|')})$/]`,
        message:
          'No role lists in the mini-program: decide from org.me `can` (utils/can.ts); role labels live in utils/member-view.ts.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'dist/**',
      'coverage/**',
      'previews/**',
      'miniprogram/miniprogram_npm/**',
      'cloudfunctions/*/index.js',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  reposOwnQueries,
  noRoleLiteralsInPages,
);
