//! `tenantcheck check`: opens the input, installs `--rules` and `--settings`, runs the pipeline and sets the exit
//! status.

use super::args::{CheckArgs, Format, OutputFormat, SummaryFormat};
use super::input::array::ArraySource;
use super::input::csv::CsvSource;
use super::input::jsonl::JsonlSource;
use super::input::{self, Batch, Counting, Item, Source};
use super::output;
use super::pipeline::{self, Failure};
use super::progress::Progress;
use super::summary::Tally;
use crate::exit::{complain, EXIT_INVALID, EXIT_TROUBLE, EXIT_VALID};
use crate::serve::settings::Settings;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use tenantcheck_core::catalog::Catalog;
use tenantcheck_core::validate::Validator;
use tenantcheck_core::Record;

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
    match check(args) {
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

fn check(args: &CheckArgs) -> Result<u8, String> {
    let validator = validator(args.rules.as_deref())?;
    let catalog = catalog(args)?;
    let validator = configured(validator, args)?;
    let input = open(args.input.as_deref(), args.format)?;
    if args.id_column.is_some() && input.format != Format::Csv {
        return Err(format!("{}: --id-column is for CSV input (a JSON record carries its own \"id\")", input.name));
    }
    let read = Arc::new(AtomicU64::new(0));
    let reader = Counting::new(input.reader, Arc::clone(&read));
    let (mut source, ignored): (Box<dyn Source>, Vec<String>) = match input.format {
        Format::Jsonl => {
            // A JSON array (a `.json` export) is streamed element by element; anything else is JSON Lines.
            let (array, reader) = input::sniff_array(reader).map_err(|e| format!("cannot read {}: {e}", input.name))?;
            let source: Box<dyn Source> =
                if array { Box::new(ArraySource::new(reader)) } else { Box::new(JsonlSource::new(reader)) };
            (source, Vec::new())
        }
        Format::Csv => {
            let (source, ignored) = CsvSource::open_with_id(reader, args.id_column.as_deref())
                .map_err(|e| format!("{}: {e}", input.name))?;
            for column in &ignored {
                complain(format_args!("warning: {}: {column}", input.name));
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
    let mut progress = Progress::new(read, input.size);
    let result = pipeline::run(
        workers,
        move || source.next_batch(),
        |batch| work(&validator, catalog.as_ref(), batch, options),
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
            output::write_counts(&mut out, &total).map_err(Failure::Write)?;
        }
        out.flush().map_err(Failure::Write)
    });
    drop(out);

    match args.summary_format.or(args.summary.then_some(SummaryFormat::Text)) {
        Some(SummaryFormat::Text) => {
            let _ = total.print(&mut io::stderr().lock(), &ignored);
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
        Err(Failure::Read(e)) => Err(format!("cannot read {}: {e}", input.name)),
        // A closed pipe (`tenantcheck check big.jsonl | head -1`) is the reader's choice, not a fault to report: the
        // run ends quietly with the status the records checked so far earned.
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(earned),
        Err(Failure::Write(e)) => Err(format!("cannot write the results: {e}")),
    }
}

/// Validates one batch, with its messages in the catalog's language if there is one. Runs on a worker.
fn work(validator: &Validator, catalog: Option<&Catalog>, batch: Batch, options: Options) -> Done {
    let mut done = Done { out: Vec::with_capacity(super::input::BATCH_BYTES * 2), tally: Tally::default() };
    batch.items(|line, item| {
        let mut report = match item {
            Item::Parsed(parsed) => validator.validate_parsed(parsed),
            Item::Rejected(report) => report,
        };
        if let Some(catalog) = catalog {
            catalog.localize(&mut report);
        }
        done.tally.add(&report);
        if options.human {
            output::write_human(&mut done.out, line, &report);
        } else if !(options.only_invalid && report.valid) {
            output::write_result(&mut done.out, line, &report);
        }
    });
    done
}

/// The catalog of `--lang` (built in, or `--catalog`'s file); `None` for English.
fn catalog(args: &CheckArgs) -> Result<Option<Catalog>, String> {
    match (&args.lang, &args.catalog) {
        (Some(lang), Some(path)) => crate::catalogs::from_file(lang, path).map(Some),
        (Some(lang), None) => crate::catalogs::for_locale(lang),
        (None, _) => Ok(None),
    }
}

/// The validator, with `--rules` installed.
fn validator(rules: Option<&Path>) -> Result<Validator, String> {
    let mut validator = Validator::new();
    if let Some(path) = rules {
        let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        validator.set_country_rules_json(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(validator)
}

/// The validator holding the partner's configuration of `--settings` (its `default` entry, or `--account`'s), read
/// and checked by the stand-in's own reader ([`Settings`]), then by the core's rules with the country rules in force.
fn configured(mut validator: Validator, args: &CheckArgs) -> Result<Validator, String> {
    let Some(path) = &args.settings else {
        return Ok(validator);
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let settings = Settings::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let partner = args.account.map_or(&settings.default, |id| settings.partner(id));
    let mut config = Record::default();
    partner.apply(&mut config);
    validator.configure(config).map_err(|e| format!("{}: {}: {}", path.display(), e.field, e.message))?;
    Ok(validator)
}

/// Opens the input (a file, or stdin for `-` or none) and decides its format.
fn open(path: Option<&Path>, format: Option<Format>) -> Result<Input, String> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        let reader = Box::new(io::stdin());
        return Ok(Input { name: "stdin".to_owned(), reader, size: None, format: format.unwrap_or(Format::Jsonl) });
    };
    let name = path.display().to_string();
    let format = match format.or_else(|| format_of(path)) {
        Some(f) => f,
        None => return Err(format!("{name}: cannot tell the format from the extension; use --format jsonl|csv")),
    };
    let file = File::open(path).map_err(|e| format!("cannot open {name}: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot open {name}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("cannot read {name}: it is a directory"));
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
