// Section 0 of rules.md in the browser (issue 9): the form shows the user's own text while they type and never moves
// the caret; free text (`12½ Grafton Street`) is never rewritten, not even when the field loses focus; a code-like
// field may be put into canonical form on blur, but only when it is valid: an Irish postal district typed as a
// postcode (`Dublin 2`) stays as typed and is marked invalid with the district hint (`postal_code.dublin_district`).
// Real Chromium, the real stand-in, keystrokes typed one by one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldState, launch, withSession } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LINE1 = 'account-billingAddress-addressLine1';
const POSTCODE = 'account-billingAddress-postalCode';
/** Longer than the form's debounce (web/src/live.rs, 250 ms): a check has run and rendered. */
const SETTLE_MS = 600;


/** The input's value and caret. */
const read = (page, id) => page.evaluate((id) => {
  const el = document.getElementById(id);
  return { value: el.value, start: el.selectionStart, end: el.selectionEnd, focused: document.activeElement === el };
}, id);

test('free text keeps what was typed, caret included, also after blur; a Dublin district is no Eircode', async () => {
  await withSession(browser, {}, async ({ page }) => {
    await page.locator('#account-billingAddress-country').selectOption('IE');

    // Typed key by key, with pauses longer than the debounce, so checks run between keystrokes.
    const line1 = page.locator(`#${LINE1}`);
    await line1.click();
    await line1.pressSequentially('12 Grafton Street', { delay: 20 });
    await page.waitForTimeout(SETTLE_MS);
    // The caret goes back after "12" and "½" is typed there: the caret must stay after it, the text as typed.
    await line1.evaluate((el) => el.setSelectionRange(2, 2));
    await page.keyboard.type('½');
    await page.waitForTimeout(SETTLE_MS);
    let s = await read(page, LINE1);
    assert.equal(s.value, '12½ Grafton Street');
    assert.deepEqual([s.start, s.end, s.focused], [3, 3, true], 'the caret moved while typing');
    // More keystrokes at the caret, checks in between: still untouched.
    await page.keyboard.type(' ');
    await page.waitForTimeout(SETTLE_MS);
    s = await read(page, LINE1);
    assert.equal(s.value, '12½  Grafton Street');
    assert.deepEqual([s.start, s.end], [4, 4]);
    await page.keyboard.press('Backspace');

    // Leaving the field: it is checked (valid), and free text is still not rewritten (NFKC would give `121⁄2`).
    await line1.blur();
    await page.waitForTimeout(SETTLE_MS);
    assert.equal(await line1.inputValue(), '12½ Grafton Street');
    let st = await fieldState(page, LINE1);
    assert.equal(st.invalid, null, st.message);

    // A Dublin postal district typed as the postcode: kept as typed while typing and after blur, marked invalid.
    const postcode = page.locator(`#${POSTCODE}`);
    await postcode.click();
    await postcode.pressSequentially('Dublin 2', { delay: 20 });
    await page.waitForTimeout(SETTLE_MS);
    s = await read(page, POSTCODE);
    assert.deepEqual([s.value, s.start, s.end], ['Dublin 2', 8, 8]);
    await postcode.blur();
    await page.waitForFunction((id) => document.getElementById(id).getAttribute('aria-invalid') === 'true', POSTCODE,
      { timeout: 5000 });
    st = await fieldState(page, POSTCODE);
    assert.equal(st.invalid, 'true');
    assert.equal(await postcode.inputValue(), 'Dublin 2', 'an invalid postcode was rewritten');
    assert.match(st.message, /Dublin postal district/i, st.message);
    // The address line is still as typed after the postcode's check re-rendered the address.
    assert.equal(await line1.inputValue(), '12½ Grafton Street');

    // A valid code-like field may be put into canonical form on blur: an Eircode typed in lower case without a
    // space (An Post's own example, D02 X285).
    await postcode.fill('');
    await postcode.pressSequentially('d02x285', { delay: 20 });
    await page.waitForTimeout(SETTLE_MS);
    assert.equal(await postcode.inputValue(), 'd02x285', 'rewritten while typing');
    await postcode.blur();
    await page.waitForFunction((id) => document.getElementById(id).getAttribute('aria-invalid') !== 'true', POSTCODE,
      { timeout: 5000 });
    await page.waitForFunction((id) => document.getElementById(id).value === 'D02 X285', POSTCODE, { timeout: 5000 });
  });
});

test('a company name and a contact name keep full-width letters, ½ and the joiners of Persian text', async () => {
  await withSession(browser, {}, async ({ page }) => {
    const cases = [
      ['account-companyName', 'شرکت نرم‌افزاری ＡＢＣ'],
      ['account-contact-firstName', 'مهرزاد‌ها'],
      ['account-contact-lastName', 'Zoë'],
    ];
    for (const [id, typed] of cases) {
      const el = page.locator(`#${id}`);
      await el.click();
      await el.pressSequentially(typed, { delay: 10 });
      await page.waitForTimeout(SETTLE_MS);
      assert.equal(await el.inputValue(), typed, `${id} while typing`);
      await el.blur();
      await page.waitForTimeout(SETTLE_MS);
      assert.equal(await el.inputValue(), typed, `${id} after blur`);
      assert.equal((await fieldState(page, id)).invalid, null, id);
    }
    // A pasted zero-width space is dropped from what is sent, never from the input; a control character is refused
    // and named.
    const company = page.locator('#account-companyName');
    await company.fill('Contoso\u0007 Ltd');
    await company.blur();
    await page.waitForFunction(() => document.getElementById('account-companyName').getAttribute('aria-invalid') === 'true',
      null, { timeout: 5000 });
    assert.match((await fieldState(page, 'account-companyName')).message, /U\+0007/);
    assert.equal(await company.inputValue(), 'Contoso\u0007 Ltd');
  });
});
