//! Where things go on screen. One function decides the sidebar, the reading column and the
//! status line for a terminal size; the reader (to lay out pages and map clicks) and the view
//! both call it, so they cannot disagree. It takes plain values, not the reader's settings.

use ratatui::layout::Rect;

/// Narrower than this, the sidebar hides itself so the text keeps a readable column.
pub const SIDEBAR_MIN_SCREEN: u16 = 70;
/// Below this reading column the screen just says it is too small.
pub const MIN_READABLE_WIDTH: u16 = 8;

/// Which side of the screen the sidebar takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    Left,
    Right,
}

/// How the screen is shared out, as the settings say: plain values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The widest the reading column gets.
    pub max_width: usize,
    /// Columns kept blank either side of the reading column (when the pane has room).
    pub margin: u16,
    pub sidebar_side: Side,
    /// The sidebar's width in columns; `None` sizes it to the screen (a quarter, 20 to 36).
    pub sidebar_width: Option<u16>,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            max_width: 72,
            margin: 1,
            sidebar_side: Side::Left,
            sidebar_width: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub screen: Rect,
    pub sidebar: Option<Rect>,
    /// The pane beside the sidebar.
    pub pane: Rect,
    /// The reading column, centred in the pane.
    pub column: Rect,
    /// The columns a code line may take from the column's left edge: on to the pane's right
    /// margin, so preformatted text wider than the measure for prose is not cut while the
    /// screen has room for it. At least the column's width.
    pub code_width: u16,
    pub status: Option<Rect>,
}

impl Geometry {
    /// The places for a `screen` of (width, height) cells, with the sidebar when it is wanted
    /// and fits, shared out as `shape` says.
    pub fn new(screen: (u16, u16), sidebar_wanted: bool, shape: &Shape) -> Geometry {
        let (width, height) = screen;
        let screen = Rect::new(0, 0, width, height);
        let (body_height, status) = if height >= 2 {
            (height - 1, Some(Rect::new(0, height - 1, width, 1)))
        } else {
            (height, None)
        };
        let sidebar_width = shape
            .sidebar_width
            .unwrap_or((width / 4).clamp(20, 36))
            .clamp(12, width.saturating_sub(MIN_READABLE_WIDTH + 4).max(12));
        let sidebar = (sidebar_wanted && width >= SIDEBAR_MIN_SCREEN).then(|| {
            let x = match shape.sidebar_side {
                Side::Left => 0,
                Side::Right => width - sidebar_width,
            };
            Rect::new(x, 0, sidebar_width, body_height)
        });
        let pane = match (sidebar, shape.sidebar_side) {
            (Some(s), Side::Left) => Rect::new(s.width, 0, width - s.width, body_height),
            (Some(s), Side::Right) => Rect::new(0, 0, width - s.width, body_height),
            (None, _) => Rect::new(0, 0, width, body_height),
        };
        let margin = if pane.width > 12 {
            (2 * shape.margin).min(pane.width / 3)
        } else {
            0
        };
        let max = u16::try_from(shape.max_width).unwrap_or(u16::MAX).max(1);
        let column_width = pane.width.saturating_sub(margin).min(max);
        let column_x = pane.x + (pane.width - column_width) / 2;
        let column = Rect::new(column_x, 0, column_width, body_height);
        let right_gap = (pane.x + pane.width) - (column.x + column.width);
        let code_width = column.width + right_gap.saturating_sub(shape.margin.min(right_gap));
        Geometry {
            screen,
            sidebar,
            pane,
            column,
            code_width,
            status,
        }
    }

    /// Too small to read in: render says so instead of drawing pages.
    pub fn too_small(&self) -> bool {
        self.column.width < MIN_READABLE_WIDTH || self.column.height < 1
    }
}

/// A popup (help, bookmarks) centred on the screen: at most `max_width` wide, the screen's
/// height less a row above and below.
pub fn popup_area(screen: Rect, max_width: u16) -> Rect {
    let width = screen.width.min(max_width);
    let height = screen.height.saturating_sub(2).max(1).min(screen.height);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// How many rows of text a popup shows on a screen `screen_height` rows high: its height less
/// its two borders (shared by the help screen's drawing and its scrolling).
pub fn popup_rows(screen_height: u16) -> usize {
    let screen = Rect::new(0, 0, 1, screen_height);
    usize::from(popup_area(screen, 1).height.saturating_sub(2)).max(1)
}

/// How far an outline entry of `level` is indented in a sidebar `inner_width` columns wide
/// (shared by render and by click mapping): two columns a level, at most half the width.
pub fn sidebar_indent(level: u8, inner_width: u16) -> u16 {
    (u16::from(level.saturating_sub(1)) * 2).min(inner_width / 2)
}

/// The first outline entry shown in a sidebar of `rows` entries, keeping `cursor` visible
/// (shared by render and by click mapping).
pub fn sidebar_offset(cursor: usize, entries: usize, rows: usize) -> usize {
    if rows == 0 || entries <= rows {
        return 0;
    }
    cursor.saturating_sub(rows / 2).min(entries - rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_is_centred_and_capped() {
        let g = Geometry::new((200, 50), true, &Shape::default());
        assert_eq!(g.column.width, 72);
        let sidebar = g.sidebar.unwrap();
        assert_eq!(g.pane.x, sidebar.width);
        assert_eq!(g.column.x - g.pane.x, (g.pane.width - 72) / 2);
        assert_eq!(g.status, Some(Rect::new(0, 49, 200, 1)));
    }

    #[test]
    fn the_sidebar_can_sit_right_at_a_chosen_width_with_wider_margins() {
        let shape = Shape {
            max_width: 200,
            margin: 3,
            sidebar_side: Side::Right,
            sidebar_width: Some(30),
        };
        let g = Geometry::new((120, 40), true, &shape);
        let sidebar = g.sidebar.unwrap();
        assert_eq!((sidebar.x, sidebar.width), (90, 30));
        assert_eq!((g.pane.x, g.pane.width), (0, 90));
        assert_eq!(g.column.width, 84);
        assert_eq!(g.column.x, 3);
        // The column fills the pane but its margins: code gets no more room than prose.
        assert_eq!(g.code_width, 84);
    }

    #[test]
    fn code_may_take_the_panes_room_right_of_the_column_up_to_its_margin() {
        let g = Geometry::new((200, 50), true, &Shape::default());
        assert_eq!(g.column.x + g.code_width, g.pane.x + g.pane.width - 1);
        let wide_margins = Shape {
            margin: 4,
            ..Shape::default()
        };
        let g = Geometry::new((200, 50), false, &wide_margins);
        assert_eq!(g.column.x + g.code_width, 200 - 4);
        for width in 0..=120 {
            let g = Geometry::new((width, 10), true, &Shape::default());
            assert!(g.code_width >= g.column.width);
            assert!(g.column.x + g.code_width <= g.pane.x + g.pane.width);
        }
    }

    #[test]
    fn narrow_screens_hide_the_sidebar() {
        let g = Geometry::new((40, 12), true, &Shape::default());
        assert!(g.sidebar.is_none());
        assert_eq!(g.column.width, 38);
    }

    #[test]
    fn tiny_screens_do_not_underflow() {
        for w in 0..4 {
            for h in 0..4 {
                let g = Geometry::new((w, h), true, &Shape::default());
                assert!(g.column.width <= w);
            }
        }
    }

    #[test]
    fn offset_keeps_cursor_visible() {
        for cursor in 0..50 {
            let off = sidebar_offset(cursor, 50, 10);
            assert!(off <= cursor && cursor < off + 10);
        }
        assert_eq!(sidebar_offset(3, 5, 10), 0);
    }
}
