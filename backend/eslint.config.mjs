import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/**/*.spec.ts'],
    rules: {
      // Configuration is read once, validated, in src/config (STYLE.md).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Inject AppConfig instead.' }],
    },
  },
];
