//! Command-line arguments (clap derive). One subcommand per job: `check` and `serve`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::sync::LazyLock;

/// The version line: the crate's version and the data version of the embedded country table.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!("{} (country data: {})", env!("CARGO_PKG_VERSION"), tenantcheck_core::countries::DATA_VERSION)
});

/// Checks exports of cloud-BSS accounts against the rules Microsoft Partner Center applies when it creates a
/// customer tenant.
#[derive(Debug, Parser)]
#[command(name = "tenantcheck", version = VERSION.as_str(), propagate_version = true, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const AFTER_HELP: &str = "\
Example: tenantcheck check accounts.jsonl --summary > results.jsonl
         tenantcheck check accounts.csv --id-column crmId --only-invalid > bad.jsonl
Exit status: 0 every record valid, 1 some record invalid, 2 the input could not be read.";

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check records (JSON Lines, a JSON array or CSV) and write one JSON result per record, in input order, to
    /// stdout; on a terminal, a readable report of the invalid records instead.
    ///
    /// Each output line is the core's result with a leading "line": the 1-based line of the record in the input
    /// (for CSV, the line where the row starts; in a JSON array, where the element starts), and the record's "id"
    /// when it has one. Blank lines give no result. A line that is not JSON, not a record or not UTF-8 gets a result
    /// with an error and the run goes on (in a JSON array, a syntax error ends the input).
    ///
    /// Exit status: 0 every record valid, 1 some record invalid, 2 the input could not be read.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),

    /// Run the local stand-in of the provisioning API (docs/stand-in.md): serves index.html with the form's
    /// configuration, the browser host's files, and the API of api.md, on 127.0.0.1.
    ///
    /// The first line on stdout is "listening on http://127.0.0.1:PORT/". Stops on Ctrl-C.
    Serve(crate::serve::args::ServeArgs),
}

const CHECK_AFTER_HELP: &str = "\
CSV input: the header row names fields by dotted path (account.billingAddress.postalCode). An empty cell is no
value; account.isSubCustomerOfReseller reads true/false as booleans; markets is a list split on ',' ';' or spaces.
Columns the record does not know are ignored with one warning each. A row with the wrong number of cells gets an
error result. The column named id (or the one --id-column names) is the record's ID.";

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The file to check; `-` or nothing reads stdin (JSON Lines unless --format says otherwise).
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Input format. Default: from the extension (.jsonl .ndjson .json = jsonl, .csv = csv); jsonl for stdin.
    /// JSON input whose first character is `[` is read as one JSON array of records, streamed.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// CSV input: the column that holds each record's ID, which comes back as the result's "id" (default: the
    /// column named "id", if any).
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,

    /// Write only the results of invalid records (the summary still counts every record).
    #[arg(long)]
    pub only_invalid: bool,

    /// Output: `human`, one line per invalid record with its ID (or line) and messages, then the counts; or `jsonl`,
    /// one JSON result per record. Default: human on a terminal, jsonl otherwise.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output_format: Option<OutputFormat>,

    /// Partner Center country rules (JSON, the shape of GET /v1/countryvalidationrules) that replace the embedded
    /// defaults for the countries they name.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// The partner's configuration (JSON, the shape of the stand-in's settings: examples/stand-in-settings.json): its
    /// "default" entry, or the account's with --account, applies to every record, and the records' configuration
    /// fields are ignored with one warning each (request.configuration_ignored).
    #[arg(long, value_name = "FILE")]
    pub settings: Option<PathBuf>,

    /// The BSS account (decimal digits) whose entry of --settings applies; an account the file does not name gets its
    /// "default" entry, as on the stand-in.
    #[arg(long, value_name = "ID", requires = "settings", value_parser = account_id)]
    pub account: Option<i64>,

    /// Print counts per error and warning code, and the totals, on stderr at the end.
    #[arg(long)]
    pub summary: bool,

    /// The language of the results' messages and of the report, summary, progress and complaints (BCP 47: en, el,
    /// de, fr, es; de-AT reads as de). Codes, fields, params and JSON keys stay as they are; this help stays English.
    /// Default: English.
    #[arg(long, value_name = "LOCALE")]
    pub lang: Option<String>,

    /// A message catalog (JSON, the format of core/catalogs/: docs/messages.md) to use before the built-in one of
    /// --lang; what it lacks comes from the built-in one, then English.
    #[arg(long, value_name = "FILE", requires = "lang")]
    pub catalog: Option<PathBuf>,

    /// The summary's format: `text` (the default), or `json`, one JSON object. Implies --summary.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub summary_format: Option<SummaryFormat>,

    /// Worker threads that validate (default: the number of cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

/// `--account`: an account id as the stand-in reads it ([`crate::serve::ids::parse_account`]).
fn account_id(s: &str) -> Result<i64, String> {
    crate::serve::ids::parse_account(s).ok_or_else(|| format!("{s:?} is not an account id (decimal digits)"))
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines: one record (a JSON object) per line.
    Jsonl,
    /// CSV with a header row of dotted field paths.
    Csv,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable report: one line per invalid record, then the counts.
    Human,
    /// JSON Lines: one result per record.
    Jsonl,
}

/// The summary's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Lines of text.
    Text,
    /// One JSON object.
    Json,
}

/// Parses the process arguments; on bad arguments prints clap's message and exits with status 2.
pub fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
