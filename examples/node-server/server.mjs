// A Node.js server that validates records for several partners: one validator instance per partner, each holding
// that partner's configuration (CSP model, partner domain, markets, domain suffix, the reseller's billing address,
// country rules). The configuration comes from the server's own settings, never from a request: a record's
// configuration fields are ignored with a `request.configuration_ignored` warning (rules.md section 4).
//
//   node server.mjs SETTINGS.json [PORT]     (SETTINGS: the stand-in's shape, { "default": {…}, "accounts": {…} })
//   POST /partners/{id}/validate   body: a record (JSON)   ->  200 the result, or 404 / 400 / 413 as problem+json
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createValidator, dataVersion } from 'tenantcheck'; // Node.js: ready on import, no init()

/** Builds every partner's validator once, at start: a bad configuration stops the server here, not on a request. */
export function validatorsFrom(settings) {
  const validators = new Map();
  for (const [id, partner] of Object.entries(settings.accounts ?? {})) {
    try {
      validators.set(id, createValidator(partner));
    } catch (e) {
      // A TenantcheckError: { code, message, params }.
      throw new Error(`partner ${id}: ${e.code ?? 'error'}: ${e.message}`);
    }
  }
  return validators;
}

const MAX_BODY = 64 * 1024; // a record is a few hundred bytes; refuse anything far larger before parsing it

function problem(res, status, code, title) {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', status, code, title }));
}

/** The HTTP server (not listening yet). */
export function server(validators) {
  return createServer(async (req, res) => {
    const m = req.method === 'POST' && req.url.match(/^\/partners\/([\w-]{1,64})\/validate$/);
    if (!m) return problem(res, 404, 'not_found', 'POST /partners/{id}/validate');
    const validator = validators.get(m[1]);
    if (!validator) return problem(res, 404, 'unknown_partner', `no partner ${m[1]}`);
    if (Number(req.headers['content-length']) > MAX_BODY) {
      res.setHeader('connection', 'close');
      return problem(res, 413, 'too_large', `a record is at most ${MAX_BODY} bytes`);
    }
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > MAX_BODY) return req.destroy(); // a chunked body without a length: cut it off
    }
    let record;
    try {
      record = JSON.parse(body);
    } catch {
      return problem(res, 400, 'not_json', 'the body is not JSON');
    }
    // Never throws on a record: whatever the client sent, the answer is a result with codes.
    const result = validator.validate(record);
    res.writeHead(200, { 'content-type': 'application/json', 'x-tenantcheck-data': dataVersion });
    res.end(JSON.stringify(result));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, port = '8081'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node server.mjs SETTINGS.json [PORT]');
    process.exit(2);
  }
  const validators = validatorsFrom(JSON.parse(readFileSync(file, 'utf8')));
  server(validators).listen(Number(port), '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${port}/ (${validators.size} partners; country data: ${dataVersion})`);
  });
}
