//! `carryover`: the command-line scorer. Scores answers documents with the same engine as the web
//! app, for batch scoring and for regression-testing content edits, and produces the same exports.
//!
//! ```text
//! carryover score FILE [--format json|text]            score an answers document
//! carryover report FILE [--format md|html] [--date D] [--config C]
//!                                                      the readiness report (Markdown by default)
//! carryover soa FILE                                   draft Statement of Applicability, CSV
//! carryover tasks FILE [--format csv|ics] [--date D] [--name NAME] [--config C]
//!                                                      the task plan, CSV or iCalendar
//! carryover share FILE                                 print the share-link fragment
//! carryover unshare LINK                               print the answers document in a share link
//! carryover content                                    print the content bundle's counts and version
//! carryover diff EARLIER LATER [--json]                what moved between two assessments
//! carryover whatif FILE [--format json|text] [--config C]
//!                                                      the what-if paths side by side
//! ```
//!
//! `diff` takes two answers files (or share links), scores both with the built-in content and
//! prints readiness, days and months before and after, the days saved, the requirements whose
//! status changed and the answers that changed; entries of an older file that fit no current
//! question are listed, not fatal.
//!
//! FILE may be `-` for standard input; it is read as bytes, like a file picked in the app: a UTF-8
//! byte order mark is skipped and text that is not UTF-8 is refused. LINK may be a whole share
//! link, its fragment with or without `#share=`, the bare `v1.…` payload, or `-` to read one from
//! standard input. Control characters from the input are escaped in every message.
//! The report, the task CSV and the what-ifs are priced with the budget defaults of
//! `content/budget.toml`, or with a site owner's `carryover.config.json` given as `--config C`
//! (its budget keys, read exactly as the web app reads them: `day_rate`, `audit_fee`, `currency`,
//! `consultancy_share`, `consultancy_day_rate`; `show_budget: false` leaves money out; every
//! problem in the file is printed as a warning and the key it concerns is ignored, as in the app).
//! `--date YYYY-MM-DD` is the date on the report and the day its dated roadmap and the calendar
//! start (the calendar's time stamp is midnight UTC that day); without it, today's date (UTC) is
//! used — the clock is read here, never in the engine.
//!
//! `--lang en|fr` (anywhere on the line, default `en`) writes every output in that language: the
//! text summary, the report, the CSV headers and rows, the calendar, the messages; ids, JSON keys
//! and JSON numbers stay the same in every language, so files and links work with either.
//!
//! Exit codes: 0 success, 1 the input could not be used (the message says why), 2 usage error,
//! 3 the built-in content is invalid.

#[path = "carryover/summary.rs"]
mod summary;

use std::io::Read as _;
use std::process::ExitCode;

use carryover_engine::budget::BudgetSettings;
use carryover_engine::export::date::{Date, Timestamp};
use carryover_engine::export::plan::CalendarOptions;
use carryover_engine::export::report::{Report, ReportOptions};
use carryover_engine::export::schedule;
use carryover_engine::model::text::Wording;
use carryover_engine::{Catalog, Decoded, Lang, assess, decode_bytes, export, share, tasks};

/// The language of this run (`--lang`, English by default).
static LANGUAGE: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The locale id the command-line scorer speaks in this run.
fn lang() -> &'static str {
    LANGUAGE.get().copied().unwrap_or_default().id()
}

/// Takes `--lang X` or `--lang=X` (anywhere on the line) out of the arguments.
fn take_lang(args: &mut Vec<String>) -> Result<Lang, Failure> {
    let mut lang = Lang::En;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let value = if arg == "--lang" {
            let value = args.get(i + 1).cloned();
            args.drain(i..(i + 2).min(args.len()));
            value.ok_or_else(|| usage("needs_value", &[("flag", "--lang")]))?
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            let value = value.to_owned();
            args.remove(i);
            value
        } else {
            i += 1;
            continue;
        };
        lang = Lang::parse(&value).ok_or_else(|| usage("lang", &[("value", &value)]))?;
    }
    Ok(lang)
}

/// How a command ended when it did not succeed.
enum Failure {
    /// The input could not be used (exit 1).
    Input(Wording),
    /// The command line is wrong (exit 2); the usage follows the words, if any.
    Usage(Option<Wording>),
}

/// Words of the `cli.error.*` keys.
fn error(id: &str, args: &[(&str, &str)]) -> Wording {
    Wording::new(format!("cli.error.{id}"), args)
}

