//! Placing labelled items at the right depth. Items are only ever appended,
//! so the open path is always "the last child at each level"; the stack
//! records what kind of list each open level is.

use super::label::{Class, Reading};
use crate::document::model::Clause;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    pub class: Class,
    pub ordinal: u32,
}

/// Where an item goes: `depth` open levels are kept and it becomes the last
/// child at that depth (0 = a new top-level paragraph).
pub fn place(stack: &[Open], readings: &[Reading]) -> (usize, Reading) {
    // 1. The next in an open list: `b` after `a`, `ii` after `i`, `i`
    //    after `h` (a letter, because `h` is open).
    for (depth, open) in stack.iter().enumerate().rev() {
        for r in readings {
            if r.class == open.class && (r.ordinal == open.ordinal + 1 || r.class == Class::Bullet) {
                return (depth, *r);
            }
        }
    }
    // 2. The first of a new list, nested under the current item: `i` under
    //    a lettered item is a numeral. A list never nests in its own kind.
    for r in readings {
        if r.ordinal == 1 && !stack.iter().any(|o| o.class == r.class) {
            return (stack.len(), *r);
        }
    }
    // 3. A gap in an open list (a skipped or repeated label): stay in it.
    for (depth, open) in stack.iter().enumerate().rev() {
        for r in readings {
            if r.class == open.class {
                return (depth, *r);
            }
        }
    }
    // 4. Anything else nests under the current item.
    let first = readings.first().copied().unwrap_or(Reading { class: Class::Bullet, ordinal: 1 });
    (stack.len().min(MAX_DEPTH), first)
}

/// Deeper than any real document; keeps hostile input from building a
/// tree that is expensive to walk.
pub const MAX_DEPTH: usize = 12;

/// The open clause at `depth` (0 = the last root), following last children.
pub fn open_at(roots: &mut [Clause], depth: usize) -> Option<&mut Clause> {
    let mut node = roots.last_mut()?;
    for _ in 0..depth {
        node = node.children.last_mut()?;
    }
    Some(node)
}

/// Append `clause` so that `depth` levels above it stay open.
pub fn insert(roots: &mut Vec<Clause>, depth: usize, clause: Clause) {
    if depth == 0 {
        roots.push(clause);
        return;
    }
    match open_at(roots, depth - 1) {
        Some(parent) => parent.children.push(clause),
        None => roots.push(clause),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(class: Class, ordinal: u32) -> Reading {
        Reading { class, ordinal }
    }
    fn o(class: Class, ordinal: u32) -> Open {
        Open { class, ordinal }
    }

    #[test]
    fn i_after_h_is_a_letter_and_i_under_a_is_a_numeral() {
        let i = [r(Class::Lower, 9), r(Class::LowerRoman, 1)];
        let stack = [o(Class::Number, 1), o(Class::Lower, 8)];
        assert_eq!(place(&stack, &i), (1, r(Class::Lower, 9)));
        let stack = [o(Class::Number, 1), o(Class::Lower, 1)];
        assert_eq!(place(&stack, &i), (2, r(Class::LowerRoman, 1)));
        // `v` after `iv` is a numeral; `b` after `ii` closes the numerals.
        let v = [r(Class::Lower, 22), r(Class::LowerRoman, 5)];
        let stack = [o(Class::Number, 1), o(Class::Lower, 1), o(Class::LowerRoman, 4)];
        assert_eq!(place(&stack, &v), (2, r(Class::LowerRoman, 5)));
        let stack = [o(Class::Number, 1), o(Class::Lower, 1), o(Class::LowerRoman, 2)];
        assert_eq!(place(&stack, &[r(Class::Lower, 2)]), (1, r(Class::Lower, 2)));
    }

    #[test]
    fn repeated_labels_do_not_nest_forever() {
        let stack = [o(Class::Number, 1), o(Class::Lower, 1)];
        assert_eq!(place(&stack, &[r(Class::Lower, 1)]).0, 1);
    }
}
