//! Resizing, hard: storms of resize events between keys, sizes from 1×1 to 300×150, and a
//! terminal whose size changes between any two times it is asked, as a window being dragged
//! does. The loop reads the size once per frame and resizes its buffers and the layout
//! together, so no frame is ever drawn from a layout made for another size: nothing panics,
//! and when the storm ends the screen is the reader at the last size.

use proptest::prelude::*;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use crate::common::{builder, bundled, run_inbox};
use quire::app::{Resizable, ScriptedInbox};
use quire::document::Document;
use quire::reader::Msg;

/// A long book of distinct paragraphs, as Alice is in the storm this reproduces.
fn book() -> Document {
    let text: String = (1..=300)
        .map(|n| {
            format!(
                "Paragraph {n}: she went on and on, a long way down the rabbit-hole, wondering \
                 what latitude or longitude she had got to, and what would happen next.\n\n"
            )
        })
        .collect();
    Document::from_text(&format!("A Long Fall\n\n{text}"), "fall.txt")
}

fn resize(width: u16, height: u16) -> Msg {
    Msg::Resize { width, height }
}

#[test]
fn a_hundred_storms_of_tall_and_short_resizes_with_keys_end_at_the_last_size() {
    // The reproduction: 80×24, then a hundred times 100×120, `j`, 100×20.
    let mut inbox = ScriptedInbox::default();
    for _ in 0..100 {
        inbox.then(resize(100, 120));
        inbox.then_keys("j").unwrap();
        inbox.then(resize(100, 20));
    }
    let session = run_inbox(book(), (80, 24), inbox);
    assert_eq!(session.app.model().screen(), (100, 20));
    let screen = session.screen();
    assert_eq!(screen.lines().count(), 20);
    assert!(screen.lines().last().unwrap().contains("page"), "{screen}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 100,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_sizes_and_keys_never_panic(
        steps in prop::collection::vec(
            prop_oneof![
                (1u16..=300, 1u16..=150).prop_map(|(w, h)| Err((w, h))),
                prop::sample::select(vec!["j", "<Space>", "G", "<Tab>", "?", "b", "}", "z"])
                    .prop_map(Ok),
            ],
            1..30,
        ),
    ) {
        let mut inbox = ScriptedInbox::default();
        let mut last = (80, 24);
        for step in steps {
            match step {
                Ok(keys) => {
                    inbox.then_keys(keys).unwrap();
                }
                Err((w, h)) => {
                    inbox.then(resize(w, h));
                    last = (w, h);
                }
            }
        }
        let session = run_inbox(bundled(), (80, 24), inbox);
        prop_assert_eq!(session.app.model().screen(), last);
    }
}

/// A terminal being dragged: each time its size is asked it has a new one, and it draws what
/// fits and drops the rest, as a real terminal does. A loop that asked for the size twice in
/// one frame would draw a frame sized for the first answer into the second.
struct Dragged {
    screen: TestBackend,
    sizes: Vec<(u16, u16)>,
    asked: std::cell::Cell<usize>,
}

impl Dragged {
    fn new(sizes: Vec<(u16, u16)>) -> Dragged {
        let (w, h) = sizes[0];
        Dragged {
            screen: TestBackend::new(w, h),
            sizes,
            asked: std::cell::Cell::new(0),
        }
    }
}

impl Backend for Dragged {
    type Error = std::convert::Infallible;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let area = self.screen.buffer().area;
        let fits: Vec<(u16, u16, &Cell)> = content
            .filter(|(x, y, _)| *x < area.width && *y < area.height)
            .collect();
        self.screen.draw(fits.into_iter())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.screen.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.screen.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.screen.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let area = self.screen.buffer().area;
        let position: Position = position.into();
        let inside = Position::new(
            position.x.min(area.width.saturating_sub(1)),
            position.y.min(area.height.saturating_sub(1)),
        );
        self.screen.set_cursor_position(inside)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.screen.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.screen.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        // The window moves on between any two questions.
        let n = self.asked.get();
        self.asked.set(n + 1);
        let (width, height) = self.sizes[n % self.sizes.len()];
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.screen.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.screen.flush()
    }
}

impl Resizable for Dragged {
    fn resize_to(&mut self, width: u16, height: u16) {
        self.screen.resize(width, height);
    }

    fn copy(&mut self, _text: &str) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_terminal_resized_between_any_two_questions_is_drawn_without_a_panic() {
    let sizes = vec![(100, 120), (100, 20), (1, 1), (300, 150), (40, 3), (80, 24)];
    let mut app = builder(book(), (80, 24)).build();
    let mut terminal = quire::app::terminal(Dragged::new(sizes)).unwrap();
    let mut inbox = ScriptedInbox::default();
    for _ in 0..50 {
        inbox.then_keys("j<Space>").unwrap();
        // A resize event wakes the loop; the size the frame uses is the one it reads. The
        // pause lets a frame be drawn between one resize and the next.
        inbox.then(resize(80, 24));
        inbox.idle();
    }
    app.run(&mut terminal, &mut inbox).unwrap();
    // The loop asked once per frame: many frames, each drawn from its own size.
    assert!(terminal.backend().asked.get() > 50);
}
