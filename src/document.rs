//! The Markdown layer: one pulldown-cmark pass over a file, kept as byte spans.
//!
//! Everything a rule needs to know about the *Markdown* of a report lives here:
//! headings, leaf blocks (paragraphs, list items, table rows, code blocks,
//! block quotes), HTML comments and YAML front matter. Every span is a byte
//! range into [`Document::source`]; turning it into a line and column is the
//! job of [`LineIndex`], and happens only when a diagnostic is rendered.
//!
//! Prose that a student left inside the template's example fence
//! (```` ```md ````) is parsed as Markdown too, so the blocks inside it take
//! part in the model like any other; they are marked [`Block::in_fence`].

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};

/// A byte range into a document's source.
pub type Span = Range<usize>;

/// The pulldown-cmark options every parse in this crate uses.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// A parsed Markdown file.
#[derive(Debug)]
#[non_exhaustive]
pub struct Document {
    /// The text of the file, exactly as read.
    pub source: String,
    /// Maps byte offsets to lines and columns.
    pub lines: LineIndex,
    /// The YAML front matter block (`---` … `---`), if the file starts with one.
    pub front_matter: Option<FrontMatterBlock>,
    /// Every ATX or setext heading, in order (headings inside code fences are not headings).
    pub headings: Vec<Heading>,
    /// Leaf blocks in document order (see [`Block`]).
    pub blocks: Vec<Block>,
    /// HTML comments (`<!-- … -->`), block or inline, in order.
    pub comments: Vec<Comment>,
}

/// The raw front matter block; its YAML is interpreted by [`crate::model::FrontMatter`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FrontMatterBlock {
    /// The whole block including both `---` lines.
    pub span: Span,
    /// The YAML between the delimiters.
    pub yaml_span: Span,
}

/// A heading.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, …
    pub level: u8,
    /// The heading's text with inline markup removed (`**Root** cause` → `Root cause`).
    pub text: String,
    /// The whole heading, markers included (for setext headings, both lines).
    pub span: Span,
}

/// What kind of leaf block a [`Block`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph outside any list item.
    Paragraph,
    /// A list item. `depth` is 0 for a top-level list; `task` is
    /// `Some(checked)` for a `- [ ]` / `- [x]` item.
    ListItem {
        depth: usize,
        ordered: bool,
        task: Option<bool>,
    },
    /// A table row; `cells` are the byte spans of the cells' contents.
    TableRow { header: bool, cells: Vec<Span> },
    /// A fenced or indented code block; `info` is the fence's info string.
    Code { info: String, content: Span },
    /// A block quote; `callout` is the GitHub alert kind (`> [!NOTE]`), if any.
    Quote { callout: Option<Callout> },
    /// A block of raw HTML that is not a comment.
    Html,
}

/// GitHub alert kinds (`> [!NOTE]`, `> [!TIP]`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callout {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

/// A leaf block of the document.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block. For a list item this includes its nested items.
    pub span: Span,
    /// The block's own text: for a list item, up to its first nested block
    /// list; for everything else, the same as `span`.
    pub own: Span,
    /// True when the block was found inside a ```` ```md ```` fence.
    pub in_fence: bool,
    /// True when the block sits inside a block quote.
    pub in_quote: bool,
}

/// An HTML comment.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Comment {
    /// The comment including `<!--` and `-->`.
    pub span: Span,
    /// The text between the delimiters, trimmed.
    pub body: Span,
}

impl Document {
    /// Parses `source`. Never fails: any sequence of characters is Markdown.
    pub fn parse(source: String) -> Document {
        let lines = LineIndex::new(&source);
        // Room for a typical report's blocks and headings, grown if need be.
        let mut collector = Collector {
            blocks: Vec::with_capacity(source.len() / 128 + 8),
            headings: Vec::with_capacity(16),
            ..Collector::default()
        };
        collector.walk(&source, 0, false);
        let front_matter = collector.front_matter.take();
        Document {
            lines,
            front_matter,
            headings: collector.headings,
            blocks: collector.blocks,
            comments: collector.comments,
            source,
        }
    }

    /// The text of a span.
    pub fn text(&self, span: &Span) -> &str {
        self.source.get(span.clone()).unwrap_or("")
    }

    /// The span of the whole line (without its line break) that holds `offset`.
    pub fn line_span(&self, offset: usize) -> Span {
        self.lines.line_span(&self.source, offset)
    }
}

