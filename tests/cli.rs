//! End-to-end tests of the `tenantcheck` binary on the fixtures in `tests/fixtures/`.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// What one run gave.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The result lines, parsed.
    fn results(&self) -> Vec<Value> {
        self.stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
    }

    fn lines(&self) -> Vec<u64> {
        self.results().iter().map(|r| r["line"].as_u64().expect("a line number")).collect()
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Starts the binary in the fixtures folder, with its three streams piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_tenantcheck"))
        .args(args)
        .current_dir(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

/// Runs the binary in the fixtures folder, with `stdin` as its input.
fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // The binary may stop reading early (bad arguments): a broken pipe is no failure here.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the binary ends");
    feeder.join().expect("stdin written");
    Run {
        status: out.status.code().expect("an exit status"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 messages"),
    }
}

/// `(field, code)` of a result's errors.
fn errors(result: &Value) -> Vec<(String, String)> {
    issues(result, "errors")
}

fn issues(result: &Value, kind: &str) -> Vec<(String, String)> {
    result[kind]
        .as_array()
        .expect("a list of issues")
        .iter()
        .map(|e| (e["field"].as_str().unwrap_or("?").to_owned(), e["code"].as_str().unwrap_or("?").to_owned()))
        .collect()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

#[test]
fn valid_records_exit_0() {
    let r = run(&["check", "valid.jsonl"], b"");
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(r.lines(), [1, 2, 3, 4]);
    for result in r.results() {
        assert_eq!(result["valid"], true, "{result}");
        assert_eq!(errors(&result), []);
        assert_eq!(result["domainForm"], "prefix");
        assert!(result["normalized"].is_object());
    }
    assert!(r.stdout.lines().all(|l| l.starts_with("{\"line\":")), "line leads every result");
    assert_eq!(r.stderr, "");
}

/// The results of mixed.jsonl: one per non-blank line, in order, with the errors on the right fields.
fn assert_mixed(r: &Run) {
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(r.lines(), [1, 3, 4, 5, 7, 8, 9, 10, 11], "blank lines 2 and 6 give no result");
    let results = r.results();
    let valid: Vec<bool> = results.iter().map(|x| x["valid"] == true).collect();
    assert_eq!(valid, [true, false, false, false, true, false, false, true, true]);
    assert_eq!(
        errors(&results[1]),
        [
            pair("syncOptions.username", "username.bad_character"),
            pair("account.billingAddress.postalCode", "postal_code.format")
        ]
    );
    assert_eq!(errors(&results[2]), [pair("", "request.not_json")]);
    assert_eq!(results[2]["errors"][0]["params"]["line"], 4, "not-JSON errors name the file's line");
    assert_eq!(errors(&results[3]), [pair("", "request.not_an_object")]);
    assert_eq!(errors(&results[5]), [pair("", "request.not_json")], "invalid UTF-8");
    assert_eq!(results[5]["errors"][0]["params"]["line"], 8);
    assert_eq!(errors(&results[6]), [pair("crmId", "request.unknown_field")]);
    assert_eq!(
        issues(&results[8], "warnings"),
        [pair("syncOptions.domainPrefix", "domain_prefix.suffix_removed"), pair("account.email", "email.free_mail")]
    );
    assert_eq!(results[8]["normalized"]["syncOptions"]["domainPrefix"], "contoso");
}

#[test]
fn mixed_lines_each_get_a_result_and_the_run_goes_on() {
    let r = run(&["check", "mixed.jsonl"], b"");
    assert_mixed(&r);
    assert_eq!(r.stderr, "", "no summary unless asked");
}

#[test]
fn summary_counts_codes_on_stderr() {
    let r = run(&["check", "mixed.jsonl", "--summary"], b"");
    assert_mixed(&r);
    let summary: Vec<&str> = r.stderr.lines().map(str::trim).collect();
    for line in ["9 records: 4 valid, 5 invalid.", "Errors by code:", "Warnings by code:"] {
        assert!(summary.contains(&line), "{line:?} in {summary:?}");
    }
    let count = |code: &str| -> Option<u64> { summary.iter().find_map(|l| l.strip_prefix(code)?.trim().parse().ok()) };
    assert_eq!(count("request.not_json"), Some(2));
    assert_eq!(count("request.not_an_object"), Some(1));
    assert_eq!(count("request.unknown_field"), Some(1));
    assert_eq!(count("username.bad_character"), Some(1));
    assert_eq!(count("postal_code.format"), Some(1));
    assert_eq!(count("email.free_mail"), Some(1));
}

#[test]
fn stdin_defaults_to_json_lines() {
    let mixed = std::fs::read(fixtures().join("mixed.jsonl")).expect("fixture");
    assert_mixed(&run(&["check"], &mixed));
    assert_mixed(&run(&["check", "-"], &mixed));
    assert_mixed(&run(&["check", "-", "--format", "jsonl", "--threads", "1"], &mixed));
}

/// The results of accounts.csv.
fn assert_accounts(r: &Run) {
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(r.lines(), [2, 3, 5, 7, 8], "rows start on their own line; the blank line 4 is skipped");
    let results = r.results();
    assert_eq!(results[0]["valid"], true, "{}", results[0]);
    let first = &results[0]["normalized"];
    assert_eq!(first["account"]["companyName"], "Contoso, Ltd");
    assert_eq!(first["account"]["isSubCustomerOfReseller"], false);
    assert_eq!(first["markets"], serde_json::json!(["GR", "CY", "MT"]));
    assert_eq!(results[1]["valid"], true, "a sub-customer with an empty own address: {}", results[1]);
    assert_eq!(results[1]["normalized"]["account"]["isSubCustomerOfReseller"], true);
    assert_eq!(results[1]["normalized"]["resellerBillingAddress"]["postalCode"], "105 63");
    assert_eq!(errors(&results[2]), [pair("account.billingAddress.postalCode", "postal_code.format")]);
    assert_eq!(results[2]["normalized"]["account"]["billingAddress"]["addressLine1"], "Leof. Kifisias 1 Building B");
    assert_eq!(issues(&results[2], "warnings"), [pair("account.phone", "phone.calling_code_mismatch")]);
    assert_eq!(errors(&results[3]), [pair("", "request.not_json")], "the short row");
    assert_eq!(results[3]["errors"][0]["params"]["line"], 7);
    assert_eq!(
        errors(&results[4]),
        [pair("account.isSubCustomerOfReseller", "request.wrong_type")],
        "only true/false are booleans"
    );
    let warnings: Vec<&str> = r.stderr.lines().filter(|l| l.contains("crmId")).collect();
    assert_eq!(warnings.len(), 1, "one warning for the unknown column: {}", r.stderr);
}

#[test]
fn csv_rows_become_records() {
    assert_accounts(&run(&["check", "accounts.csv"], b""));
    let csv = std::fs::read(fixtures().join("accounts.csv")).expect("fixture");
    assert_accounts(&run(&["check", "--format", "csv"], &csv));
}

#[test]
fn csv_summary_names_the_ignored_columns() {
    let r = run(&["check", "accounts.csv", "--summary"], b"");
    assert!(r.stderr.lines().any(|l| l == "Ignored column: crmId"), "{}", r.stderr);
    assert!(r.stderr.lines().any(|l| l == "5 records: 2 valid, 3 invalid."), "{}", r.stderr);
}

#[test]
fn bad_csv_headers_exit_2() {
    for input in ["", "name,zip\nContoso,10682\n", "cspModel,cspModel\ndirect,direct\n"] {
        let r = run(&["check", "--format", "csv"], input.as_bytes());
        assert_eq!(r.status, 2, "{input:?}: {}", r.stderr);
        assert!(r.stderr.contains("bad CSV header"), "{}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

#[test]
fn rules_replace_the_defaults() {
    let r = run(&["check", "valid.jsonl", "--rules", "rules.json"], b"");
    assert_eq!(r.status, 1, "{}", r.stderr);
    let results = r.results();
    assert_eq!(errors(&results[0]), [pair("account.billingAddress.state", "state.required")], "GR now needs a state");
    assert_eq!(results[1]["valid"], true, "a US record is not affected");
    assert_eq!(errors(&results[3]), [pair("resellerBillingAddress.state", "state.required")]);
}

#[test]
fn bad_rules_exit_2() {
    for rules in ["bad_rules.json", "missing-rules.json"] {
        let r = run(&["check", "valid.jsonl", "--rules", rules], b"");
        assert_eq!(r.status, 2, "{rules}");
        assert!(r.stderr.contains(rules), "{}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

/// The example record of `request.md`, and the same without its configuration fields (customer data only).
fn example_records() -> (Value, Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/request-example.json");
    let full: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture")).expect("JSON");
    let mut customer = full.clone();
    for k in ["cspModel", "partnerDomain", "markets", "domainSuffix", "resellerBillingAddress"] {
        customer.as_object_mut().expect("an object").remove(k);
    }
    (full, customer)
}

const SETTINGS: &str = "../../examples/stand-in-settings.json";

#[test]
fn settings_hold_the_configuration_and_records_need_customer_data_only() {
    let (full, customer) = example_records();
    let input = format!("{customer}\n{full}\n");
    // The default entry: indirectProvider, the Canadian reseller's address.
    let r = run(&["check", "-", "--settings", SETTINGS], input.as_bytes());
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    let results = r.results();
    assert_eq!(issues(&results[0], "warnings"), []);
    assert_eq!(results[0]["normalized"]["cspModel"], "indirectProvider");
    assert_eq!(results[0]["normalized"]["resellerBillingAddress"]["city"], "Toronto");
    let ignored: Vec<_> = ["cspModel", "resellerBillingAddress", "partnerDomain", "markets", "domainSuffix"]
        .iter()
        .map(|k| pair(k, "request.configuration_ignored"))
        .collect();
    assert_eq!(issues(&results[1], "warnings"), ignored);
    // Account 1002 is a direct partner: no reseller MPN ID; an account the file does not name gets the default.
    let r = run(&["check", "-", "--settings", SETTINGS, "--account", "1002"], input.as_bytes());
    assert_eq!(r.status, 1);
    for result in r.results() {
        assert_eq!(errors(&result), [pair("syncOptions.resellerMpnId", "reseller_mpn_id.not_available")]);
        assert_eq!(result["normalized"]["cspModel"], "direct");
    }
    let r = run(&["check", "-", "--settings", SETTINGS, "--account", "77"], input.as_bytes());
    assert_eq!(r.status, 0, "{}", r.stderr);
    // Without --settings the record carries its configuration.
    let r = run(&["check", "-"], input.as_bytes());
    assert_eq!(errors(&r.results()[0]), [pair("cspModel", "request.missing_configuration")]);
}

/// A settings file whose partner configuration breaks a rule (`partnerDomain`), in a folder of its own named `dir`.
fn bad_settings(dir: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let bad = dir.join("bad-settings.json");
    std::fs::write(&bad, r#"{"default": {"cspModel": "direct", "partnerDomain": "not a domain"}}"#).expect("written");
    bad.to_str().expect("a UTF-8 path").to_owned()
}

#[test]
fn bad_settings_exit_2() {
    let bad = &bad_settings("cli-settings");
    for args in [
        &["check", "valid.jsonl", "--settings", bad][..],
        &["check", "valid.jsonl", "--settings", "missing-settings.json"],
        &["check", "valid.jsonl", "--account", "1002"],
        &["check", "valid.jsonl", "--settings", SETTINGS, "--account", "x1"],
    ] {
        let r = run(args, b"");
        assert_eq!(r.status, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
    }
    let r = run(&["check", "valid.jsonl", "--settings", bad], b"");
    assert!(r.stderr.contains("bad-settings.json") && r.stderr.contains("partnerDomain"), "{}", r.stderr);
}

#[test]
fn unreadable_input_exits_2() {
    for args in [
        &["check", "missing.jsonl"][..],
        &["check", "rules"][..],
        &["check", "."][..],
        &["check", ".", "--format", "jsonl"][..],
        &["check", "--format", "xml"][..],
        &["check", "--threads", "0"][..],
        &["frobnicate"][..],
    ] {
        let r = run(args, b"");
        assert_eq!(r.status, 2, "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
        assert!(!r.stderr.is_empty());
    }
}

#[test]
fn empty_input_is_valid() {
    let r = run(&["check"], b"\n\n");
    assert_eq!((r.status, r.stdout.as_str()), (0, ""));
}

#[test]
fn many_records_keep_their_order_on_many_threads() {
    let valid = std::fs::read_to_string(fixtures().join("valid.jsonl")).expect("fixture");
    let lines: Vec<&str> = valid.lines().collect();
    let mut input = String::new();
    for i in 0..20_000 {
        input.push_str(if i % 5 == 4 { "{\"cspModel\":1}" } else { lines[i % lines.len()] });
        input.push('\n');
    }
    let r = run(&["check", "--threads", "4"], input.as_bytes());
    assert_eq!(r.status, 1);
    let results = r.results();
    assert_eq!(results.len(), 20_000);
    for (i, result) in results.iter().enumerate() {
        assert_eq!(result["line"], i as u64 + 1);
        assert_eq!(result["valid"], i % 5 != 4, "{result}");
    }
}

#[test]
fn an_overlong_line_is_an_error_and_the_run_goes_on() {
    let valid = std::fs::read_to_string(fixtures().join("valid.jsonl")).expect("fixture");
    let first = valid.lines().next().expect("a record");
    let long = format!("{{\"cspModel\":\"{}\"}}", "x".repeat(5 * 1024 * 1024));
    let input = format!("{first}\n{long}\n{first}\n");
    let r = run(&["check"], input.as_bytes());
    assert_eq!(r.status, 1);
    assert_eq!(r.lines(), [1, 2, 3]);
    assert_eq!(errors(&r.results()[1]), [pair("", "request.not_json")]);
}

#[test]
fn version_names_the_data_version() {
    let r = run(&["--version"], b"");
    assert_eq!(r.status, 0);
    assert!(r.stdout.contains(env!("CARGO_PKG_VERSION")), "{}", r.stdout);
    assert!(r.stdout.contains(tenantcheck_core::countries::DATA_VERSION), "{}", r.stdout);
}

#[test]
fn help_describes_the_commands() {
    let r = run(&["--help"], b"");
    assert_eq!(r.status, 0);
    assert!(r.stdout.contains("check"), "{}", r.stdout);
    let r = run(&["check", "--help"], b"");
    assert!(r.stdout.contains("--summary") && r.stdout.contains("--rules") && r.stdout.contains("--format"));
    for flag in ["--id-column", "--only-invalid", "--output-format", "--summary-format"] {
        assert!(r.stdout.contains(flag), "{flag}: {}", r.stdout);
    }
}

/// The peak resident memory of a running process, in kB (Linux).
#[cfg(target_os = "linux")]
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc");
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number")
}

/// A stray quote opens a quoted cell that would run to the end of the file. The row is bounded like a JSON Lines
/// line: one error on its line, the run goes on at the next line end after the limit, and memory stays bounded while
/// 200 MiB stream in (about 70 MB whatever the input's size, measured; reading the cell whole would take 200 MiB).
#[cfg(target_os = "linux")]
#[test]
fn a_stray_quote_in_csv_is_one_error_in_constant_memory() {
    let mut child = spawn(&["check", "--format", "csv", "--threads", "2"]);
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).expect("UTF-8 output");
        s
    });
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(b"account.companyName,account.email\nContoso Ltd,it@contoso.com\n\"Stray, no end\n").unwrap();
    let line = format!("{}\n", "x".repeat(1 << 20));
    for _ in 0..200 {
        input.write_all(line.as_bytes()).unwrap();
    }
    let peak = peak_kb(child.id());
    drop(input);
    let status = child.wait().expect("the binary ends");
    let out = reader.join().expect("stdout read");
    assert!(peak < 128 * 1024, "peak memory {peak} kB for 200 MiB of one unclosed quote");
    assert_eq!(status.code(), Some(1));
    let results: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(results[0]["line"], 2);
    assert_eq!(results[1]["line"], 3);
    assert_eq!(errors(&results[1]), [pair("", "request.not_json")]);
    let message = results[1]["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("longer than 4 MiB") && message.contains("were skipped"), "{message}");
    // The lines after the skipped ones each get their result (one cell where the header has two).
    let skipped_to = results[2]["line"].as_u64().unwrap();
    assert!((5..=10).contains(&skipped_to), "{skipped_to}");
    assert_eq!(results.len() as u64, 2 + (203 - skipped_to + 1), "one result per line after the skip");
}

/// `tenantcheck check big.jsonl | head -1`: the reader closes the pipe; the run ends quietly with the status the
/// records checked so far earned, not 2 ("cannot read the input").
#[test]
fn a_closed_stdout_ends_quietly_with_the_status_earned() {
    let valid = std::fs::read_to_string(fixtures().join("valid.jsonl")).expect("fixture");
    let first = valid.lines().next().expect("a record").to_owned();
    for (lead, expected) in [(first.clone(), 0), ("{\"cspModel\":1}".to_owned(), 1)] {
        let mut input = format!("{lead}\n");
        for _ in 0..20_000 {
            input.push_str(&first);
            input.push('\n');
        }
        let mut child = spawn(&["check", "--threads", "2"]);
        let mut stdin = child.stdin.take().expect("stdin");
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut line).expect("one line");
        assert!(line.starts_with("{\"line\":1,"), "{line}");
        drop(stdout);
        let out = child.wait_with_output().expect("the binary ends");
        feeder.join().expect("fed");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(expected), "{stderr}");
        assert!(stderr.is_empty(), "quietly: {stderr}");
    }
}

/// Control characters from the input are escaped when echoed to a terminal: the results (DEL, C1 controls such as
/// U+009B, bidi overrides, which serde_json writes raw) and the messages on stderr (a file name with an escape).
#[test]
fn control_characters_are_escaped_on_a_terminal() {
    let dir = std::env::temp_dir().join(format!("tenantcheck-cli-tty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let record = r#"{"account":{"companyName":"A\u001b[2J\u009b31m\u007f\u202eB"}}"#;
    let file = dir.join("controls.jsonl");
    std::fs::write(&file, format!("{record}\n")).unwrap();
    let bin = env!("CARGO_BIN_EXE_tenantcheck");
    // `script` runs the command on a pseudo-terminal and copies what it writes.
    let on_tty = |args: &str| {
        let out = Command::new("script")
            .args(["-q", "-e", "-c", &format!("'{bin}' {args}"), "/dev/null"])
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("script (util-linux) runs");
        (out.status.code(), out.stdout)
    };
    // The progress line's own sequence (stderr is the terminal too) is the program's, not the input's.
    let own = |out: Vec<u8>| String::from_utf8(out).unwrap().replace("\r\u{1b}[2K", "");
    // JSON Lines on a terminal (forced: a terminal gets the readable report by default).
    let (status, out) = on_tty("check controls.jsonl --output-format jsonl");
    assert_eq!(status, Some(1));
    let text = own(out);
    for raw in ['\u{1b}', '\u{9b}', '\u{7f}', '\u{202e}'] {
        assert!(!text.contains(raw), "{raw:?} reached the terminal: {text:?}");
    }
    for escaped in ["\\u001b[2J", "\\u009b31m", "\\u007f", "\\u202eB"] {
        assert!(text.contains(escaped), "{escaped}: {text}");
    }
    // The readable report, a terminal's default, escapes them too (as Rust writes escapes).
    let (status, out) = on_tty("check controls.jsonl");
    assert_eq!(status, Some(1));
    let text = own(out);
    for raw in ['\u{1b}', '\u{9b}', '\u{7f}', '\u{202e}'] {
        assert!(!text.contains(raw), "{raw:?} reached the terminal: {text:?}");
    }
    assert!(text.contains("line 1: "), "{text}");
    assert!(text.contains("1 record: 0 valid, 1 invalid."), "{text}");
    // Into a pipe the output stays as serde_json writes it (the same JSON either way).
    let piped = run(&["check", file.to_str().unwrap()], b"");
    assert!(piped.stdout.contains('\u{9b}'), "{}", piped.stdout);
    // A message naming a file with an escape in its name.
    let (status, out) = on_tty("check \"$(printf 'no\\033[31mfile.jsonl')\"");
    assert_eq!(status, Some(2));
    let text = own(out);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("no\\u{1b}[31mfile.jsonl"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 9's classes through the command line, one record each (the same core the corpus runners check, here with the
/// binary's reading and writing): a Dublin postal district is no Eircode, an address line keeps `12½`, a phone
/// number is read as dialled (national, with an extension), a Unicode e-mail domain is converted with a warning, a
/// Puerto Rican ZIP names the country to choose, an Australian postcode must agree with its state.
#[test]
fn real_world_classes_on_the_command_line() {
    let base: Value = serde_json::from_str(include_str!("fixtures/valid.jsonl").lines().next().unwrap()).unwrap();
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut r = base.clone();
        edit(&mut r);
        r.to_string()
    };
    let address = |country: &str, state: &str, postcode: &str| {
        let (country, state, postcode) = (country.to_owned(), state.to_owned(), postcode.to_owned());
        move |r: &mut Value| {
            let a = &mut r["account"]["billingAddress"];
            a["country"] = country.clone().into();
            a["state"] = state.clone().into();
            a["postalCode"] = postcode.clone().into();
        }
    };
    let lines = [
        with(&|r| {
            address("IE", "", "Dublin 2")(r);
            r["account"]["billingAddress"]["addressLine1"] = "12½ Grafton Street".into();
        }),
        with(&|r| r["account"]["phone"] = "210 123 4567 ext. 12".into()),
        with(&|r| r["account"]["email"] = "it@müller.de".into()),
        with(&address("US", "NY", "00901")),
        with(&address("AU", "VIC", "2000")),
        with(&|r| r["account"]["phone"] = "210 123 4567".into()),
    ];
    let r = run(&["check", "-"], lines.join("\n").as_bytes());
    assert_eq!(r.status, 1, "{}", r.stderr);
    let results = r.results();
    assert_eq!(results.len(), 6, "{}", r.stdout);
    let line1 = &results[0]["normalized"]["account"]["billingAddress"]["addressLine1"];
    assert_eq!(errors(&results[0]), [pair("account.billingAddress.postalCode", "postal_code.dublin_district")]);
    assert_eq!(line1, "12½ Grafton Street", "free text is kept as typed");
    assert_eq!(errors(&results[1]), [pair("account.phone", "phone.extension")]);
    assert_eq!(results[2]["valid"], true, "{}", results[2]);
    assert_eq!(issues(&results[2], "warnings"), [pair("account.email", "email.idn_converted")]);
    assert_eq!(results[2]["normalized"]["account"]["email"], "it@xn--mller-kva.de");
    assert_eq!(errors(&results[3]), [pair("account.billingAddress.postalCode", "postal_code.territory")]);
    assert_eq!(errors(&results[4]), [pair("account.billingAddress.postalCode", "postal_code.state_mismatch")]);
    assert_eq!(results[5]["valid"], true, "{}", results[5]);
    assert_eq!(results[5]["normalized"]["account"]["phone"], "+302101234567", "a national number, in E.164");
}

/// The messages of the results with this code.
fn messages(result: &Value, code: &str) -> Vec<String> {
    let all =
        result["errors"].as_array().into_iter().flatten().chain(result["warnings"].as_array().into_iter().flatten());
    all.filter(|i| i["code"] == code).map(|i| i["message"].as_str().unwrap_or("?").to_owned()).collect()
}

#[test]
fn lang_gives_the_messages_in_that_language() {
    // A German catalog of the fixtures (the built-in ones are tested in core/tests/catalogs.rs).
    let r =
        run(&["check", "mixed.jsonl", "--rules", "rules.json", "--lang", "de-DE", "--catalog", "catalog-de.json"], b"");
    let english = run(&["check", "mixed.jsonl", "--rules", "rules.json"], b"");
    assert_eq!(r.status, english.status, "{}", r.stderr);
    let (results, english) = (r.results(), english.results());
    assert_eq!(results.len(), english.len());
    for (de, en) in results.iter().zip(&english) {
        assert_eq!(errors(de), errors(en), "the same codes and fields");
    }
    let all = |code| results.iter().flat_map(|r| messages(r, code)).collect::<Vec<_>>();
    let state =
        "Für eine Adresse in diesem Land (Griechenland) ist ein Bundesland erforderlich: eines von Attica oder Crete.";
    assert!(
        !all("state.required").is_empty() && all("state.required").iter().all(|m| m == state),
        "{:?}",
        all("state.required")
    );
    assert_eq!(
        all("username.bad_character"),
        ["Der Benutzername darf ein Leerzeichen nicht enthalten (Zeichen 3, mehrere Zeichen); erlaubt sind Buchstaben, \
          Ziffern und ' . - _ ! # ^ ~."]
    );
    // What the file lacks comes from the built-in catalog of its language (docs/cli.md), here German.
    let built_in = run(&["check", "mixed.jsonl", "--rules", "rules.json", "--lang", "de"], b"").results();
    let german = |code| built_in.iter().flat_map(|r| messages(r, code)).collect::<Vec<_>>();
    let english_only = |code| english.iter().flat_map(|r| messages(r, code)).collect::<Vec<_>>();
    assert!(!all("postal_code.leading_zero").is_empty());
    assert_eq!(all("postal_code.leading_zero"), german("postal_code.leading_zero"));
    assert_ne!(all("postal_code.leading_zero"), english_only("postal_code.leading_zero"));
}

#[test]
fn lang_refuses_a_language_it_has_no_messages_in() {
    let r = run(&["check", "valid.jsonl", "--lang", "tlh"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("tlh") && r.stderr.contains("en"), "{}", r.stderr);
    let r = run(&["check", "valid.jsonl", "--lang", "en-GB"], b"");
    assert_eq!(r.status, 0, "English is built in: {}", r.stderr);
    let r = run(&["check", "valid.jsonl", "--lang", "de", "--catalog", "missing.json"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("missing.json"), "{}", r.stderr);
}

/// The records of valid.jsonl with IDs: strings and integers.
fn records_with_ids() -> Vec<Value> {
    let valid = std::fs::read_to_string(fixtures().join("valid.jsonl")).expect("fixture");
    let ids = [serde_json::json!("C-001"), serde_json::json!(17), serde_json::json!("Ω-3"), serde_json::json!(4)];
    valid
        .lines()
        .zip(ids)
        .map(|(line, id)| {
            let mut v: Value = serde_json::from_str(line).expect("a record");
            v["id"] = id;
            v
        })
        .collect()
}

/// A record's `id` comes back as its result's `id` (`request.md`), from JSON Lines, a JSON array (compact or pretty,
/// from a file or stdin) and CSV (an `id` column, or `--id-column`).
#[test]
fn the_id_survives_every_input_format() {
    let records = records_with_ids();
    let want: Vec<Value> = records.iter().map(|r| r["id"].clone()).collect();
    let ids = |r: &Run| -> Vec<Value> { r.results().iter().map(|x| x["id"].clone()).collect() };

    let jsonl: String = records.iter().map(|r| format!("{r}\n")).collect();
    let r = run(&["check"], jsonl.as_bytes());
    assert_eq!((r.status, ids(&r)), (0, want.clone()), "{}", r.stderr);
    assert!(r.stdout.lines().all(|l| l.starts_with("{\"line\":")), "line still leads");

    let compact = serde_json::to_string(&records).unwrap();
    let pretty = format!("\u{feff}\n  {}", serde_json::to_string_pretty(&records).unwrap());
    for array in [&compact, &pretty] {
        let r = run(&["check"], array.as_bytes());
        assert_eq!((r.status, ids(&r)), (0, want.clone()), "{}", r.stderr);
    }
    // The pretty array: each result's line is where its element starts.
    let starts: Vec<u64> = pretty.lines().enumerate().filter(|(_, l)| *l == "  {").map(|(i, _)| i as u64 + 1).collect();
    assert_eq!(run(&["check"], pretty.as_bytes()).lines(), starts);
    let dir = std::env::temp_dir().join(format!("tenantcheck-cli-ids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.json");
    std::fs::write(&file, &pretty).unwrap();
    let r = run(&["check", file.to_str().unwrap()], b"");
    assert_eq!((r.status, ids(&r)), (0, want.clone()), "{}", r.stderr);

    // CSV: the `id` column; a CSV cell is a string.
    let csv = "id,account.email\nC-001,it@contoso.com\n17,it@contoso.com\n,it@contoso.com\n";
    let r = run(&["check", "--format", "csv"], csv.as_bytes());
    let got: Vec<Value> = r.results().iter().map(|x| x["id"].clone()).collect();
    assert_eq!(got, [serde_json::json!("C-001"), serde_json::json!("17"), Value::Null], "an empty cell is no ID");
    assert!(!r.stderr.contains("ignored"), "the id column is not ignored: {}", r.stderr);
    // --id-column: accounts.csv's crmId.
    let r = run(&["check", "accounts.csv", "--id-column", "crmId"], b"");
    let got: Vec<Value> = r.results().iter().map(|x| x["id"].clone()).collect();
    let want = ["C-001", "C-002", "C-003", "", "C-005"].map(|s| if s.is_empty() { Value::Null } else { s.into() });
    assert_eq!(got, want, "the short row has no record, so no ID");
    assert!(!r.stderr.contains("crmId"), "the ID column is not ignored: {}", r.stderr);
    for (args, message) in [
        (&["check", "accounts.csv", "--id-column", "ref"][..], "no column is named \"ref\""),
        (&["check", "valid.jsonl", "--id-column", "crmId"][..], "--id-column is for CSV input"),
    ] {
        let r = run(args, b"");
        assert_eq!(r.status, 2, "{args:?}");
        assert!(r.stderr.contains(message), "{}", r.stderr);
    }

    // A bad ID is an error on `id`, and the result has none.
    let r = run(&["check"], b"{\"id\":true}\n{\"id\":1.5}\n");
    for result in r.results() {
        assert!(errors(&result).contains(&pair("id", "request.bad_id")), "{result}");
        assert!(result.get("id").is_none(), "{result}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn only_invalid_writes_the_invalid_and_counts_all() {
    let r = run(&["check", "mixed.jsonl", "--only-invalid", "--summary"], b"");
    assert_eq!(r.status, 1);
    assert_eq!(r.lines(), [3, 4, 5, 8, 9]);
    assert!(r.results().iter().all(|x| x["valid"] == false));
    assert!(r.stderr.lines().any(|l| l == "9 records: 4 valid, 5 invalid."), "{}", r.stderr);
    let r = run(&["check", "valid.jsonl", "--only-invalid"], b"");
    assert_eq!((r.status, r.stdout.as_str()), (0, ""));
}

#[test]
fn the_human_report_names_each_invalid_record_and_counts() {
    let mut records = records_with_ids();
    records[1]["account"]["billingAddress"]["postalCode"] = "x".into();
    records[2]["syncOptions"]["username"] = "ad min".into();
    let input: String = records.iter().map(|r| format!("{r}\n")).collect::<String>() + "{\n";
    let r = run(&["check", "--output-format", "human"], input.as_bytes());
    assert_eq!(r.status, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    assert!(lines[0].starts_with("17 (line 2): account.billingAddress.postalCode: "), "{}", lines[0]);
    assert!(lines[1].starts_with("Ω-3 (line 3): syncOptions.username: "), "{}", lines[1]);
    assert!(lines[2].starts_with("line 5: This is not JSON"), "{}", lines[2]);
    assert_eq!(lines[3], "5 records: 2 valid, 3 invalid.");
    // Forced JSON Lines is what a pipe gets anyway.
    let r = run(&["check", "--output-format", "jsonl"], input.as_bytes());
    assert_eq!(r.lines(), [1, 2, 3, 4, 5]);
}

#[test]
fn the_summary_as_json() {
    let r = run(&["check", "accounts.csv", "--summary-format", "json"], b"");
    assert_eq!(r.status, 1);
    let last = r.stderr.lines().last().expect("a summary");
    let summary: Value = serde_json::from_str(last).unwrap_or_else(|e| panic!("{e}: {}", r.stderr));
    assert_eq!(summary["records"], 5);
    assert_eq!(summary["valid"], 2);
    assert_eq!(summary["invalid"], 3);
    assert_eq!(summary["errors"]["postal_code.format"], 1);
    assert_eq!(summary["warnings"]["phone.calling_code_mismatch"], 1);
    assert_eq!(summary["ignoredColumns"], serde_json::json!(["crmId"]));
    assert_eq!(r.results().len(), 5, "the results as usual");
}

/// A large JSON array streams: 100,000 records (about 56 MB) in constant memory (about 29 MB whatever the size,
/// measured: the binary's own), with every result in order, each on the line where its element starts.
#[cfg(target_os = "linux")]
#[test]
fn a_large_json_array_streams_in_bounded_memory() {
    const RECORDS: usize = 100_000;
    let base = records_with_ids().remove(0);
    let mut child = spawn(&["check", "--threads", "2", "--only-invalid", "--summary-format", "json"]);
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).expect("UTF-8 output");
        s
    });
    let mut input = std::io::BufWriter::new(child.stdin.take().expect("stdin"));
    let mut bytes = 0;
    input.write_all(b"[\n").unwrap();
    for i in 0..RECORDS {
        let mut record = base.clone();
        record["id"] = i.into();
        // Every 1000th record is invalid, so that some results come back.
        if i % 1000 == 999 {
            record["account"]["billingAddress"]["postalCode"] = "x".into();
        }
        let text = format!("{}{record}\n", if i == 0 { "" } else { "," });
        bytes += text.len();
        input.write_all(text.as_bytes()).unwrap();
    }
    input.flush().unwrap();
    // Everything is written; the binary waits for the closing bracket: its peak so far is the run's.
    let peak = peak_kb(child.id());
    input.write_all(b"]\n").unwrap();
    drop(input);
    let out = child.wait_with_output().expect("the binary ends");
    let results = reader.join().expect("stdout read");
    assert!(bytes > 50 << 20, "{bytes} bytes");
    assert!(peak < 40 * 1024, "peak memory {peak} kB for a {} MB array", bytes >> 20);
    assert_eq!(out.status.code(), Some(1));
    let results: Vec<Value> = results.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<u64> = results.iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..RECORDS as u64).filter(|i| i % 1000 == 999).collect::<Vec<_>>());
    assert!(results.iter().all(|r| r["line"] == r["id"].as_u64().unwrap() + 2));
    let summary: Value = serde_json::from_slice(&out.stderr).expect("the summary");
    assert_eq!((summary["records"].as_u64(), summary["invalid"].as_u64()), (Some(RECORDS as u64), Some(100)));
}

/// The built-in catalog of a language, for the texts the tests expect.
fn catalog(locale: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("core/catalogs/{locale}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("a catalog")).expect("JSON")
}

/// Issue 12, "A Greek partner's staff can use the form and the command line in Greek": with `--lang el` the readable
/// report, its counts and the text summary are Greek, with the plural forms of 1 and 2 records.
#[test]
fn lang_el_gives_the_report_and_the_summary_in_greek() {
    let el = catalog("el");
    let mut records = records_with_ids();
    records[1]["account"]["billingAddress"]["postalCode"] = "x".into();
    let one = format!("{}\n", records[1]);
    let r = run(&["check", "--output-format", "human", "--lang", "el", "--summary"], one.as_bytes());
    assert_eq!(r.status, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let message = lines[0].strip_prefix("17 (γραμμή 1): account.billingAddress.postalCode: ");
    assert!(message.is_some_and(|m| m.chars().any(|c| ('α'..='ω').contains(&c))), "a Greek message: {}", lines[0]);
    assert_eq!(lines[1], "1 εγγραφή: 0 έγκυρες, 1 άκυρη.");
    let summary: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(summary[0], "1 εγγραφή: 0 έγκυρες, 1 άκυρη.", "{}", r.stderr);
    assert_eq!(summary[1], el["cli.summary.errors"], "{}", r.stderr);
    assert!(summary[2].trim_start().starts_with("postal_code."), "codes stay as they are: {}", r.stderr);

    let two = format!("{}\n{}\n{{\n", records[0], records[2]);
    let r = run(&["check", "--output-format", "human", "--lang", "el-GR", "--summary"], two.as_bytes());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("γραμμή 3: Αυτό δεν είναι JSON: "), "{}", r.stdout);
    assert_eq!(lines[1], "3 εγγραφές: 2 έγκυρες, 1 άκυρη.");
    let r =
        run(&["check", "--output-format", "human", "--lang", "el"], format!("{}\n{}\n", records[0], one).as_bytes());
    assert_eq!(r.stdout.lines().last(), Some("2 εγγραφές: 1 έγκυρη, 1 άκυρη."), "{}", r.stdout);

    // Two errors of one record, joined by the Greek separator; the ignored CSV column warned about in Greek.
    records[2]["syncOptions"]["username"] = "ad min".into();
    records[2]["account"]["email"] = "it@contoso".into();
    let r = run(&["check", "--output-format", "human", "--lang", "el"], format!("{}\n", records[2]).as_bytes());
    let first = r.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("Ω-3 (γραμμή 1): syncOptions.username: "), "{}", r.stdout);
    assert!(first.contains(" · account.email: "), "{}", r.stdout);
    let r = run(&["check", "accounts.csv", "--lang", "el", "--summary"], b"");
    let warning =
        "tenantcheck: προειδοποίηση: accounts.csv: η στήλη 23 «crmId» δεν είναι πεδίο της εγγραφής και αγνοείται";
    assert!(r.stderr.lines().any(|l| l == warning), "{}", r.stderr);
    assert!(r.stderr.lines().any(|l| l == "Στήλη που αγνοήθηκε: crmId"), "{}", r.stderr);
    assert!(r.stderr.lines().any(|l| l == "5 εγγραφές: 2 έγκυρες, 3 άκυρες."), "{}", r.stderr);
}

/// The complaints that end a run (status 2) are in the language of `--lang` too; what the system says stays as it
/// comes.
#[test]
fn lang_el_gives_the_complaints_in_greek() {
    let r = run(&["check", "missing.jsonl", "--lang", "el"], b"");
    assert_eq!(r.status, 2);
    assert!(r.stderr.starts_with("tenantcheck: δεν είναι δυνατό να ανοιχτεί το missing.jsonl: "), "{}", r.stderr);
    let r = run(&["check", ".", "--format", "jsonl", "--lang", "el"], b"");
    assert_eq!(r.stderr, "tenantcheck: δεν είναι δυνατό να διαβαστεί το .: είναι φάκελος\n");
    let r = run(&["check", "rules", "--lang", "el"], b"");
    assert!(r.stderr.contains("rules: η μορφή δεν προκύπτει από την επέκταση"), "{}", r.stderr);
    let r = run(&["check", "--format", "csv", "--lang", "el"], b"name,zip\nContoso,10682\n");
    assert!(r.stderr.starts_with("tenantcheck: stdin: μη έγκυρη κεφαλίδα CSV: καμία στήλη"), "{}", r.stderr);
    let r = run(&["check", "valid.jsonl", "--lang", "el", "--id-column", "crmId"], b"");
    assert!(r.stderr.starts_with("tenantcheck: valid.jsonl: το --id-column ισχύει για είσοδο CSV"), "{}", r.stderr);
    // A refused rule set: its country_rules.* message from the Greek catalog.
    let r = run(&["check", "valid.jsonl", "--lang", "el", "--rules", "bad_rules.json"], b"");
    assert_eq!(r.status, 2);
    let rejected = catalog("el")["country_rules.bad_postal_code_regex"][0].as_str().unwrap_or_default().to_owned();
    let start = rejected.split('{').next().unwrap_or_default();
    assert!(start.len() > 20 && r.stderr.starts_with(&format!("tenantcheck: bad_rules.json: {start}")), "{}", r.stderr);
    // A catalog file that cannot be read: said in the built-in Greek.
    let r = run(&["check", "valid.jsonl", "--lang", "el", "--catalog", "missing.json"], b"");
    assert!(r.stderr.starts_with("tenantcheck: δεν είναι δυνατό να διαβαστεί το missing.json: "), "{}", r.stderr);
}

/// `--settings` whose partner configuration breaks a rule: the complaint and the rule's message in Greek.
#[test]
fn lang_el_says_what_is_wrong_with_the_settings() {
    let bad = bad_settings("cli-settings-el");
    let r = run(&["check", "valid.jsonl", "--lang", "el", "--settings", &bad], b"");
    assert_eq!(r.status, 2);
    let domain =
        catalog("el")["partner_domain.invalid"].as_str().unwrap_or_default().replace("{value}", "not a domain");
    let want = format!("bad-settings.json: μη έγκυρες ρυθμίσεις: default.partnerDomain: {domain}\n");
    assert!(r.stderr.starts_with("tenantcheck: ") && r.stderr.ends_with(&want), "{}", r.stderr);
}

/// German once: the report's lines and counts, and the summary's headings.
#[test]
fn lang_de_gives_the_report_in_german() {
    let mut records = records_with_ids();
    records[1]["account"]["billingAddress"]["postalCode"] = "x".into();
    let input: String = records.iter().map(|r| format!("{r}\n")).collect::<String>() + "{\n";
    let r = run(&["check", "--output-format", "human", "--lang", "de", "--summary"], input.as_bytes());
    assert_eq!(r.status, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("17 (Zeile 2): account.billingAddress.postalCode: "), "{}", r.stdout);
    assert!(lines[1].starts_with("Zeile 5: Dies ist kein JSON: "), "{}", r.stdout);
    assert_eq!(lines[2], "5 Datensätze: 3 gültig, 2 ungültig.");
    assert!(r.stderr.lines().any(|l| l == "Fehler nach Code:"), "{}", r.stderr);
    let r = run(&["check", "missing.jsonl", "--lang", "de"], b"");
    assert!(r.stderr.starts_with("tenantcheck: missing.jsonl kann nicht geöffnet werden: "), "{}", r.stderr);
}

/// Machine-readable output does not change with `--lang`: the same results (but for the messages) and the same JSON
/// summary.
#[test]
fn lang_leaves_the_json_outputs_as_they_are() {
    let keys = |v: &Value| -> Vec<String> { v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default() };
    let english = run(&["check", "accounts.csv", "--summary-format", "json"], b"");
    for lang in ["el", "de", "fr", "es"] {
        let r = run(&["check", "accounts.csv", "--summary-format", "json", "--lang", lang], b"");
        assert_eq!(r.status, english.status);
        assert_eq!(r.stderr.lines().last(), english.stderr.lines().last(), "{lang}: the JSON summary");
        assert_eq!(r.stdout.lines().count(), english.stdout.lines().count());
        for (a, b) in r.results().iter().zip(english.results()) {
            assert_eq!(keys(a), keys(&b), "{lang}");
            assert_eq!(a["line"], b["line"]);
            assert_eq!(a["valid"], b["valid"]);
            assert_eq!(errors(a), errors(&b), "{lang}: the same codes and fields");
            assert_eq!(a["normalized"], b["normalized"]);
        }
    }
}
