// Lints code snippets as if they were files at the given paths, with the workspace's
// real ESLint config and Nx project graph; prints the rule ids found per snippet (JSON).
// Used by module-boundaries.spec.ts, which runs it in a child process because ESLint's
// config loading does not run inside Jest's module sandbox.
import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';

// The boundary rule reads Nx's cached project graph and silently skips without one.
execFileSync('npx', ['nx', 'show', 'projects'], { stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });

const snippets = JSON.parse(process.argv[2]);
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(results));