/// A usage failure with words.
fn usage(id: &str, args: &[(&str, &str)]) -> Failure {
    Failure::Usage(Some(error(id, args)))
}

/// Prints a line to standard error, with the program's name.
fn say(catalog: &Catalog, words: &Wording) {
    eprintln!("carryover: {}", catalog.word(lang(), words));
}

type Outcome = Result<(), Failure>;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let chosen = take_lang(&mut args);
    _ = LANGUAGE.set(chosen.as_ref().map_or(Lang::En, |l| *l));
    let catalog = match Catalog::builtin_in(LANGUAGE.get().copied().unwrap_or_default())
        .map_err(Clone::clone)
        .and_then(|c| carryover_engine::text::check_locales(c).map(|()| c))
    {
        Ok(c) => c,
        Err(e) => {
            // No catalog, so no locale to word this with: content authors read it in English.
            eprintln!("carryover: the built-in content is invalid:\n{e}");
            return ExitCode::from(3);
        }
    };
    let rest = args.get(1..).unwrap_or_default();
    let outcome = match (chosen, args.first().map(String::as_str)) {
        (Err(failure), _) => Err(failure),
        (Ok(_), command) => run(catalog, command, rest),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(words)) => {
            say(catalog, &words);
            ExitCode::from(1)
        }
        Err(Failure::Usage(words)) => {
            if let Some(words) = words {
                say(catalog, &words);
            }
            eprintln!("{}", catalog.text(lang(), "cli.usage"));
            ExitCode::from(2)
        }
    }
}

/// Runs one command.
fn run(catalog: &'static Catalog, command: Option<&str>, rest: &[String]) -> Outcome {
    match command {
        Some("score") => score(catalog, rest),
        Some("report") => report(catalog, rest),
        Some("soa") => soa(catalog, rest),
        Some("tasks") => task_plan(catalog, rest),
        Some("share") => share_link(catalog, rest),
        Some("unshare") => unshare(catalog, rest),
        Some("diff") => diff(catalog, rest),
        Some("whatif") => what_if(catalog, rest),
        Some("content") => {
            content(catalog);
            Ok(())
        }
        Some("-h" | "--help" | "help") => {
            println!("{}", catalog.text(lang(), "cli.usage"));
            Ok(())
        }
        Some(other) => Err(usage("unknown_command", &[("command", other)])),
        None => Err(Failure::Usage(None)),
    }
}

fn content(catalog: &Catalog) {
    let items: usize = catalog.frameworks.iter().map(|f| f.items.len()).sum();
    let words = Wording::new(
        "cli.content",
        &[
            ("version", &catalog.content_version),
            ("requirements", &catalog.requirements.len().to_string()),
            ("areas", &catalog.areas.len().to_string()),
            ("questions", &catalog.questions.len().to_string()),
            ("sections", &catalog.sections.len().to_string()),
            ("items", &items.to_string()),
            ("published", &catalog.published.len().to_string()),
        ],
    );
    println!("{}", catalog.word(lang(), &words));
}

/// Parsed options of a subcommand: one positional argument and `--flag value` pairs.
struct Options {
    input: String,
    format: Option<String>,
    date: Option<Date>,
    name: Option<String>,
    config: Option<String>,
}

/// Reads `POSITIONAL [--flag value]…`, accepting only the flags in `allowed`.
fn options(
    catalog: &Catalog,
    args: &[String],
    allowed: &[&str],
    formats: &[&str],
) -> Result<Options, Failure> {
    let mut input = None;
    let mut opts = Options {
        input: String::new(),
        format: None,
        date: None,
        name: None,
        config: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let flag = a.as_str();
        if flag.starts_with("--") {
            if !allowed.contains(&flag) {
                return Err(usage("unknown_option", &[("flag", flag)]));
            }
            let Some(value) = it.next() else {
                return Err(usage("needs_value", &[("flag", flag)]));
            };
            match flag {
                "--format" if formats.contains(&value.as_str()) => {
                    opts.format = Some(value.clone());
                }
                "--format" => {
                    let formats = match formats {
                        [a, b] => {
                            catalog.word(lang(), &Wording::new("cli.or", &[("a", a), ("b", b)]))
                        }
                        _ => formats.join(", "),
                    };
                    return Err(usage("format", &[("formats", &formats), ("value", value)]));
                }
                "--date" => {
                    opts.date =
                        Some(Date::parse(value).map_err(|e| Failure::Usage(Some(e.wording())))?);
                }
                "--config" => opts.config = Some(value.clone()),
                _ => opts.name = Some(value.clone()),
            }
        } else if input.is_none() {
            input = Some(a.clone());
        } else {
            return Err(usage("unexpected_argument", &[("argument", a)]));
        }
    }
    opts.input = input.ok_or(Failure::Usage(None))?;
    Ok(opts)
}

