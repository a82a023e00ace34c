//! `tenantcheck check`: opens the input, installs `--rules` and `--settings`, runs the pipeline and sets the exit
//! status.

use super::args::{CheckArgs, Format, OutputFormat, SummaryFormat};
use super::input::array::ArraySource;
use super::input::csv::{CsvSource, HeaderError, MAX_ROW};
use super::input::jsonl::JsonlSource;
use super::input::{self, Batch, Counting, Item, Source};
use super::output;
use super::pipeline::{self, Failure};
use super::progress::Progress;
use super::summary::Tally;
use super::texts::{self, Words};
use crate::exit::{complain, EXIT_INVALID, EXIT_TROUBLE, EXIT_VALID};
use crate::serve::settings::Settings;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use tenantcheck_core::validate::Validator;
use tenantcheck_core::{Params, Record};

/// What one worker makes of one batch.
struct Done {
    /// The batch's result lines.
    out: Vec<u8>,
    tally: Tally,
}

/// What the workers write for each result.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// The readable report ([`output::write_human`]) rather than JSON Lines.
    human: bool,
    /// Only invalid records' results.
    only_invalid: bool,
}

/// Runs `check` and returns the exit status.
pub fn run(args: &CheckArgs) -> u8 {
    let result = Words::for_args(args).and_then(|words| check(args, &words));
    match result {
        Ok(status) => status,
        Err(msg) => {
            complain(msg);
            EXIT_TROUBLE
        }
    }
}

/// The input, opened.
struct Input {
    /// For messages.
    name: String,
    reader: Box<dyn Read + Send>,
    /// The size in bytes, for a regular file.
    size: Option<u64>,
    format: Format,
}

/// Runs `check` in the language of `words`; an error is the complaint, in words.
fn check(args: &CheckArgs, words: &Words) -> Result<u8, String> {
    let validator = validator(args.rules.as_deref(), words)?;
    let validator = configured(validator, args, words)?;
    let input = open(args.input.as_deref(), args.format, words)?;
    if args.id_column.is_some() && input.format != Format::Csv {
        return Err(words.file(texts::ID_COLUMN_NOT_CSV, &input.name));
    }
    let read = Arc::new(AtomicU64::new(0));
    let reader = Counting::new(input.reader, Arc::clone(&read));
    let (mut source, ignored): (Box<dyn Source>, Vec<String>) = match input.format {
        Format::Jsonl => {
            // A JSON array (a `.json` export) is streamed element by element; anything else is JSON Lines.
            let (array, reader) =
                input::sniff_array(reader).map_err(|e| words.file_detail(texts::CANNOT_READ, &input.name, e))?;
            let source: Box<dyn Source> =
                if array { Box::new(ArraySource::new(reader)) } else { Box::new(JsonlSource::new(reader)) };
            (source, Vec::new())
        }
        Format::Csv => {
            let (source, ignored) = CsvSource::open_with_id(reader, args.id_column.as_deref())
                .map_err(|e| csv_header_error(words, &input.name, e))?;
            for column in &ignored {
                let params = Params::default()
                    .with("file", &input.name)
                    .with("number", column.number)
                    .with("name", &column.name);
                complain(words.say(texts::IGNORED_COLUMN, &params));
            }
            (Box::new(source), ignored.into_iter().map(|c| c.name).collect())
        }
    };
    let workers = match args.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };

    // On a terminal, the characters it would act on are escaped in the JSON strings (`output::escape_for_terminal`),
    // and the output is the readable report unless `--output-format` says otherwise.
    let terminal = io::stdout().is_terminal();
    let human = args.output_format.map_or(terminal, |f| f == OutputFormat::Human);
    let options = Options { human, only_invalid: args.only_invalid };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut total = Tally::default();
    let mut progress = Progress::new(read, input.size, words);
    let result = pipeline::run(
        workers,
        move || source.next_batch(),
        |batch| work(&validator, words, batch, options),
        |done: Done| {
            // Counted before it is written: a closed stdout ends the run with the status of the records checked.
            total.merge(done.tally);
            let bytes = if terminal && !human { output::escape_for_terminal(&done.out) } else { done.out.into() };
            // The progress line (on the same terminal) steps aside while results are shown.
            progress.suspend(|| {
                out.write_all(&bytes)?;
                if terminal {
                    out.flush()?;
                }
                Ok::<_, io::Error>(())
            })?;
            progress.tick(total.records);
            Ok(())
        },
    );
    progress.finish();
    let result = result.and_then(|()| {
        if human {
            output::write_counts(&mut out, &total, words).map_err(Failure::Write)?;
        }
        out.flush().map_err(Failure::Write)
    });
    drop(out);

    match args.summary_format.or(args.summary.then_some(SummaryFormat::Text)) {
        Some(SummaryFormat::Text) => {
            let _ = total.print(&mut io::stderr().lock(), &ignored, words);
        }
        Some(SummaryFormat::Json) => {
            let mut json = total.to_json(&ignored);
            json.push(b'\n');
            let json = if io::stderr().is_terminal() { output::escape_for_terminal(&json) } else { json.into() };
            let _ = io::stderr().lock().write_all(&json);
        }
        None => {}
    }
    let earned = if total.invalid() > 0 { EXIT_INVALID } else { EXIT_VALID };
    match result {
        Ok(()) => Ok(earned),
        Err(Failure::Read(e)) => Err(words.file_detail(texts::CANNOT_READ, &input.name, e)),
        // A closed pipe (`tenantcheck check big.jsonl | head -1`) is the reader's choice, not a fault to report: the
        // run ends quietly with the status the records checked so far earned.
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(earned),
        Err(Failure::Write(e)) => Err(words.say(texts::CANNOT_WRITE, &Params::default().with("detail", e.to_string()))),
    }
}

