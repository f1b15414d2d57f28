//! The finder end to end: the real `reso` binary in a pseudo-terminal, read
//! back through a terminal emulator (vt100), as a delegate would use it.

mod common;

use common::pty::Session;

/// `reso ARGS` in a 40 × 120 terminal with its own temporary home.
fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
    Session::in_temp_home(args, env)
}

#[test]
fn a_citation_lands_on_its_clause() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("/1/3 PP 3");
    let screen = s.wait_for("/ 1/3 PP 3");
    assert!(screen.contains("= CCPCJ/1/3 › Preamble 3"), "shown first, marked as the citation:\n{screen}");
    s.keys("\r");
    let screen = s.wait_for("id CCPCJ/1/3:pre.3");
    assert!(screen.contains("Reaffirming"), "{screen}");
    // A clause that does not exist: said, with the nearest, and Enter
    // does not jump anywhere.
    s.keys("/1/3 op 40");
    let screen = s.wait_for("no clause 1/3:op.40");
    assert!(screen.contains("CCPCJ/1/3:op.1"), "{screen}");
    s.keys("\r");
    s.wait_for("pick with ↑ / ↓ then Enter, or Esc");
    s.keys("\x1b");
    s.wait_for("id CCPCJ/1/3:pre.3");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}

#[test]
fn a_filter_keeps_the_hotline_clauses_and_n_cycles_through_them() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("fhotline");
    s.wait_for("/ hotline");
    s.keys("\r");
    let screen = s.wait_for("2 matching clauses");
    // Only CCPCJ/1/4's operative 17 (its item b names the hotline too)
    // and their ancestors: no other resolution, no other paragraph.
    let tree: Vec<&str> = screen.lines().map(|l| l.split('│').nth(1).unwrap_or("")).collect();
    let tree = tree.join("\n");
    for absent in ["CCPCJ/1/1", "CCPCJ/1/2", "CCPCJ/1/3", "Preamble", "16 ", "18 "] {
        assert!(!tree.contains(absent), "{absent} shown:\n{screen}");
    }
    assert!(tree.contains("CCPCJ/1/4") && tree.contains("17 Recommends"), "{screen}");
    assert!(screen.contains("CCPCJ/1/4 › Operative 17"), "{screen}");
    s.keys("n");
    let screen = s.wait_for("hit 2 of 2");
    assert!(screen.contains("CCPCJ/1/4 › Operative 17 › b"), "{screen}");
    s.keys("n");
    let screen = s.wait_for("hit 1 of 2 — wrapped to the first");
    assert!(screen.contains("id CCPCJ/1/4:op.17\n") || screen.contains("id CCPCJ/1/4:op.17 "), "{screen}");
    s.keys("N");
    s.wait_for("hit 2 of 2 — wrapped to the last");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}

#[test]
fn the_prompt_edits_like_a_prompt() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("/hotlne");
    s.wait_for("/ hotlne");
    // Left twice, insert the missing `i`.
    s.keys("\x1b[D");
    s.keys("\x1b[D");
    s.keys("i");
    s.wait_for("/ hotline");
    // End, a word, Ctrl-w deletes it; Ctrl-u the line.
    s.keys("\x1b[F");
    s.keys(" data");
    s.wait_for("/ hotline data");
    s.keys("\x17");
    s.wait_for("/ hotline ");
    s.keys("\x15");
    let screen = s.wait_for("0/230");
    assert!(!screen.contains("/ hotline"), "{screen}");
    s.keys("\x1b");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}