/// The bytes of FILE (`-`: standard input).
fn read_bytes(file: &str) -> Result<Vec<u8>, Failure> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(error("read_stdin", &[("reason", &e.to_string())])))?;
        Ok(bytes)
    } else {
        std::fs::read(file).map_err(|e| {
            Failure::Input(error(
                "read_file",
                &[("file", file), ("reason", &e.to_string())],
            ))
        })
    }
}

/// Reads and decodes an answers document (as the app reads a picked file), printing what was
/// kept aside as warnings.
fn load(catalog: &Catalog, file: &str) -> Result<Decoded, Failure> {
    let bytes = read_bytes(file)?;
    let decoded = decode_bytes(catalog, &bytes).map_err(|e| {
        Failure::Input(error("input", &[("input", file)]).with_words("reason", e.wording()))
    })?;
    for issue in &decoded.issues {
        say(
            catalog,
            &Wording::new("cli.file_warning", &[("file", file)])
                .with_words("issue", issue.wording()),
        );
    }
    Ok(decoded)
}

/// The budget defaults of the built-in content (the CLI prices with them; there is no site
/// owner's configuration here).
fn budget_defaults() -> Result<&'static carryover_engine::budget::BudgetDefaults, Failure> {
    carryover_engine::budget::builtin()
        .map_err(|e| Failure::Input(error("budget_invalid", &[("problems", &e.join("; "))])))
}

/// The budget settings of this run: the defaults, with the budget keys of the site owner's
/// configuration file (`--config`) applied as the web app applies them; `None` when that file
/// says `show_budget: false`. Problems in the file are warnings, as on a site's console.
fn money(catalog: &Catalog, o: &Options) -> Result<Option<BudgetSettings>, Failure> {
    let defaults = budget_defaults()?;
    let Some(file) = &o.config else {
        return Ok(Some(defaults.settings.clone()));
    };
    let bytes = read_bytes(file)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::Input(error("config_not_utf8", &[("file", file)])))?;
    let resolved = carryover_engine::embed_config::resolve(catalog, Some(&text), "");
    for problem in &resolved.problems {
        say(
            catalog,
            &Wording::new("cli.file_warning", &[("file", file)])
                .with_words("issue", problem.wording()),
        );
    }
    let budget = &resolved.config.budget;
    Ok((!budget.hidden).then(|| BudgetSettings::with(&defaults.settings, budget)))
}

/// Today (UTC) from the system clock, for commands run without `--date`.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs / 86_400)
        .ok()
        .and_then(Date::from_days_since_epoch)
        .unwrap_or(Date::EPOCH)
}

fn score(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(catalog, args, &["--format"], &["json", "text"])?;
    let decoded = load(catalog, &o.input)?;
    let assessment = assess(catalog, &decoded.document.answers);
    if o.format.as_deref() == Some("text") {
        print!("{}", summary::summary(catalog, &assessment, lang()));
        return Ok(());
    }
    let out = serde_json::json!({
        "input": o.input,
        // Each issue: its JSON path, its words (key and arguments) and the message they make.
        "issues": decoded
            .issues
            .iter()
            .map(|i| serde_json::json!({
                "path": i.path,
                "message": i.message(catalog, lang()),
                "reason": i.reason,
            }))
            .collect::<Vec<_>>(),
        "assessment": assessment,
    });
    let s = serde_json::to_string_pretty(&out)
        .map_err(|e| Failure::Input(error("write_json", &[("reason", &e.to_string())])))?;
    println!("{s}");
    Ok(())
}

fn report(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(
        catalog,
        args,
        &["--format", "--date", "--config"],
        &["md", "html"],
    )?;
    let money = money(catalog, &o)?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    let date = o.date.unwrap_or_else(today);
    let r = Report::build_with(
        catalog,
        &assessment,
        &doc.answers,
        lang(),
        ReportOptions {
            prepared: date,
            start: date,
            tasks: &doc.tasks,
            budget: money.as_ref(),
        },
    );
    if o.format.as_deref() == Some("html") {
        print!("{}", r.to_html());
    } else {
        print!("{}", r.to_markdown());
    }
    Ok(())
}

