import { chromium } from '@playwright/test';

const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.stack));
await p.goto(process.argv[2]);
await p.waitForTimeout(1500);
await p.getByRole('button', { name: 'Open chat' }).click();
await p.waitForTimeout(2000);
console.log(
  await p.evaluate(() =>
    document.querySelector('[data-rocketchat-prechat]').shadowRoot.innerHTML.slice(0, 300),
  ),
);
await b.close();