/// Validates one batch, with its messages in the language of `words`. Runs on a worker.
fn work(validator: &Validator, words: &Words, batch: Batch, options: Options) -> Done {
    let mut done = Done { out: Vec::with_capacity(super::input::BATCH_BYTES * 2), tally: Tally::default() };
    batch.items(|line, item| {
        let mut report = match item {
            Item::Parsed(parsed) => validator.validate_parsed(parsed),
            Item::Rejected(report) => report,
        };
        words.localize(&mut report);
        done.tally.add(&report);
        if options.human {
            output::write_human(&mut done.out, line, &report, words);
        } else if !(options.only_invalid && report.valid) {
            output::write_result(&mut done.out, line, &report);
        }
    });
    done
}

/// A CSV header that cannot be read, in words.
fn csv_header_error(words: &Words, file: &str, e: HeaderError) -> String {
    let problem = match e {
        HeaderError::Io(e) => return words.file_detail(texts::CANNOT_READ, file, e),
        HeaderError::Missing => words.word(texts::HEADER_EMPTY),
        HeaderError::NotUtf8 { number } => words.say(texts::HEADER_NOT_UTF8, &Params::default().with("column", number)),
        HeaderError::Duplicate { name } => words.say(texts::HEADER_DUPLICATE, &Params::default().with("name", name)),
        HeaderError::NoField => words.word(texts::HEADER_NO_FIELD),
        HeaderError::TooLong => words.say(texts::HEADER_TOO_LONG, &Params::default().with("mib", MAX_ROW / (1 << 20))),
        HeaderError::NoIdColumn { name } => {
            words.say(texts::HEADER_NO_ID_COLUMN, &Params::default().with("name", name))
        }
    };
    words.say(texts::BAD_HEADER, &Params::default().with("file", file).with("problem", problem))
}

/// The validator, with `--rules` installed.
fn validator(rules: Option<&Path>, words: &Words) -> Result<Validator, String> {
    let mut validator = Validator::new();
    if let Some(path) = rules {
        let file = path.display().to_string();
        let json = std::fs::read_to_string(path).map_err(|e| words.file_detail(texts::CANNOT_READ, &file, e))?;
        validator.set_country_rules_json(&json).map_err(|e| {
            words.say(texts::BAD_RULES, &Params::default().with("file", &file).with("message", words.reason(&e)))
        })?;
    }
    Ok(validator)
}

/// The validator holding the partner's configuration of `--settings` (its `default` entry, or `--account`'s), read
/// and checked by the stand-in's own reader ([`Settings`]), then by the core's rules with the country rules in force.
fn configured(mut validator: Validator, args: &CheckArgs, words: &Words) -> Result<Validator, String> {
    let Some(path) = &args.settings else {
        return Ok(validator);
    };
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| words.file_detail(texts::CANNOT_READ, &file, e))?;
    let settings = Settings::parse(&text).map_err(|e| {
        // The core's reason in the language of `--lang`; a parser's words as they come.
        let what = match &e.rule {
            Some((wording, params)) => words.rule(*wording, params, &e.detail),
            None => e.detail.clone(),
        };
        let detail = match e.at.as_str() {
            "" => what,
            at => words.say(texts::REPORT_ISSUE, &Params::default().with("field", at).with("message", what)),
        };
        words.file_detail(texts::BAD_SETTINGS, &file, detail)
    })?;
    let partner = args.account.map_or(&settings.default, |id| settings.partner(id));
    let mut config = Record::default();
    partner.apply(&mut config);
    validator.configure(config).map_err(|e| {
        let params =
            Params::default().with("file", &file).with("field", e.field.as_ref()).with("message", words.issue(&e));
        words.say(texts::BAD_CONFIGURATION, &params)
    })?;
    Ok(validator)
}

/// Opens the input (a file, or stdin for `-` or none) and decides its format.
fn open(path: Option<&Path>, format: Option<Format>, words: &Words) -> Result<Input, String> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let reader = Box::new(io::stdin());
        return Ok(Input { name: "stdin".to_owned(), reader, size: None, format: format.unwrap_or(Format::Jsonl) });
    };
    let name = path.display().to_string();
    let format = match format.or_else(|| format_of(path)) {
        Some(f) => f,
        None => return Err(words.file(texts::UNKNOWN_FORMAT, &name)),
    };
    let file = File::open(path).map_err(|e| words.file_detail(texts::CANNOT_OPEN, &name, e))?;
    let meta = file.metadata().map_err(|e| words.file_detail(texts::CANNOT_OPEN, &name, e))?;
    if meta.is_dir() {
        return Err(words.file(texts::IS_DIRECTORY, &name));
    }
    let size = meta.is_file().then_some(meta.len());
    Ok(Input { name, reader: Box::new(file), size, format })
}

/// The format named by a file's extension.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}
