// The documentation's links stay inside the repository: every relative link and image of every Markdown file (tracked
// or new, not ignored) names a file or folder of this repository, and an `#anchor` names a heading of its target.
// Links to public sources (https://…) are allowed; a path that leaves the repository (the spec's old
// `../shared/spec/…`, a machine's `/work/…`) is not, even as text, since no reader of the repository has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { root } from './consumer.mjs';

/** The repository's Markdown files: git's tracked and new files; without git (an unpacked archive), a walk. */
function markdownFiles() {
  try {
    return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\n');
  } catch {
    const skip = new Set(['.git', 'target', 'tools', 'node_modules', 'bench-data']);
    return readdirSync(root, { recursive: true })
      .filter((f) => f.endsWith('.md') && !f.split(sep).some((part) => skip.has(part)));
  }
}
const files = markdownFiles().filter((f) => f && existsSync(join(root, f)));

/** The lines of a Markdown file with fenced code blocks blanked (code shows commands, not links or headings). */
function unfenced(text) {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

/** The same without inline code spans either. */
const prose = (text) => unfenced(text).map((line) => line.replace(/(`+)[\s\S]*?\1/g, ''));

/** GitHub's anchors for the headings of a Markdown file. */
function anchors(file) {
  const seen = new Map();
  const out = new Set();
  for (const line of unfenced(readFileSync(file, 'utf8'))) {
    const m = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!m) continue;
    const slug = m[1]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Every link destination of a Markdown file: inline links and images, and reference definitions. */
function links(text) {
  const out = [];
  prose(text).forEach((line, i) => {
    for (const m of line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line: i + 1, to: m[1] });
    const def = line.match(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/);
    if (def) out.push({ line: i + 1, to: def[1] });
  });
  return out;
}

test('the documentation has Markdown files to check', () => {
  for (const f of ['README.md', 'CHANGELOG.md', 'docs/rules.md', 'docs/request.md', 'docs/api.md', 'docs/cli.md',
    'docs/versioning.md', 'docs/performance.md']) {
    assert.ok(files.includes(f), `${f} is missing`);
  }
});

test('every relative link in the Markdown files resolves inside the repository', () => {
  const broken = [];
  for (const file of files) {
    const abs = join(root, file);
    for (const { line, to } of links(readFileSync(abs, 'utf8'))) {
      if (/^(https?|mailto):/i.test(to)) continue;
      const where = `${file}:${line}: ${to}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(to)) {
        broken.push(`${where} (a scheme other than https: or mailto:)`);
        continue;
      }
      const [path, anchor] = to.split('#');
      const target = path ? resolve(dirname(abs), decodeURIComponent(path)) : abs;
      if (target !== root && !target.startsWith(root + sep)) {
        broken.push(`${where} (leaves the repository)`);
      } else if (!existsSync(target)) {
        broken.push(`${where} (no such file: ${relative(root, target)})`);
      } else if (anchor && statSync(target).isFile() && target.endsWith('.md') && !anchors(target).has(anchor)) {
        broken.push(`${where} (no heading #${anchor} in ${relative(root, target)})`);
      }
    }
  }
  assert.deepEqual(broken, []);
});

test('no Markdown file names a path outside the repository, even as text', () => {
  const outside = [];
  for (const file of files) {
    readFileSync(join(root, file), 'utf8').split('\n').forEach((line, i) => {
      if (/(\.\.\/)+shared\/|(^|[\s`(])\/work\//.test(line)) outside.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(outside, []);
});
