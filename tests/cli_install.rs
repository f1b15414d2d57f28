//! reso as an installed command-line tool: shell completions, the man page,
//! `reso paths`, exit codes, and a package that holds only what it should.

use std::path::Path;
use std::process::{Command, Output};

use reso::tui::keymap::Action;

const SUBCOMMANDS: [&str; 7] = ["outline", "find", "annotate", "notes", "paths", "completions", "man"];

/// The binary with a clean environment for where things are.
fn reso_in(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = reso_in(home.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", String::from_utf8_lossy(&o.stderr));
        let script = stdout(&o);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
        assert!(script.contains("--notes") || script.contains("notes"), "{shell}");
    }
    let o = reso_in(home.path(), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2), "an unknown shell is a usage error");
}

#[test]
fn the_man_page_renders_and_lists_every_command_and_key() {
    let home = tempfile::tempdir().unwrap();
    let o = reso_in(home.path(), &["man"]);
    assert!(o.status.success());
    let roff = stdout(&o);
    for section in
        [".TH reso 1", ".SH NAME", ".SH SYNOPSIS", ".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"]
    {
        assert!(roff.contains(section), "no {section}");
    }
    // Every line is text or a request roff knows: a document's or a key's
    // text can never start a request.
    for line in roff.lines().filter(|l| l.starts_with('.') || l.starts_with('\'')) {
        let request = line.split_whitespace().next().unwrap_or("");
        assert!(
            [
                ".TH", ".SH", ".SS", ".TP", ".IP", ".PP", ".P", ".RS", ".RE", ".br", ".B", ".ie", ".el", ".nf", ".fi",
                ".sp"
            ]
            .contains(&request)
                || request.starts_with(".\\\""),
            "unexpected request line {line:?}"
        );
    }
    let text = rendered(&roff);
    for sub in SUBCOMMANDS {
        assert!(text.contains(sub), "the man page does not list {sub}");
    }
    for action in Action::ALL {
        assert!(text.contains(action.description()), "no key for {:?}", action.description());
    }
    assert!(text.contains("NO_COLOR") && text.contains("notes.ron"));
}

/// The page as `man` shows it, when groff is installed (CI installs it);
/// else the roff source with its escapes undone.
fn rendered(roff: &str) -> String {
    use std::io::Write;
    let child = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else { return unescaped(roff) };
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(roff.as_bytes()).expect("groff reads");
    }
    let out = child.wait_with_output().expect("groff runs");
    assert!(out.status.success(), "groff: {}", String::from_utf8_lossy(&out.stderr));
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(warnings.trim().is_empty(), "groff warns: {warnings}");
    // Rendered text wraps and hyphenates: compare with single spaces.
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn paths_follow_every_override() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path().display().to_string();
    let o = reso_in(home.path(), &["paths"]);
    let out = stdout(&o);
    assert!(out.contains(&format!("{h}/.config/reso/config.ron\t(not yet created)")), "{out}");
    assert!(out.contains(&format!("{h}/.local/share/reso/notes.ron\t(not yet created)")), "{out}");

    // XDG variables move both folders.
    let o = Command::new(env!("CARGO_BIN_EXE_reso"))
        .arg("paths")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("cfg"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{h}/cfg/reso/config.ron")) && out.contains(&format!("{h}/data/reso/notes.ron")),
        "{out}"
    );

    // --config, and its notes_file; --notes wins over both.
    let cfg = home.path().join("my.ron");
    let notes = home.path().join("shared-notes.ron");
    std::fs::write(&cfg, format!("(notes_file: Some({:?}))", notes.display().to_string())).unwrap();
    std::fs::write(&notes, "(format: 1, documents: {})").unwrap();
    let o = reso_in(home.path(), &["paths", "--config", cfg.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains(&format!("{}\t(exists)", cfg.display())), "{out}");
    assert!(out.contains(&format!("{}\t(exists)", notes.display())), "{out}");
    let o = reso_in(home.path(), &["paths", "--config", cfg.to_str().unwrap(), "--notes", "/tmp/elsewhere.ron"]);
    assert!(stdout(&o).contains("/tmp/elsewhere.ron"), "{}", stdout(&o));
}

#[test]
fn exit_codes_are_zero_one_two() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(reso_in(home.path(), &["outline"]).status.code(), Some(0));
    assert_eq!(reso_in(home.path(), &["outline", "/no/such/file.txt"]).status.code(), Some(1));
    assert_eq!(reso_in(home.path(), &["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(reso_in(home.path(), &["find"]).status.code(), Some(2));
}

#[test]
fn the_package_holds_no_test_corpora_or_benchmark_output() {
    let o = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files = stdout(&o);
    assert!(files.lines().any(|f| f == "src/main.rs") && files.lines().any(|f| f.starts_with("assets/")));
    for f in files.lines() {
        assert!(
            !f.starts_with("tests/") && !f.starts_with("benches/") && !f.starts_with("target/") && f != "-",
            "the package holds {f}"
        );
    }
}

/// Roff source as text: fonts dropped, escapes undone, lines joined.
fn unescaped(roff: &str) -> String {
    let mut out = String::new();
    let mut rest = roff;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let esc = &rest[i + 1..];
        let (text, used) = if let Some(hex) = esc.strip_prefix("[u") {
            let end = hex.find(']').unwrap_or(0);
            let c = u32::from_str_radix(&hex[..end], 16).ok().and_then(char::from_u32).unwrap_or('?');
            (c.to_string(), 3 + end)
        } else if esc.starts_with('f') {
            (String::new(), 2)
        } else if esc.starts_with('e') {
            ("\\".to_string(), 1)
        } else {
            (esc.chars().next().map(String::from).unwrap_or_default(), 1)
        };
        out.push_str(&text);
        rest = &esc[used.min(esc.len())..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    // A pipe (as here) gets plain text by default; --color always colours
    // it, --color never does not, whatever NO_COLOR says.
    assert!(!stdout(&reso_in(home.path(), &["paths"])).contains('\x1b'));
    assert!(stdout(&reso_in(home.path(), &["paths", "--color", "always"])).contains("\x1b[1m"));
    assert!(!stdout(&reso_in(home.path(), &["paths", "--color", "never"])).contains('\x1b'));
    assert_eq!(reso_in(home.path(), &["paths", "--color", "sometimes"]).status.code(), Some(2));
}
