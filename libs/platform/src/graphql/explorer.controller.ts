import { Controller, Get, Header, Inject, NotFoundException, Param, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../auth/authorization.decorators';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

/**
 * GraphiQL served from npm packages, so the explorer works with no internet
 * (Apollo's own landing pages load from CDNs). Off in production unless GRAPHQL_EXPLORER=true.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// Resolved through package.json: the packages' export maps do not expose their UMD files.
const pathOf = (asset: { pkg: string; file: string }) => join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>PeerVisit API explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css">
  <style>body{margin:0;height:100vh}#explorer{height:100vh}</style>
</head>
<body>
  <div id="explorer">Loading the explorer…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    // Sign in with the signIn mutation, then put {"Authorization": "Bearer <token>"} in the Headers tab.
    const defaultQuery = [
      '# PeerVisit API explorer.',
      '# 1. Run signIn (the demo accounts are printed by npm start; password peervisit-demo).',
      '# 2. Open the Headers tab below and paste: {"Authorization": "Bearer <accessToken>"}',
      '# 3. Run the other operations.',
      '',
      'mutation SignIn {',
      '  signIn(email: "leader@example.org", password: "peervisit-demo") { accessToken person { fullName } }',
      '}',
      '',
      'query MyReviews {',
      '  reviews { nodes { title status hostCity { name } timeline { visitStart { local } } progress { entriesComplete keyFactorsInScope } } }',
      '}',
      '',
    ].join('\\n');
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    ReactDOM.createRoot(document.getElementById('explorer')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;

@Public()
@Controller('explorer')
export class ExplorerController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    if (!this.config.explorerEnabled) throw new NotFoundException();
    return PAGE;
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined; // "constructor" is not an asset
    if (!this.config.explorerEnabled || !asset) throw new NotFoundException();
    reply.header('Cache-Control', 'public, max-age=86400');
    return new StreamableFile(createReadStream(pathOf(asset)), { type: `${asset.type}; charset=utf-8` });
  }
}
