// End-to-end test of the respondent survey page (/s/{token}) in headless Debian Chromium,
// driven by playwright-core with JavaScript disabled: the page must work as plain HTML.
//
// Run it through scripts/browser-test.sh, which installs Chromium, builds and starts the service
// and sets these variables:
//   CSAT_E2E_BASE_URL     http://127.0.0.1:<port> of a running `csat-index serve`
//   CSAT_E2E_BIN          the csat-index binary; `token` is run with this process's environment,
//                         which carries the same CSAT_JWT_SECRET as the server
//   CSAT_E2E_SCREENSHOTS  where to write the screenshots (default: a new temp dir, kept)
//   CHROMIUM_PATH         the browser (default /usr/bin/chromium)
// It prints `1 passed, 0 failed` and exits 0, or `0 passed, 1 failed` and exits 1.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const TEST_NAME = 'respondent survey page: Bulgarian, JavaScript off, anonymous answer stored once';
const BASE_URL = requiredEnv('CSAT_E2E_BASE_URL').replace(/\/+$/, '');
const BIN = requiredEnv('CSAT_E2E_BIN');
const API = `${BASE_URL}/api/v1`;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = process.env.CSAT_E2E_SCREENSHOTS || mkdtempSync(join(tmpdir(), 'csat-e2e-shots-'));
const COMMENT = 'Бързо и любезно обслужване, благодаря! Лицензът беше подновен за един ден.';
const STANDARD = {
  nsat: '00000000-0000-7000-8000-000000000001',
  nps: '00000000-0000-7000-8000-000000000002',
  ces: '00000000-0000-7000-8000-000000000003',
  comment: '00000000-0000-7000-8000-000000000004',
};

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`e2e: ${name} is not set (run scripts/browser-test.sh)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return value;
}

function step(message) {
  console.log(`  - ${message}`);
}

function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

function token(...args) {
  return execFileSync(BIN, ['token', ...args], { encoding: 'utf8', env: process.env }).trim();
}

async function api(method, path, bearer, body, expected) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) {
    throw new Error(`${method} ${path}: expected HTTP ${expected.join(' or ')}, got ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Steps 1-8: a partner, membership, office, contact (bg), open survey and a personal link. */
async function arrange() {
  const admin = token('--role', 'admin');
  const partner = await api('POST', '/partners', admin, { external_key: 'E2E', name: 'E2E Partner' }, [201]);
  const membership = await api('POST', `/partners/${partner.id}/memberships`, admin,
    { membership_number: 'E2E-1', renewal_date: '2027-06-30' }, [200, 201]);
  const bearer = token('--role', 'partner', '--partner-id', partner.id);
  const office = await api('POST', `/memberships/${membership.id}/offices`, bearer,
    { name: 'Sofia', country: 'BG', city: 'Sofia' }, [200, 201]);
  const contact = await api('POST', `/offices/${office.id}/contacts`, bearer, {
    name: 'Мария Иванова',
    email: 'maria@contoso.example',
    organization: 'Contoso',
    locale: 'bg',
    consent: { given_at: '2026-01-15T10:00:00Z', method: 'web_form' },
  }, [200, 201]);
  const survey = await api('POST', `/offices/${office.id}/surveys`, bearer,
    { title: 'Удовлетвореност 2026', locales: ['bg', 'en'] }, [200, 201]);
  const question = await api('POST', `/surveys/${survey.id}/questions`, bearer, {
    kind: 'single_choice',
    required: true,
    prompt: { en: 'Which service did you use?', bg: 'Коя услуга използвахте?' },
    options: [
      { value: 'licensing', label: { en: 'Licensing', bg: 'Лицензиране' } },
      { value: 'support', label: { en: 'Support', bg: 'Поддръжка' } },
    ],
  }, [201]);
  await api('POST', `/surveys/${survey.id}/open`, bearer, {}, [200]);
  const batch = await api('POST', `/surveys/${survey.id}/invitations`, bearer,
    { contact_ids: [contact.id], delivery: 'partner' }, [200]);
  check(batch.refused.length === 0, `no invitation refused, got ${JSON.stringify(batch.refused)}`);
  check(batch.invited.length === 1, `one invitation, got ${batch.invited.length}`);
  const link = batch.invited[0].link;
  check(link.startsWith(`${BASE_URL}/s/`), `the link points at this service: ${link}`);
  step(`arranged survey ${survey.id}, custom question ${question.id}, link ${link}`);
  return { admin, bearer, surveyId: survey.id, customId: question.id, link };
}

