const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// One codebase, three entry points: the HTTP api, the queue worker and the operator CLI.
module.exports = {
  // Entries come from the plugin; an empty object stops webpack adding its default ./src entry.
  entry: {},
  output: { path: join(__dirname, '../dist/backend'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: join(__dirname, 'src/api.ts'),
      outputFileName: 'api.js',
      additionalEntryPoints: [
        { entryName: 'worker', entryPath: join(__dirname, 'src/worker.ts') },
        { entryName: 'cli', entryPath: join(__dirname, 'src/cli.ts') },
        { entryName: 'standalone', entryPath: join(__dirname, 'src/standalone.ts') },
      ],
      tsConfig: join(__dirname, 'tsconfig.app.json'),
      optimization: false,
      outputHashing: 'none',
      externalDependencies: 'all',
      generatePackageJson: false,
      sourceMap: true,
      // The learning program's content is read at start-up (backend/src/program/curriculum-files.ts).
      assets: [{ input: join(__dirname, '../libs/curriculum'), glob: '**/*.md', output: 'curriculum' }],
    }),
  ],
};
