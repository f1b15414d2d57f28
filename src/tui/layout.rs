//! Where each pane goes for a given window size. Shared by `update` (page
//! sizes, keeping the selection in view) and the views (drawing), so the two
//! never disagree.

use ratatui::layout::Rect;

/// Below this width the panes stack: tree above, detail below.
pub const STACK_BELOW: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub tree: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub stacked: bool,
}

pub fn panes(area: Rect, tree_percent: u16) -> Panes {
    let status_h = u16::from(area.height > 0);
    let body = Rect { height: area.height.saturating_sub(status_h), ..area };
    let status = Rect { y: area.y + body.height, height: status_h, ..area };
    let stacked = area.width < STACK_BELOW;
    let (tree, detail) = if stacked {
        let tree_h = body.height / 2;
        (Rect { height: tree_h, ..body }, Rect { y: body.y + tree_h, height: body.height - tree_h, ..body })
    } else {
        let tree_w = (u32::from(body.width) * u32::from(tree_percent) / 100) as u16;
        (Rect { width: tree_w, ..body }, Rect { x: body.x + tree_w, width: body.width - tree_w, ..body })
    };
    Panes { tree, detail, status, stacked }
}

/// The help overlay's box in `area`, for `lines` lines of text: centred,
/// as tall as the text (with a margin) or the window allows.
pub fn help_popup(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(96);
    let height = area.height.saturating_sub(2).min(u16::try_from(lines + 5).unwrap_or(u16::MAX));
    Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// A centred box `w`×`h` (clipped to the area), for the overlays.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let width = w.min(area.width);
    let height = h.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}
