// The simulated callers of the claim benchmark, in their own process so they do not compete with
// the server for its thread. Each caller loops: claim the next patron, hold it for a think time,
// release it. Prints one JSON line: every claim latency (ms) and every hold (unit, from, to).
const [base, campaignId, tokensJson, secondsText, thinkText] = process.argv.slice(2);
const tokens = JSON.parse(tokensJson);
const deadline = performance.now() + Number(secondsText) * 1000;
const [thinkMin, thinkMax] = thinkText.split('-').map(Number);
const latencies = [];
const holds = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function caller(token, index) {
  const headers = { cookie: `od_session=${token}`, 'content-type': 'application/json' };
  // Callers start spread over one hold time, as a team does, rather than all in the same instant.
  await sleep((index * thinkMax) / tokens.length);
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${base}/api/campaigns/${campaignId}/claims`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const body = await response.json();
    latencies.push(performance.now() - started);
    if (body.status !== 'claimed') {
      await sleep(thinkMin);
      continue;
    }
    const from = performance.now();
    await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
    const to = performance.now();
    holds.push({ unit: body.call.patrons.map((p) => p.patronId).join('+'), from, to });
    await fetch(`${base}/api/claims/${body.call.claimId}/release`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ token: body.call.token }),
    });
  }
}

await Promise.all(tokens.map(caller));
process.stdout.write(`${JSON.stringify({ latencies, holds })}\n`);
