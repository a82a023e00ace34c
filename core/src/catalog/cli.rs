//! Every text the command line (`tenantcheck check`, the root crate's `src/cli/`) writes for people, in one place:
//! each by a stable name (a `cli.*` key of the message catalogs) with its English template, in the core's template
//! syntax ([`crate::message`]: `{name}`, `{name|filter}`, and plural forms `{n|one:…|other:…}`, which the command line
//! fills natively, English too). The command line names a [`Text`] and never writes a sentence of its own
//! (`src/cli/texts.rs` fills them in the language of `--lang`); [`super::english_json`] writes them into
//! `core/catalogs/en.json`, so translators see them with the codes. Machine-readable output (JSON Lines, the JSON
//! summary, exit statuses) has none of them. Data only: nothing here is compiled into the npm package or the browser
//! host, which name none of them.

pub use super::host::Text;

super::host::texts! {
    // The readable report (`--output-format human`): one line per invalid record, then the counts.
    /// Params `id` (the record's ID), `line`, `issues` (its errors, each a [`REPORT_ISSUE`], joined by
    /// [`REPORT_SEPARATOR`]).
    REPORT_RECORD = "cli.report.record" => "{id} (line {line}): {issues}";
    /// Params `line`, `issues`: a record without an ID.
    REPORT_LINE = "cli.report.line" => "line {line}: {issues}";
    /// Params `field`, `message`: one error of a record on a field.
    REPORT_ISSUE = "cli.report.issue" => "{field}: {message}";
    /// Between two errors of one record.
    REPORT_SEPARATOR = "cli.report.separator" => "; ";
    /// Params `records`, `valid`, `invalid`: the report's last line and the text summary's first.
    COUNTS = "cli.counts" =>
        "{records} {records|one:record|other:records}: {valid} valid, {invalid} invalid.";

    // The summary in text form (`--summary`), on stderr; codes and counts follow each heading.
    SUMMARY_ERRORS = "cli.summary.errors" => "Errors by code:";
    SUMMARY_WARNINGS = "cli.summary.warnings" => "Warnings by code:";
    /// Params `count`, `columns` (the CSV columns' names, a list).
    SUMMARY_IGNORED = "cli.summary.ignored_columns" =>
        "Ignored {count|one:column|other:columns}: {columns}";

    // The progress line on a terminal.
    /// Param `records`: the records checked so far.
    PROGRESS_RECORDS = "cli.progress.records" => "{records} {records|one:record|other:records}";
    /// Param `time`: the time left, as the progress bar writes it (`2m`, `15s`).
    PROGRESS_LEFT = "cli.progress.left" => "{time} left";

    // Warnings on stderr; the run goes on.
    /// Params `file`, `number` (1-based), `name`: a CSV column that names no field of the record.
    IGNORED_COLUMN = "cli.warning.ignored_column" =>
        "warning: {file}: column {number} \"{name}\" is not a field of the record and is ignored";

    // Complaints on stderr that end the run with status 2. Param `detail`: what the system or a parser said.
    /// Params `file`, `detail`.
    CANNOT_OPEN = "cli.error.cannot_open" => "cannot open {file}: {detail}";
    /// Params `file`, `detail`.
    CANNOT_READ = "cli.error.cannot_read" => "cannot read {file}: {detail}";
    /// Param `file`.
    IS_DIRECTORY = "cli.error.directory" => "cannot read {file}: it is a directory";
    /// Param `file`.
    UNKNOWN_FORMAT = "cli.error.unknown_format" =>
        "{file}: cannot tell the format from the extension; use --format jsonl or --format csv";
    /// Param `file`.
    ID_COLUMN_NOT_CSV = "cli.error.id_column_not_csv" =>
        "{file}: --id-column is for CSV input (a JSON record carries its own \"id\")";
    /// Param `detail`.
    CANNOT_WRITE = "cli.error.cannot_write" => "cannot write the results: {detail}";
    /// Params `file`, `message`: why the country rules of `--rules` were refused (a `country_rules.*` message).
    BAD_RULES = "cli.error.bad_rules" => "{file}: {message}";
    /// Params `file`, `detail`: what is wrong in the settings file of `--settings`.
    BAD_SETTINGS = "cli.error.bad_settings" => "{file}: not valid settings: {detail}";
    /// Params `file`, `field`, `message`: the partner's configuration in `--settings` breaks a rule.
    BAD_CONFIGURATION = "cli.error.bad_configuration" =>
        "{file}: the partner's configuration is not valid: {field}: {message}";
    /// Params `tag`, `known` (a list of locales).
    UNKNOWN_LANG = "cli.error.unknown_lang" => "no messages in \"{tag}\"; --lang takes one of: {known}";
    /// Params `file`, `detail`: the file of `--catalog`.
    BAD_CATALOG = "cli.error.bad_catalog" => "{file}: not a message catalog: {detail}";
    /// Params `tag`, `detail`: a built-in catalog that does not parse (a broken build).
    BROKEN_CATALOG = "cli.error.broken_catalog" => "the built-in catalog for \"{tag}\" is not valid: {detail}";

    // A CSV header that cannot be read (status 2). Params `file`, `problem` (one of the `cli.csv.*` texts below).
    BAD_HEADER = "cli.csv.bad_header" => "{file}: bad CSV header: {problem}";
    HEADER_EMPTY = "cli.csv.empty" => "the input is empty";
    /// Param `column` (1-based).
    HEADER_NOT_UTF8 = "cli.csv.not_utf8" => "column {column} is not UTF-8";
    /// Param `name`.
    HEADER_DUPLICATE = "cli.csv.duplicate" => "two columns are named \"{name}\"";
    HEADER_NO_FIELD = "cli.csv.no_field" =>
        "no column names a field of the record (the header row holds dotted paths such as \
         account.billingAddress.postalCode)";
    /// Param `mib`.
    HEADER_TOO_LONG = "cli.csv.too_long" => "the first row is longer than {mib} MiB";
    /// Param `name`: the column `--id-column` names.
    HEADER_NO_ID_COLUMN = "cli.csv.no_id_column" => "no column is named \"{name}\" (--id-column)";
}