/// Walks pulldown-cmark events and collects the pieces of a [`Document`].
#[derive(Default)]
struct Collector {
    headings: Vec<Heading>,
    blocks: Vec<Block>,
    comments: Vec<Comment>,
    front_matter: Option<FrontMatterBlock>,
}

/// An open container while walking events.
enum Open {
    Heading {
        level: u8,
        start: usize,
        text: String,
    },
    Item {
        index: usize,
        cut: bool,
    },
    List {
        ordered: bool,
    },
    Quote,
    Code {
        index: usize,
    },
    Metadata {
        start: usize,
    },
    Other,
}

/// The open containers, with running counts of the ones every event asks
/// about (counting them on each event would be quadratic in the nesting:
/// thousands of nested `>` must stay fast).
#[derive(Default)]
struct Stack {
    open: Vec<Open>,
    quotes: usize,
    items: usize,
    lists: usize,
}

impl Stack {
    fn push(&mut self, open: Open) {
        match open {
            Open::Quote => self.quotes += 1,
            Open::Item { .. } => self.items += 1,
            Open::List { .. } => self.lists += 1,
            _ => {}
        }
        self.open.push(open);
    }

    fn pop(&mut self) -> Option<Open> {
        let open = self.open.pop();
        match open {
            Some(Open::Quote) => self.quotes -= 1,
            Some(Open::Item { .. }) => self.items -= 1,
            Some(Open::List { .. }) => self.lists -= 1,
            _ => {}
        }
        open
    }
}

impl Collector {
    /// Parses `text` (which starts at byte `base` of the file) and records what it finds.
    fn walk(&mut self, source: &str, base: usize, in_fence: bool) {
        let end = source.len();
        let text = &source[base..end];
        self.walk_slice(source, text, base, in_fence);
    }

