//! The vocabulary of intent: what a key binding can ask for. The names in `assets/keymap.toml`
//! are these variants in snake_case, so every action is bindable and the help screen describes
//! each one. Nothing here does anything; the reader's `update` carries actions out.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    PageDown,
    PageUp,
    LineDown,
    LineUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextParagraph,
    PrevParagraph,
    NextSection,
    PrevSection,
    ToggleLeftovers,
    /// Wrap code lines wider than the column onto continuation rows, or cut them again.
    ToggleCodeWrap,
    /// Show the sidebar and move focus into it, or hide it when it has focus.
    ToggleOutline,
    /// A wider reading column (remembered for every document).
    WidenColumn,
    /// A narrower reading column (remembered for every document).
    NarrowColumn,
    /// The reading width of the settings file again.
    ResetWidth,
    /// `=`: the reading width as set when the reader changed it, else the document's facts
    /// (as `less` answers `=`): one key for both, since a width just changed is what a reader
    /// most likely means to undo, and with nothing to undo it keeps its old meaning.
    WidthOrFacts,
    Help,
    /// What the document is — its file, format, encoding, size, words, pages, and where the
    /// reader is in it.
    Facts,
    /// The messages said this session.
    Messages,
    /// The library: every document read, to open another in this session.
    OpenLibrary,
    /// Read the document again where it came from: a web page fetched again (its new copy
    /// kept), a file read again from disk; at the same place in the text.
    Refresh,
    /// A book's note whose reference is the first on the screen, in a pop-up.
    ShowNote,
    /// Go where the first internal link on the screen of a book leads (jump history records
    /// it, so `jump_back` returns).
    FollowLink,
    Quit,
    /// Stop at once, as the interrupt signal would (exit status 130).
    Interrupt,
    /// Draw the whole screen again (Ctrl-L), whatever the terminal shows now.
    Redraw,
    // In the outline sidebar.
    OutlineDown,
    OutlineUp,
    OutlineTop,
    OutlineBottom,
    OutlineJump,
    /// Unfold the entry under the cursor, or jump to it when there is nothing to unfold.
    OutlineOpen,
    /// Fold the entry under the cursor, else go up to its parent, else back to the text.
    OutlineClose,
    OutlineToggleFold,
    OutlineFoldAll,
    OutlineUnfoldAll,
    /// Leave the sidebar or an overlay, back to the text.
    Back,
    // In the help overlay.
    HelpDown,
    HelpUp,
    HelpPageDown,
    HelpPageUp,
    HelpTop,
    HelpBottom,
    // Bookmarks, in the reader.
    /// Bookmark the paragraph at the top of the screen.
    BookmarkParagraph,
    /// Start selecting a passage at the current sentence.
    SelectPassage,
    NextBookmark,
    PrevBookmark,
    OpenBookmarks,
    // While selecting a passage.
    SelectNextSentence,
    SelectPrevSentence,
    SelectNextParagraph,
    SelectPrevParagraph,
    SelectSave,
    /// Copy the passage to the clipboard, through the terminal.
    SelectCopy,
    SelectCancel,
    // In the bookmarks panel.
    BookmarksDown,
    BookmarksUp,
    BookmarksJump,
    BookmarksEditNote,
    BookmarksDelete,
    BookmarksUndo,
    BookmarksClose,
    // Search, go-to and the jump history.
    /// Open the `/` prompt: incremental search forward from here.
    SearchForward,
    /// Open the `:` prompt: go to a page, percentage, paragraph or search.
    GoToPrompt,
    SearchNext,
    SearchPrev,
    /// Back to the place the last jump left.
    JumpBack,
    /// Forward again after `jump_back`.
    JumpForward,
    /// `''`: swap with the place the last jump left.
    JumpToggle,
    /// Sidebar: switch between the outline and the search results.
    ToggleResults,
}

impl Action {
    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::PageDown => "next page",
            Action::PageUp => "previous page",
            Action::LineDown => "down one line",
            Action::LineUp => "up one line",
            Action::HalfPageDown => "down half a page",
            Action::HalfPageUp => "up half a page",
            Action::Top => "first page",
            Action::Bottom => "last page",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::ToggleLeftovers => "open/close folded leftovers",
            Action::ToggleCodeWrap => "wrap / cut long code lines",
            Action::ToggleOutline => "outline: focus / hide",
            Action::WidenColumn => "wider reading column",
            Action::NarrowColumn => "narrower reading column",
            Action::ResetWidth => "reading width as set (config file or --width)",
            Action::WidthOrFacts => "width as set if changed, else about this document",
            Action::Help => "this help",
            Action::Facts => "about this document (file, size, words, place)",
            Action::Messages => "the messages said so far",
            Action::OpenLibrary => "library: the documents read, to open one",
            Action::Refresh => "refresh: fetch the web page again (or read the file again)",
            Action::ShowNote => "a book's note referenced on this screen, in a pop-up",
            Action::FollowLink => "follow a book's first link on this screen (Ctrl-o returns)",
            Action::Quit => "quit",
            Action::Interrupt => "stop at once (exit status 130)",
            Action::Redraw => "redraw the screen",
            Action::OutlineDown => "next entry",
            Action::OutlineUp => "previous entry",
            Action::OutlineTop => "first entry",
            Action::OutlineBottom => "last entry",
            Action::OutlineJump => "jump to entry",
            Action::OutlineOpen => "unfold, or jump to entry",
            Action::OutlineClose => "fold, or up a level, or back to the text",
            Action::OutlineToggleFold => "fold / unfold",
            Action::OutlineFoldAll => "fold everything",
            Action::OutlineUnfoldAll => "unfold everything",
            Action::Back => "close what is open (never quits)",
            Action::HelpDown => "scroll help down a line",
            Action::HelpUp => "scroll help up a line",
            Action::HelpPageDown => "scroll help down a page",
            Action::HelpPageUp => "scroll help up a page",
            Action::HelpTop => "top of the help",
            Action::HelpBottom => "end of the help",
            Action::BookmarkParagraph => "bookmark this paragraph",
            Action::SelectPassage => "select a passage to bookmark",
            Action::NextBookmark => "next bookmark",
            Action::PrevBookmark => "previous bookmark",
            Action::OpenBookmarks => "list bookmarks",
            Action::SelectNextSentence => "one sentence more",
            Action::SelectPrevSentence => "one sentence less",
            Action::SelectNextParagraph => "to the paragraph's end / one more",
            Action::SelectPrevParagraph => "one paragraph less",
            Action::SelectSave => "bookmark the passage (then a note)",
            Action::SelectCopy => "copy the passage to the clipboard",
            Action::SelectCancel => "cancel the selection",
            Action::BookmarksDown => "next bookmark",
            Action::BookmarksUp => "previous bookmark",
            Action::BookmarksJump => "go to the bookmark",
            Action::BookmarksEditNote => "edit its note",
            Action::BookmarksDelete => "delete it",
            Action::BookmarksUndo => "undo the last delete",
            Action::BookmarksClose => "close the list",
            Action::SearchForward => "search (\\ or Ctrl-r: regex)",
            Action::GoToPrompt => {
                "go to :42 page, :50%, :¶12 (:p12) paragraph, :/text; :n :p :x files"
            }
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::JumpBack => "back to the place before the last jump",
            Action::JumpForward => "forward again in the jump history",
            Action::JumpToggle => "swap with the place before the last jump",
            Action::ToggleResults => "sidebar: outline / search results",
        }
    }
}
