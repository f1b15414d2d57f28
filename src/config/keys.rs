//! Key names in the config (`"j"`, `"Down"`, `"Ctrl-d"`, `"Shift-Tab"`) and
//! the keymap they produce.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::keymap::{Action, Key, Keymap};

/// `Action::NextHit` → `"next_hit"`, as in the config file.
pub fn action_name(action: Action) -> String {
    ron::to_string(&action).unwrap_or_default()
}

fn action_by_name(name: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|a| action_name(*a) == name)
}

/// Parse one key name.
pub fn parse_key(name: &str) -> Result<Key, String> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    if let Some(r) = rest.strip_prefix("Ctrl-").or_else(|| rest.strip_prefix("C-")) {
        modifiers |= KeyModifiers::CONTROL;
        rest = r;
    }
    if let Some(r) = rest.strip_prefix("Alt-") {
        modifiers |= KeyModifiers::ALT;
        rest = r;
    }
    let code = match rest {
        "Shift-Tab" | "BackTab" => KeyCode::BackTab,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Enter" => KeyCode::Enter,
        "Space" => KeyCode::Char(' '),
        "Tab" => KeyCode::Tab,
        "Esc" => KeyCode::Esc,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" | "PageUp" => KeyCode::PageUp,
        "PgDn" | "PageDown" => KeyCode::PageDown,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        f if f.starts_with('F') && f.len() > 1 && f[1..].parse::<u8>().is_ok() => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
        other => return Err(format!("unknown key {other:?}")),
    };
    Ok(Key { code, modifiers })
}

/// The default keymap with the config's bindings applied.
pub fn keymap(config: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
    let mut map = Keymap::default();
    for (name, keys) in config {
        let action = action_by_name(name).ok_or_else(|| format!("keys: unknown action {name:?}"))?;
        let keys: Vec<Key> = keys.iter().map(|k| parse_key(k)).collect::<Result<_, _>>()?;
        if let Some(entry) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
            entry.1 = keys;
        }
    }
    let all: Vec<(Action, Key)> = map.bindings.iter().flat_map(|(a, ks)| ks.iter().map(move |k| (*a, *k))).collect();
    for (i, (a, k)) in all.iter().enumerate() {
        if let Some((b, _)) = all[i + 1..].iter().find(|(_, k2)| k2 == k) {
            return Err(format!("keys: {} is bound twice ({} and {})", k.label(), action_name(*a), action_name(*b)));
        }
    }
    Ok(map)
}