    fn walk_slice(&mut self, source: &str, text: &str, base: usize, in_fence: bool) {
        // Room for the nesting of a typical report, grown if need be.
        let mut stack = Stack {
            open: Vec::with_capacity(16),
            ..Stack::default()
        };
        // Fenced prose to parse once this pass is done: (content span).
        let mut fenced_prose: Vec<Span> = Vec::new();
        let mut in_table_head = false;
        for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
            let span = range.start + base..range.end + base;
            let quote_depth = stack.quotes;
            let in_item = stack.items > 0;
            match event {
                // `# Title`, `Title\n===`
                Event::Start(Tag::Heading { level, .. }) => stack.push(Open::Heading {
                    level: heading_level(level),
                    start: span.start,
                    text: String::new(),
                }),
                Event::End(TagEnd::Heading(_)) => {
                    if let Some(Open::Heading { level, start, text }) = stack.pop() {
                        let end = trim_line_end(source, span.end);
                        if !in_fence {
                            self.headings.push(Heading {
                                level,
                                text: heading_text(text),
                                span: start..end.max(start),
                            });
                        }
                    }
                }
                // `---\nkey: value\n---` at the very top
                Event::Start(Tag::MetadataBlock(_)) => {
                    stack.push(Open::Metadata { start: span.start })
                }
                Event::End(TagEnd::MetadataBlock(_)) => {
                    if let Some(Open::Metadata { start }) = stack.pop() {
                        let yaml_start =
                            source[start..].find('\n').map_or(start, |i| start + i + 1);
                        let closing = source[..span.end].trim_end_matches(['\n', '\r']);
                        let yaml_end = closing
                            .rfind('\n')
                            .map_or(yaml_start, |i| i + 1)
                            .max(yaml_start);
                        if !in_fence && self.front_matter.is_none() {
                            self.front_matter = Some(FrontMatterBlock {
                                span: start..span.end,
                                yaml_span: yaml_start..yaml_end,
                            });
                        }
                    }
                }
                // `- item`, `1. item`
                Event::Start(Tag::List(first)) => stack.push(Open::List {
                    ordered: first.is_some(),
                }),
                Event::End(TagEnd::List(_)) => {
                    stack.pop();
                }
                Event::Start(Tag::Item) => {
                    let depth = stack.lists.saturating_sub(1);
                    let ordered = stack
                        .open
                        .iter()
                        .rev()
                        .find_map(|o| match o {
                            Open::List { ordered } => Some(*ordered),
                            _ => None,
                        })
                        .unwrap_or(false);
                    // A parent item's own text stops where its first nested list begins.
                    if let Some(Open::Item { index, cut }) = stack
                        .open
                        .iter_mut()
                        .rev()
                        .find(|o| matches!(o, Open::Item { .. }))
                    {
                        if !*cut {
                            *cut = true;
                            let own = &mut self.blocks[*index].own;
                            own.end = trim_ws_end(source, span.start).max(own.start);
                        }
                    }
                    let index = self.blocks.len();
                    self.blocks.push(Block {
                        kind: BlockKind::ListItem {
                            depth,
                            ordered,
                            task: None,
                        },
                        span: span.clone(),
                        own: span.clone(),
                        in_fence,
                        in_quote: quote_depth > 0,
                    });
                    stack.push(Open::Item { index, cut: false });
                }
                Event::End(TagEnd::Item) => {
                    if let Some(Open::Item { index, cut }) = stack.pop() {
                        let block = &mut self.blocks[index];
                        block.span.end = trim_ws_end(source, span.end).max(block.span.start);
                        if !cut {
                            block.own.end = block.span.end;
                        }
                    }
                }
                // `- [x] done`
                Event::TaskListMarker(checked) => {
                    if let Some(Open::Item { index, .. }) = stack
                        .open
                        .iter()
                        .rev()
                        .find(|o| matches!(o, Open::Item { .. }))
                    {
                        if let BlockKind::ListItem { task, .. } = &mut self.blocks[*index].kind {
                            *task = Some(checked);
                        }
                    }
                }
                // A paragraph outside a list item (inside one, the item is the block).
                Event::Start(Tag::Paragraph) => {
                    if !in_item {
                        self.blocks.push(Block {
                            kind: BlockKind::Paragraph,
                            span: span.start..trim_line_end(source, span.end),
                            own: span.start..trim_line_end(source, span.end),
                            in_fence,
                            in_quote: quote_depth > 0,
                        });
                    }
                    stack.push(Open::Other);
                }
                // `> quote`, `> [!NOTE]`
                Event::Start(Tag::BlockQuote(kind)) => {
                    let end = trim_line_end(source, span.end);
                    self.blocks.push(Block {
                        kind: BlockKind::Quote {
                            callout: kind.map(callout),
                        },
                        span: span.start..end,
                        own: span.start..end,
                        in_fence,
                        in_quote: quote_depth > 0,
                    });
                    stack.push(Open::Quote);
                }
                // ```` ```md ```` fences and indented code
                Event::Start(Tag::CodeBlock(kind)) => {
                    let info = match kind {
                        CodeBlockKind::Fenced(info) => info.trim().to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    let end = trim_line_end(source, span.end);
                    let index = self.blocks.len();
                    self.blocks.push(Block {
                        kind: BlockKind::Code {
                            info,
                            content: end..end,
                        },
                        span: span.start..end,
                        own: span.start..end,
                        in_fence,
                        in_quote: quote_depth > 0,
                    });
                    stack.push(Open::Code { index });
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some(Open::Code { index }) = stack.pop() {
                        let block = &self.blocks[index];
                        if let BlockKind::Code { info, content } = &block.kind {
                            let contiguous = !in_item && quote_depth == 0;
                            if !in_fence
                                && contiguous
                                && is_markdown_info(info)
                                && content.start < content.end
                            {
                                fenced_prose.push(content.clone());
                            }
                        }
                    }
                }
                // | a | b |
                Event::Start(Tag::TableHead) => {
                    in_table_head = true;
                    self.push_row(span, true, in_fence, quote_depth > 0);
                    stack.push(Open::Other);
                }
                Event::End(TagEnd::TableHead) => {
                    in_table_head = false;
                    stack.pop();
                }
                Event::Start(Tag::TableRow) => {
                    self.push_row(span, in_table_head, in_fence, quote_depth > 0);
                    stack.push(Open::Other);
                }
                Event::Start(Tag::TableCell) => {
                    if let Some(Block {
                        kind: BlockKind::TableRow { cells, .. },
                        ..
                    }) = self.blocks.last_mut()
                    {
                        cells.push(trim_span(source, span));
                    }
                    stack.push(Open::Other);
                }
                // `<div>` blocks and `<!-- comments -->`
                Event::Html(html) | Event::InlineHtml(html) => {
                    self.record_html(
                        source,
                        &html,
                        span,
                        in_fence,
                        quote_depth > 0,
                        matches!(stack.open.last(), None | Some(Open::Quote)),
                    );
                }
                Event::Start(Tag::HtmlBlock) => stack.push(Open::Other),
                Event::Text(t) | Event::Code(t) => {
                    for open in stack.open.iter_mut().rev() {
                        match open {
                            Open::Heading { text, .. } => {
                                push_heading_piece(text, &t);
                                break;
                            }
                            Open::Code { index } => {
                                let block_end = self.blocks[*index].span.end;
                                if let BlockKind::Code { content, .. } =
                                    &mut self.blocks[*index].kind
                                {
                                    if content.start == content.end && content.start >= block_end {
                                        *content = span.clone();
                                    } else {
                                        content.end = span.end.max(content.end);
                                    }
                                }
                                break;
                            }
                            // Text is never inside a heading or code block
                            // that lies beyond a container.
                            Open::Item { .. } | Open::List { .. } | Open::Quote => break,
                            Open::Metadata { .. } | Open::Other => {}
                        }
                    }
                }
                Event::Start(_) => stack.push(Open::Other),
                Event::End(_) => {
                    stack.pop();
                }
                Event::SoftBreak
                | Event::HardBreak
                | Event::Rule
                | Event::FootnoteReference(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => {
                    if let (Event::SoftBreak | Event::HardBreak, Some(Open::Heading { text, .. })) =
                        (&event, stack.open.last_mut())
                    {
                        push_heading_piece(text, " ");
                    }
                }
            }
        }
        for content in fenced_prose {
            let inner = &source[content.clone()];
            let before = self.blocks.len();
            self.walk_slice(source, inner, content.start, true);
            // Keep blocks in document order: the fence's blocks go right after the fence.
            let fence_at = self.blocks[..before].iter().rposition(
                |b| matches!(&b.kind, BlockKind::Code { content: c, .. } if *c == content),
            );
            if let Some(at) = fence_at {
                let inner_blocks: Vec<Block> = self.blocks.drain(before..).collect();
                let tail: Vec<Block> = self.blocks.drain(at + 1..).collect();
                self.blocks.extend(inner_blocks);
                self.blocks.extend(tail);
            }
        }
        self.comments.sort_by_key(|c| c.span.start);
    }

    fn push_row(&mut self, span: Span, header: bool, in_fence: bool, in_quote: bool) {
        self.blocks.push(Block {
            kind: BlockKind::TableRow {
                header,
                cells: Vec::new(),
            },
            span: span.clone(),
            own: span,
            in_fence,
            in_quote,
        });
    }

    fn record_html(
        &mut self,
        source: &str,
        html: &str,
        span: Span,
        in_fence: bool,
        in_quote: bool,
        block_level: bool,
    ) {
        let mut found = false;
        let mut rest = 0;
        while let Some(open) = html[rest..].find("<!--") {
            let start = rest + open;
            let Some(close) = html[start + 4..].find("-->") else {
                break;
            };
            let end = start + 4 + close + 3;
            let body_start = start + 4;
            let body_end = end - 3;
            let body = &html[body_start..body_end];
            let lead = body.len() - body.trim_start().len();
            let trail = body.len() - body.trim_end().len();
            // The event's text is the source's only outside containers
            // (in a block quote, `> ` is stripped): find the comment itself.
            let comment = &html[start..end];
            let offset = if source.get(span.start + start..span.start + end) == Some(comment) {
                Some(span.start)
            } else {
                source
                    .get(span.clone())
                    .and_then(|s| s.find(comment))
                    .and_then(|at| (span.start + at).checked_sub(start))
            };
            if let Some(offset) = offset {
                self.comments.push(Comment {
                    span: offset + start..offset + end,
                    body: offset + body_start + lead
                        ..(offset + body_end - trail).max(offset + body_start + lead),
                });
            }
            found = true;
            rest = end;
        }
        if !found && block_level && !html.trim().is_empty() {
            let span = span.start..trim_line_end(source, span.end);
            self.blocks.push(Block {
                kind: BlockKind::Html,
                own: span.clone(),
                span,
                in_fence,
                in_quote,
            });
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn callout(kind: BlockQuoteKind) -> Callout {
    match kind {
        BlockQuoteKind::Note => Callout::Note,
        BlockQuoteKind::Tip => Callout::Tip,
        BlockQuoteKind::Important => Callout::Important,
        BlockQuoteKind::Warning => Callout::Warning,
        BlockQuoteKind::Caution => Callout::Caution,
    }
}

/// Adds a piece of a heading's text (a text or code span, or a space for a
/// line break) to the text so far, leaving out white space at the start:
/// with [`heading_text`], the pieces joined and trimmed, built in one
/// `String` without copying it again.
fn push_heading_piece(text: &mut String, piece: &str) {
    if text.is_empty() {
        text.push_str(piece.trim_start());
    } else {
        text.push_str(piece);
    }
}

/// A heading's text built by [`push_heading_piece`], trimmed at the end in place.
fn heading_text(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    text
}

/// Fences whose content is Markdown prose: ```` ```md ````, ```` ```markdown ````.
fn is_markdown_info(info: &str) -> bool {
    let lang = info.split_whitespace().next().unwrap_or("");
    lang.eq_ignore_ascii_case("md") || lang.eq_ignore_ascii_case("markdown")
}

/// Moves `end` back over trailing line breaks.
fn trim_line_end(source: &str, mut end: usize) -> usize {
    let bytes = source.as_bytes();
    end = end.min(bytes.len());
    while end > 0 && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// Moves `end` back over trailing whitespace, line breaks included.
fn trim_ws_end(source: &str, mut end: usize) -> usize {
    let bytes = source.as_bytes();
    end = end.min(bytes.len());
    while end > 0 && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

/// Shrinks a span to exclude leading and trailing whitespace.
fn trim_span(source: &str, span: Span) -> Span {
    let text = &source[span.clone()];
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

/// The index of the span of `items` nearest `target` (0 when they overlap,
/// else the bytes between them), the first of the nearest in order: what a
/// `min_by_key` over the distances finds (a window nearest a duration,
/// a date nearest a time). When the spans' starts and ends
/// both never go back (`ordered`), the distances fall and then rise, and
/// two binary searches find it; else every span is measured.
pub fn nearest<T>(
    items: &[T],
    span_of: impl Fn(&T) -> Span,
    target: &Span,
    ordered: bool,
) -> Option<usize> {
    let distance = |item: &T| {
        let span = span_of(item);
        if span.start >= target.end {
            span.start - target.end
        } else {
            target.start.saturating_sub(span.end)
        }
    };
    if !ordered {
        return (0..items.len()).min_by_key(|&i| distance(&items[i]));
    }
    // Those before `after` start before the target ends: their distance
    // falls as their ends grow. The rest start at or after its end: their
    // distance grows with their starts.
    let after = items.partition_point(|item| span_of(item).start < target.end);
    let before = after.checked_sub(1).map(|last| {
        let least = distance(&items[last]);
        items[..after].partition_point(|item| distance(item) > least)
    });
    match (before, (after < items.len()).then_some(after)) {
        (Some(b), Some(a)) => Some(if distance(&items[b]) <= distance(&items[a]) {
            b
        } else {
            a
        }),
        (b, a) => b.or(a),
    }
}

/// Maps byte offsets to 1-based lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

/// The positions of many offsets of one source, from
/// [`LineIndex::positions`]: as [`LineIndex::position`], but on a long
/// line each count of characters starts from the nearest offset already
/// counted before it, so that thousands of findings on one long line cost
/// its length rather than its length times their number.
#[derive(Debug)]
pub struct Positions<'a> {
    lines: &'a LineIndex,
    source: &'a str,
    /// Offsets this far into their line are counted from the line's start.
    short: usize,
    /// The offsets counted on long lines, with the characters before each
    /// on its line: kept for every line, so that findings that go back and
    /// forth between two long lines count each stretch once.
    counted: BTreeMap<usize, usize>,
}

impl Positions<'_> {
    /// Offsets up to this far into their line are counted from the line's
    /// start: a count of a few kilobytes costs less than looking up and
    /// keeping the offsets already counted, which pays only on long lines.
    const SHORT: usize = 4096;

    /// The 1-based line and character column of `offset` (clamped to the source).
    pub fn at(&mut self, offset: usize) -> Position {
        let source = self.source;
        let (offset, line) = self.lines.place(source, offset);
        let start = self.lines.starts[line];
        if offset - start <= self.short {
            // A short line: counted as `LineIndex::position` counts it.
            return Position {
                line: line + 1,
                column: source[start..offset].chars().count() + 1,
            };
        }
        // The nearest offset counted before this one, if it is on its line.
        let (from, before) = self
            .counted
            .range(start..=offset)
            .next_back()
            .map_or((start, 0), |(&at, &chars)| (at, chars));
        let chars = before + source[from..offset].chars().count();
        self.counted.insert(offset, chars);
        Position {
            line: line + 1,
            column: chars + 1,
        }
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        // Room for lines of 40 bytes on average, grown if need be.
        let mut starts = Vec::with_capacity(source.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The 1-based line and character column of `offset` (clamped to the source).
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let (offset, line) = self.place(source, offset);
        Position {
            line: line + 1,
            column: source[self.starts[line]..offset].chars().count() + 1,
        }
    }

    /// `offset` moved inside `source` and back onto a character boundary,
    /// with the line (from 0) it is on.
    fn place(&self, source: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        (offset, self.line_of(offset))
    }

    /// A reader of the positions of many offsets of `source`, which counts
    /// the characters of a long line once however many offsets fall on it.
    pub fn positions<'a>(&'a self, source: &'a str) -> Positions<'a> {
        Positions {
            lines: self,
            source,
            short: Positions::SHORT,
            counted: BTreeMap::new(),
        }
    }

    /// The span of the line that holds `offset`, without its line break.
    pub fn line_span(&self, source: &str, offset: usize) -> Span {
        let line = self.line_of(offset.min(source.len()));
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(source.len(), |&next| next);
        start..trim_line_end(source, end).max(start)
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Always false: even an empty source has one (empty) line.
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::parse(s.to_string())
    }

    #[test]
    fn nearest_finds_what_measuring_every_span_finds() {
        // Windows in order, touching, overlapping, nested and repeated, and
        // targets everywhere among them.
        let mut seeded = crate::model::pattern::Seeded::new(7);
        let mut next = |n: usize| seeded.below(n);
        let (mut ordered_sets, mut found) = (0, 0);
        for _ in 0..3_000 {
            let mut spans: Vec<Span> = (0..next(8))
                .map(|_| {
                    let start = next(60);
                    start..start + next(12)
                })
                .collect();
            if next(3) > 0 {
                spans.sort_by_key(|s| (s.start, s.end));
            }
            let ordered = spans
                .windows(2)
                .all(|p| p[0].start <= p[1].start && p[0].end <= p[1].end);
            ordered_sets += usize::from(ordered && spans.len() > 2);
            for _ in 0..8 {
                let start = next(70);
                let target = start..start + next(10);
                let measured = (0..spans.len()).min_by_key(|&i| {
                    if spans[i].start >= target.end {
                        spans[i].start - target.end
                    } else {
                        target.start.saturating_sub(spans[i].end)
                    }
                });
                found += usize::from(measured.is_some_and(|i| i > 0));
                assert_eq!(
                    nearest(&spans, Span::clone, &target, ordered),
                    measured,
                    "{spans:?} {target:?}"
                );
            }
        }
        assert!(
            ordered_sets > 500 && found > 5_000,
            "{ordered_sets} {found}"
        );
    }

    #[test]
    fn positions_of_many_offsets_agree_with_one_at_a_time() {
        // Lines of some hundreds of characters, most of them longer than
        // the 64 bytes from which this test takes the path of long lines.
        let mut pieces = vec!["a", "é", "日本", " ", "✅", "long words "];
        pieces = pieces.repeat(12);
        pieces.push("\n");
        let mut long = 0;
        for (n, text) in crate::model::pattern::generated(&pieces, 300, 400).enumerate() {
            let lines = LineIndex::new(&text);
            let mut positions = lines.positions(&text);
            // Lines longer than this take the path of long lines.
            positions.short = 64;
            // Offsets forwards, backwards and jumping about, as findings and
            // their labels ask for them; some fall inside a character.
            let mut offsets: Vec<usize> = (0..=text.len() + 1).step_by(1 + n % 7).collect();
            offsets.extend((0..text.len()).rev().step_by(3 + n % 5));
            offsets.extend(
                (0..text.len())
                    .map(|i| (i * 7919) % (text.len() + 1))
                    .take(50),
            );
            for offset in offsets {
                let one = lines.position(&text, offset);
                long += usize::from(one.column > 64);
                assert_eq!(positions.at(offset), one, "{text:?} {offset}");
            }
        }
        assert!(long > 1_000, "{long}");
    }

    #[test]
    fn heading_pieces_make_the_joined_text_trimmed() {
        let pieces = [
            " ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", "Root", "cause", " x ", "é", "`a`", "",
            "Sev 1 ", " (UTC)",
        ];
        for len in 0..7 {
            for seed in 0..200 {
                let mut joined = String::new();
                let mut text = String::new();
                let mut seeded = crate::model::pattern::Seeded::new(seed * 16 + len);
                for _ in 0..len {
                    let piece = pieces[seeded.below(pieces.len())];
                    joined.push_str(piece);
                    push_heading_piece(&mut text, piece);
                }
                assert_eq!(heading_text(text), joined.trim(), "{joined:?}");
            }
        }
        for joined in crate::model::pattern::generated(&pieces, 500, 8) {
            let mut text = String::new();
            // The same text in pieces of one character.
            for c in joined.chars() {
                push_heading_piece(&mut text, c.encode_utf8(&mut [0; 4]));
            }
            assert_eq!(heading_text(text), joined.trim(), "{joined:?}");
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let d = doc("ab\nçé x\n");
        let x = d.source.find('x').unwrap();
        assert_eq!(
            d.lines.position(&d.source, x),
            Position { line: 2, column: 4 }
        );
        assert_eq!(
            d.lines.position(&d.source, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            d.lines.position(&d.source, 10_000),
            Position { line: 3, column: 1 }
        );
    }

    #[test]
    fn headings_have_plain_text_and_levels() {
        let d = doc("# Incident: x\n\n## **Root** `cause`\ntext\n\nSetext\n---\n");
        let h: Vec<_> = d
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(h, [(1, "Incident: x"), (2, "Root cause"), (2, "Setext")]);
        assert_eq!(d.text(&d.headings[1].span), "## **Root** `cause`");
    }

    #[test]
    fn front_matter_is_found() {
        let d = doc("---\nseverity: SEV-2\n---\n# Incident: x\n");
        let fm = d.front_matter.as_ref().unwrap();
        assert_eq!(d.text(&fm.yaml_span), "severity: SEV-2\n");
        assert_eq!(d.headings[0].text, "Incident: x");
    }

    #[test]
    fn markdown_fences_are_parsed_as_prose() {
        let d = doc("## Timeline\n\n```md\n- 10:00 one\n- 10:05 two\n```\n\nafter\n");
        let items: Vec<_> = d
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }))
            .map(|b| (d.text(&b.own), b.in_fence))
            .collect();
        assert_eq!(items, [("- 10:00 one", true), ("- 10:05 two", true)]);
        // Order: the fence, its items, then the paragraph after it.
        assert!(matches!(d.blocks[0].kind, BlockKind::Code { .. }));
        assert!(matches!(
            d.blocks.last().unwrap().kind,
            BlockKind::Paragraph
        ));
    }

    #[test]
    fn nested_items_have_their_own_text() {
        let d = doc("- parent\n  - child\n- [x] done\n");
        let items: Vec<_> = d
            .blocks
            .iter()
            .map(|b| (d.text(&b.own), b.kind.clone()))
            .collect();
        assert_eq!(items[0].0, "- parent");
        assert_eq!(items[1].0, "- child");
        assert_eq!(
            items[2].1,
            BlockKind::ListItem {
                depth: 0,
                ordered: false,
                task: Some(true)
            }
        );
    }

    #[test]
    fn table_rows_have_cells() {
        let d = doc("| Time | Event |\n|---|---|\n| 10:00 | start |\n");
        let rows: Vec<_> = d
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::TableRow { header, cells } => {
                    Some((*header, cells.iter().map(|c| d.text(c)).collect::<Vec<_>>()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            rows,
            [
                (true, vec!["Time", "Event"]),
                (false, vec!["10:00", "start"])
            ]
        );
    }

    #[test]
    fn comments_in_quotes_point_at_the_comment() {
        let d = doc("> <!-- a -->\n> text\n\n- <!-- b -->\n");
        let texts: Vec<_> = d.comments.iter().map(|c| d.text(&c.span)).collect();
        assert_eq!(texts, ["<!-- a -->", "<!-- b -->"]);
    }

    #[test]
    fn comments_and_callouts() {
        let d = doc("<!-- incident-disable title-format -->\n\n> [!NOTE]\n> Write here\n");
        assert_eq!(d.text(&d.comments[0].body), "incident-disable title-format");
        assert!(d.blocks.iter().any(|b| b.kind
            == BlockKind::Quote {
                callout: Some(Callout::Note)
            }));
    }
}
