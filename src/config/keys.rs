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

/// A keymap that cannot be used, and the config text it is about (an
/// action or key name) so that the message can give its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub message: String,
    /// The action (a map key in `keys`) or key name the error is about.
    pub action: Option<String>,
    pub key: Option<String>,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The default keymap with the config's bindings applied. Refused: an
/// unknown action or key, a key bound twice, and a keymap with no way to
/// quit (the user would be locked in).
pub fn keymap(config: &BTreeMap<String, Vec<String>>) -> Result<Keymap, KeyError> {
    let error = |message: String, action: Option<&str>, key: Option<&str>| KeyError {
        message,
        action: action.map(str::to_string),
        key: key.map(str::to_string),
    };
    let mut map = Keymap::default();
    for (name, keys) in config {
        let action =
            action_by_name(name).ok_or_else(|| error(format!("keys: unknown action {name:?}"), Some(name), None))?;
        let keys: Vec<Key> = keys
            .iter()
            .map(|k| parse_key(k).map_err(|e| error(format!("keys: {name}: {e}"), Some(name), Some(k))))
            .collect::<Result<_, _>>()?;
        if let Some(entry) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
            entry.1 = keys;
        }
    }
    if map.bindings.iter().any(|(a, keys)| *a == Action::Quit && keys.is_empty()) {
        let name = action_name(Action::Quit);
        return Err(error(format!("keys: {name} has no key: there would be no way to quit"), Some(&name), None));
    }
    let all: Vec<(Action, Key)> = map.bindings.iter().flat_map(|(a, ks)| ks.iter().map(move |k| (*a, *k))).collect();
    for (i, (a, k)) in all.iter().enumerate() {
        if let Some((b, _)) = all[i + 1..].iter().find(|(_, k2)| k2 == k) {
            // Said of the action the config names (the other may be a default).
            let named = if config.contains_key(&action_name(*b)) { *b } else { *a };
            return Err(error(
                format!("keys: {} is bound twice ({} and {})", k.label(), action_name(*a), action_name(*b)),
                Some(&action_name(named)),
                None,
            ));
        }
    }
    Ok(map)
}
