//! The jump list, as vim and helix keep it: every jump (finder, citation,
//! `n` / `N`, `g` / `G`, `{` / `}`, changes, the notes list) records where
//! the reader was, so a delegate who follows a citation gets back to the
//! clause they were reading with one key. Node indices: the tree never
//! changes while the reader runs.

/// How many places are kept.
const KEEP: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct Jumps {
    back: Vec<usize>,
    forward: Vec<usize>,
}

impl Jumps {
    /// A jump is leaving `from`.
    pub fn record(&mut self, from: usize) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > KEEP {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Back from `here`: the place before the last jump.
    pub fn back(&mut self, here: usize) -> Option<usize> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// Forward again from `here`.
    pub fn forward(&mut self, here: usize) -> Option<usize> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    /// The last place left, and `here` becomes the place to toggle back to.
    pub fn toggle(&mut self, here: usize) -> Option<usize> {
        let to = self.back.pop()?;
        self.back.push(here);
        Some(to)
    }

    pub fn counts(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_forward_and_toggle() {
        let mut j = Jumps::default();
        j.record(1);
        j.record(5);
        assert_eq!(j.back(9), Some(5));
        assert_eq!(j.back(5), Some(1));
        assert_eq!(j.back(1), None);
        assert_eq!(j.forward(1), Some(5));
        assert_eq!(j.forward(5), Some(9));
        assert_eq!(j.forward(9), None);
        // A new jump drops what was ahead.
        j.back(9);
        j.record(5);
        assert_eq!(j.forward(7), None);
        assert_eq!(j.toggle(7), Some(5));
        assert_eq!(j.toggle(5), Some(7));
        assert_eq!(j.toggle(7), Some(5));
    }

    #[test]
    fn the_same_place_twice_is_kept_once_and_the_list_is_bounded() {
        let mut j = Jumps::default();
        j.record(3);
        j.record(3);
        assert_eq!(j.counts(), (1, 0));
        for i in 0..500 {
            j.record(i);
        }
        assert_eq!(j.counts().0, KEEP);
    }
}
