/**
 * Isnad's import directions, checked by dependency-cruiser in `npm test` (`npm run deps` alone).
 * Flow runs one way: files → passages → index; question → legs → fusion → Answer → terminal or Discord.
 * Each area below lists what it may import; anything else under src/ or commands/ fails the check.
 * The README's Architecture section shows the same table.
 */

/** Folders (and single files) of src/ and commands/, by the job they do. */
const AREAS = {
  base: '^src/(errors|log|types)\\.ts$', // the one error type, the logger, shared data types
  text: '^src/text/', // normalize, stem, analyze, invisible characters, language
  config: '^src/config\\.ts$',
  index: '^src/index/', // index structures: snapshot + manifest, BM25, VectorStore, top-k, index-file reader
  embed: '^src/embed/',
  store: '^src/store/', // index generations on disk, vector store implementations
  retrieve: '^src/retrieve/',
  verify: '^src/verify/',
  translate: '^src/translate/', // English questions → Arabic terms (dictionary, transliteration)
  ingest: '^src/ingest/',
  collection: '^src/collection\\.ts$', // the Collection interface the front ends use
  core: '^src/(open-collection\\.ts$|indexed-collection\\.ts$|collection/)', // opens and builds (open-collection), serves (indexed-collection) a Collection
  guilds: '^src/guilds/', // each server's own documents: which collections a place searches, uploads
  evaluation: '^src/eval/',
  bench: '^src/bench/',
  discord: '^src/discord/',
  commands: '^commands/',
  cli: '^src/cli/',
  entry: '^src/(main|deploy)\\.ts$', // the bot and deploy entry points: they assemble the command list
};

/** Besides its own folder and `base`: the areas (or single files, by path) each area may import. */
const MAY_IMPORT = {
  base: ['^src/embed/embedder\\.ts$'], // types.ts names ModelStatus
  text: [],
  config: ['index'],
  index: [],
  embed: ['config'],
  store: ['index', '^src/text/lines\\.ts$'], // passage-files records each passage's last line (lines.ts endLine); no text analysis
  retrieve: ['text', 'index', 'embed', 'translate'],
  verify: ['text', 'index'],
  translate: ['text'],
  ingest: ['text', 'index', 'store', 'embed', 'config'],
  collection: ['embed', 'retrieve', 'verify'],
  core: ['collection', 'config', 'text', 'index', 'embed', 'store', 'retrieve', 'verify', 'ingest', 'translate'],
  guilds: ['core', 'collection', 'config', 'ingest'],
  evaluation: ['core', 'collection', 'config', 'text', 'index', 'embed', 'store', 'ingest', 'retrieve', 'verify', 'translate'], // index, store: cross-validation builds indexes without an article
  bench: ['config', 'text', 'index', 'embed', 'store', 'retrieve', 'ingest', 'evaluation'],
  discord: ['collection', 'config', 'text', 'retrieve', 'verify', 'embed', 'guilds'],
  commands: ['discord', 'collection', 'text', 'retrieve', 'guilds'],
  cli: ['core', 'collection', 'config', 'text', 'embed', 'retrieve', 'verify', 'translate', 'evaluation', 'bench'],
  entry: ['core', 'config', 'discord', 'commands', 'guilds'],
};

const pathOf = (name) => AREAS[name] ?? name;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles hide which module owns what.', from: {}, to: { circular: true } },
    {
      name: 'src-not-tests',
      severity: 'error',
      comment: 'Shipped code never imports test code (fakes, fixtures, helpers).',
      from: { path: '^(src|commands)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'discord-not-commands',
      severity: 'error',
      comment: 'src/discord/ runs whatever command list it is given; only src/main.ts and src/deploy.ts assemble it.',
      from: { path: '^src/discord/' },
      to: { path: '^commands/' },
    },
    {
      name: 'only-discord-imports-discord.js',
      severity: 'error',
      comment: 'Only src/discord/ talks to Discord; the commands take what they need of discord.js from src/discord/command.ts.',
      from: { path: '^(src|commands)/', pathNot: '^src/discord/' },
      to: { path: '(^|/)node_modules/(discord\\.js|@discordjs)/' },
    },
  ],
  allowed: [
    // Packages and Node's own modules: which code may use discord.js is a forbidden rule above.
    { from: {}, to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] } },
    // Tests, scripts and tool configuration may import anything.
    { from: { pathNot: '^(src|commands)/' }, to: {} },
    ...Object.entries(AREAS).map(([name, from]) => ({
      from: { path: from },
      to: { path: [from, AREAS.base, ...MAY_IMPORT[name].map(pathOf)] },
    })),
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    combinedDependencies: false,
  },
};