fn soa(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(catalog, args, &[], &[])?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    print!(
        "{}",
        export::soa::csv(catalog, &assessment, &doc.answers, &doc.tasks, lang())
    );
    Ok(())
}

fn task_plan(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(
        catalog,
        args,
        &["--format", "--date", "--name", "--config"],
        &["csv", "ics"],
    )?;
    let money = money(catalog, &o)?;
    let doc = load(catalog, &o.input)?.document;
    let assessment = assess(catalog, &doc.answers);
    let plan = tasks::plan(&assessment, &doc.tasks);
    if o.format.as_deref() == Some("ics") {
        let start = o.date.unwrap_or_else(today);
        let options = CalendarOptions {
            stamp: Timestamp::midnight(start),
            name: o.name.as_deref(),
        };
        let dated = schedule::schedule(catalog, &assessment, start);
        print!(
            "{}",
            export::plan::ics(catalog, &plan, &dated, lang(), options)
        );
    } else {
        print!(
            "{}",
            export::plan::csv_priced(catalog, &plan, lang(), money.as_ref())
        );
    }
    Ok(())
}

fn share_link(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(catalog, args, &[], &[])?;
    let doc = load(catalog, &o.input)?.document;
    println!("{}", share::encode(catalog, &doc));
    Ok(())
}

fn unshare(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(catalog, args, &[], &[])?;
    let link = if o.input == "-" {
        String::from_utf8(read_bytes("-")?)
            .map_err(|_| Failure::Input(error("stdin_not_utf8", &[])))?
    } else {
        o.input
    };
    let decoded = share::decode(catalog, &link)
        .map_err(|e| Failure::Input(error("link", &[("reason", &e.message(catalog, lang()))])))?;
    for issue in &decoded.issues {
        say(
            catalog,
            &Wording::new("cli.warning", &[]).with_words("issue", issue.wording()),
        );
    }
    println!("{}", decoded.document.to_json(catalog));
    Ok(())
}

/// An answers file, or a share link (anything with `#share=` or a bare `v1.` payload).
fn load_any(catalog: &Catalog, input: &str) -> Result<Decoded, Failure> {
    if input.contains("share=") || input.starts_with("v1.") {
        let decoded = share::decode(catalog, input).map_err(|e| {
            Failure::Input(error(
                "input",
                &[("input", input), ("reason", &e.message(catalog, lang()))],
            ))
        })?;
        for issue in &decoded.issues {
            say(
                catalog,
                &Wording::new("cli.warning", &[]).with_words("issue", issue.wording()),
            );
        }
        return Ok(decoded);
    }
    load(catalog, input)
}

fn diff(catalog: &Catalog, args: &[String]) -> Outcome {
    let mut json = false;
    let mut inputs = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return Err(usage("unknown_option", &[("flag", flag)]));
            }
            _ => inputs.push(a.as_str()),
        }
    }
    let [earlier, later] = inputs.as_slice() else {
        return Err(usage("diff_inputs", &[]));
    };
    let a = load_any(catalog, earlier)?.document;
    let b = load_any(catalog, later)?.document;
    let d = carryover_engine::diff::diff_documents(catalog, &a, &b);
    if json {
        let out = serde_json::json!({ "earlier": earlier, "later": later, "diff": d });
        let s = serde_json::to_string_pretty(&out)
            .map_err(|e| Failure::Input(error("write_json", &[("reason", &e.to_string())])))?;
        println!("{s}");
    } else {
        print!(
            "{}",
            carryover_engine::diff::render_text(catalog, &d, lang())
        );
    }
    Ok(())
}

/// The what-if paths for an answers file, with the budget settings of this run (see [`money`]),
/// as JSON (default) or as text tables.
fn what_if(catalog: &Catalog, args: &[String]) -> Outcome {
    let o = options(catalog, args, &["--format", "--config"], &["json", "text"])?;
    let money = money(catalog, &o)?;
    let doc = load(catalog, &o.input)?.document;
    let defaults = budget_defaults()?;
    let assessment = assess(catalog, &doc.answers);
    let list =
        carryover_engine::whatif::all(catalog, &doc.answers, &assessment, defaults, money.as_ref());
    if o.format.as_deref() == Some("text") {
        print!(
            "{}",
            carryover_engine::whatif::render_text(catalog, &list, lang())
        );
        return Ok(());
    }
    let s = serde_json::to_string_pretty(&serde_json::json!({ "input": o.input, "whatif": list }))
        .map_err(|e| Failure::Input(error("write_json", &[("reason", &e.to_string())])))?;
    println!("{s}");
    Ok(())
}
