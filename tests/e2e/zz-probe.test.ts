import { test, expect } from 'vitest';
import { launchWithExtension } from '/work/main/tests/e2e/helpers/browser.ts';
import { startFixtureServer } from '/work/main/tests/e2e/helpers/server.ts';
test('probe', async () => {
  const server = await startFixtureServer('/work/main/tests/fixtures');
  const s = await launchWithExtension({ passThroughOrigin: server.origin });
  const r = await s.sw.evaluate(async (o) => { try { const a = await fetch(o + '/sw-probe'); const b = await fetch('https://www.finn.no/sw-probe2').catch(e=>String(e)); return [a.status, typeof b === 'string' ? b : b.status]; } catch (e) { return String(e); } }, server.origin);
  console.log(r, s.requests, s.unserved, server.requests.map(x=>x.path));
  await s.close(); await server.close();
  expect(1).toBe(1);
});