async function run(browser) {
  const { admin, bearer, surveyId, customId, link } = await arrange();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: 'en-US', // the page must follow the contact's locale, not the browser's
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  try {
    // JavaScript really is off: a page's own script does not run.
    await page.goto('data:text/html,<title>off</title><script>document.title="on"</script>');
    check((await page.title()) === 'off', 'JavaScript is disabled in the browser context');

    // The form, in the contact's language.
    const opened = await page.goto(link);
    check(opened && opened.status() === 200, `GET the link answers 200, got ${opened && opened.status()}`);
    check((await page.locator('html').getAttribute('lang')) === 'bg', 'the page is <html lang="bg">');
    check((await page.title()) === 'Удовлетвореност 2026', `the title is the survey's, got "${await page.title()}"`);
    await page.getByRole('heading', { level: 1, name: 'Удовлетвореност 2026' }).waitFor();
    await page.getByText('Като цяло, колко сте доволни').waitFor({ state: 'visible' });
    step('the form is shown in Bulgarian');

    // Sending nothing explains, in Bulgarian, what each required question needs.
    await page.getByRole('button', { name: 'Изпрати отговорите' }).click();
    await page.getByRole('alert').waitFor();
    check((await page.getByText('Моля, отговорете на този въпрос.').count()) === 4, 'four required questions say so in Bulgarian');
    check((await page.getByText('is required').count()) === 0, 'no English error text on a Bulgarian page');
    step('an empty form is refused with Bulgarian messages');

    // Every choice question is a named radio group (fieldset + legend), answered through its labels.
    const overall = page.getByRole('radiogroup', { name: /Като цяло, колко сте доволни/ });
    const recommend = page.getByRole('radiogroup', { name: /Колко вероятно е да препоръчате/ });
    const effort = page.getByRole('radiogroup', { name: /Колко лесно беше/ });
    const custom = page.getByRole('radiogroup', { name: /Коя услуга използвахте\?/ });
    check((await page.locator('fieldset').count()) === 5, 'five fieldsets: three standard choices, one custom, anonymity');
    check((await recommend.getByRole('radio').count()) === 11, 'recommend offers 0..10');
    check((await effort.getByRole('radio').count()) === 7, 'effort offers 1..7');

    await overall.getByText('Много доволен', { exact: true }).click();
    await recommend.getByText('9', { exact: true }).click();
    await effort.getByText('2', { exact: true }).click();
    const comment = page.getByLabel('Има ли нещо друго, което бихте искали да ни кажете?');
    await comment.click();
    await comment.pressSequentially(COMMENT);
    await custom.getByText('Поддръжка', { exact: true }).click();
    await page.getByLabel('Искам да остана анонимен', { exact: true }).check();

    check(await overall.getByLabel('Много доволен', { exact: true }).isChecked(), '"Много доволен" is checked');
    check(await recommend.getByLabel('9', { exact: true }).isChecked(), 'recommend 9 is checked');
    check(await effort.getByLabel('2', { exact: true }).isChecked(), 'effort 2 is checked');
    check(await custom.getByLabel('Поддръжка', { exact: true }).isChecked(), '"Поддръжка" is checked');
    check(!(await custom.getByLabel('Лицензиране', { exact: true }).isChecked()), '"Лицензиране" is not checked');
    check(await page.getByLabel('Искам да остана анонимен', { exact: true }).isChecked(), 'the anonymity box is ticked');
    check((await comment.inputValue()) === COMMENT, 'the comment holds the typed text');
    step('filled the form by its labels');

    const formPhone = join(SHOTS, 'form-filled-390.png');
    await page.screenshot({ path: formPhone, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const formDesktop = join(SHOTS, 'form-filled-1280.png');
    await page.screenshot({ path: formDesktop, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });

    // Submit as a plain HTML form post.
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === link),
      page.getByRole('button', { name: 'Изпрати отговорите' }).click(),
    ]);
    check(posted.status() === 200, `the form post answers 200, got ${posted.status()}`);
    await page.waitForLoadState('load');
    await page.getByRole('heading', { level: 1, name: 'Благодарим ви!' }).waitFor({ state: 'visible' });
    check((await page.locator('html').getAttribute('lang')) === 'bg', 'the thank-you page is <html lang="bg">');
    const thanks = join(SHOTS, 'thank-you.png');
    await page.screenshot({ path: thanks, fullPage: true });
    step('the thank-you page says "Благодарим ви!"');

    // What the partner sees.
    const responses = await api('GET', `/surveys/${surveyId}/responses`, bearer, undefined, [200]);
    check(responses.items.length === 1, `one response, got ${responses.items.length}`);
    const response = responses.items[0];
    check(response.anonymous === true, `the response is anonymous, got ${response.anonymous}`);
    check(response.respondent === null, `no respondent on an anonymous response, got ${JSON.stringify(response.respondent)}`);
    const answer = (id) => response.answers.find((a) => a.question_id === id)?.value;
    const answers = JSON.stringify(response.answers);
    check(answer(customId) === 'support', `custom question answered "support": ${answers}`);
    check(answer(STANDARD.comment) === COMMENT, `the comment is stored as typed: ${answers}`);
    check(answer(STANDARD.nsat) === 'very_satisfied', `overall satisfaction "very_satisfied": ${answers}`);
    check(String(answer(STANDARD.nps)) === '9', `recommend 9: ${answers}`);
    check(String(answer(STANDARD.ces)) === '2', `effort 2: ${answers}`);
    check(response.locale === null, `an anonymous response keeps no language, got ${response.locale}`);
    // The partner cannot tell the anonymous respondent's invitation from an unanswered one; the
    // administrator sees that it was answered.
    const seen = await api('GET', `/surveys/${surveyId}/invitations`, bearer, undefined, [200]);
    check(seen.items.length === 1 && seen.items[0].status === 'sent',
      `the partner sees the invitation as sent: ${JSON.stringify(seen.items.map((i) => i.status))}`);
    const stored = await api('GET', `/surveys/${surveyId}/invitations`, admin, undefined, [200]);
    check(stored.items[0].status === 'completed',
      `the administrator sees it completed: ${JSON.stringify(stored.items.map((i) => i.status))}`);
    step('the API shows one anonymous response with the answers given; only the administrator sees the link answered');

    // The link answers only once. Opened again, an anonymously answered link still shows the
    // questionnaire (whoever holds the link must not learn that it was answered); sending it again
    // is refused with the "already answered" page, in the language of the form (bg).
    const bgContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      locale: 'bg-BG',
    });
    bgContext.setDefaultTimeout(10_000);
    let answered;
    try {
      const bgPage = await bgContext.newPage();
      const again = await bgPage.goto(link);
      check(again && again.status() === 200, `opening the link again shows the questionnaire, got ${again && again.status()}`);
      const [repost] = await Promise.all([
        bgPage.waitForResponse((r) => r.request().method() === 'POST' && r.url() === link),
        bgPage.getByRole('button', { name: 'Изпрати отговорите' }).click(),
      ]);
      check(repost.status() === 409, `sending it again answers 409, got ${repost.status()}`);
      await bgPage.waitForLoadState('load');
      const title = await bgPage.title();
      check(title === 'Вече сте отговорили', `the title is "Вече сте отговорили", got "${title}"`);
      check((await bgPage.locator('html').getAttribute('lang')) === 'bg', 'the page is <html lang="bg">');
      await bgPage.getByRole('heading', { level: 1, name: 'Вече сте отговорили' }).waitFor({ state: 'visible' });
      answered = join(SHOTS, 'already-answered.png');
      await bgPage.screenshot({ path: answered, fullPage: true });
    } finally {
      await bgContext.close();
    }
    step('the link sent again shows "Вече сте отговорили" (409)');

    console.log('  screenshots:');
    for (const path of [formPhone, formDesktop, thanks, answered]) console.log(`    ${path}`);
  } catch (error) {
    const failure = join(SHOTS, 'failure.png');
    try {
      await page.screenshot({ path: failure, fullPage: true });
      console.error(`  screenshot at failure: ${failure} (page ${page.url()})`);
    } catch {
      // the page is gone; the error below says why
    }
    throw error;
  } finally {
    await context.close();
  }
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`e2e: ${TEST_NAME}`);
  let browser;
  let failed = false;
  const watchdog = setTimeout(() => {
    console.error('e2e: FAILED: the test did not finish within 120 s');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, 120_000);
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // launch() always starts Chromium with a new, empty profile of its own (a temp
      // --user-data-dir it removes on close); it refuses a --user-data-dir argument.
    });
    await run(browser);
    console.log(`e2e: ok (${TEST_NAME})`);
  } catch (error) {
    failed = true;
    console.error(`e2e: FAILED: ${error && error.stack ? error.stack : error}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    clearTimeout(watchdog);
  }
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  process.exitCode = failed ? 1 : 0;
}

await main();
