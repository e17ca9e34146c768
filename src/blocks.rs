//! Paragraphs in and out. A block is a maximal run of non-blank lines (a
//! line of only whitespace is blank); a document with no blank line at all
//! has one block per line. Blocks are slices of the text, never copies.
//! This module decides nothing about which blocks to keep.

/// Splits `text` into blocks. Each block is a slice of `text` holding its
/// lines joined by the `\n`s that were between them.
pub fn split(text: &str) -> Vec<&str> {
    // Room for paragraphs of a few hundred bytes, as most are, so that the
    // vector seldom grows.
    let mut blocks = Vec::with_capacity(text.len() / 256 + 8);
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    while offset < bytes.len() {
        // The empty line between two paragraphs, the most common line
        // after them, needs no search for its end.
        let line_end = if bytes[offset] == b'\n' {
            offset
        } else {
            memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |at| offset + at)
        };
        // Every carriage return before the line feed goes, so that a
        // second pass over the output finds nothing more to strip.
        let content = without_carriage_returns(&text[offset..line_end]);
        if is_blank(content) {
            if let Some(block_start) = start.take() {
                blocks.push(&text[block_start..end]);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + content.len();
        }
        offset = line_end + 1;
    }
    if let Some(block_start) = start {
        blocks.push(&text[block_start..end]);
    }
    // A second block can only start after a blank line.
    if blocks.len() != 1 {
        return blocks;
    }
    // No blank line anywhere: every line is a paragraph of its own.
    line_blocks(blocks[0])
}

/// The non-blank lines of `text`, each a block of its own.
fn line_blocks(text: &str) -> Vec<&str> {
    text.lines()
        .map(without_carriage_returns)
        .filter(|line| !is_blank(line))
        .collect()
}

/// `line` without the carriage returns at its end, as
/// `trim_end_matches('\r')` gives it.
fn without_carriage_returns(line: &str) -> &str {
    let mut end = line.len();
    while end > 0 && line.as_bytes()[end - 1] == b'\r' {
        end -= 1;
    }
    &line[..end]
}

/// Whether `line` is only whitespace (`str::trim` leaves nothing). An
/// empty line tells at once, and so do most others, which start with a
/// character other than whitespace; a printable ASCII one without
/// decoding it.
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        Some(&byte) if byte.is_ascii_graphic() => false,
        _ => match line.chars().next() {
            Some(first) if !first.is_whitespace() => false,
            _ => line.trim().is_empty(),
        },
    }
}

/// Joins kept blocks with one blank line between them; the result ends in
/// exactly one `\n`, or is empty when there is no block.
pub fn join<'a, I>(blocks: I) -> String
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    let mut out = String::new();
    join_into(&mut out, blocks);
    out
}

/// [`join`] into `out`, emptied first: a caller joining many documents
/// keeps one buffer instead of allocating one as long as each.
pub fn join_into<'a, I>(out: &mut String, blocks: I)
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    // Sized once: the joined text is every block plus two bytes each. The
    // blocks are gone through twice rather than gathered in a vector.
    let blocks = blocks.into_iter();
    let size = blocks.clone().map(|block| block.len() + 2).sum::<usize>();
    out.clear();
    out.reserve(size);
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(block);
        out.push('\n');
    }
}

/// The lines of `text`, each with its `\n` (the last one may have none),
/// as `str::split_inclusive('\n')` gives them; `memchr` finds the breaks
/// many bytes at a time.
pub fn lines_with_breaks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |at| at + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_blocks_and_inner_breaks_stay() {
        let text = "Title\n\nverse one\nverse two\n \n\n\nlast";
        assert_eq!(split(text), vec!["Title", "verse one\nverse two", "last"]);
    }

    #[test]
    fn a_text_without_blank_lines_has_one_block_per_line() {
        assert_eq!(split("one\ntwo\nthree\n"), vec!["one", "two", "three"]);
    }

    #[test]
    fn a_single_line_is_one_block() {
        assert_eq!(split("only\n"), vec!["only"]);
        assert!(split("").is_empty());
        assert!(split("\n \n").is_empty());
    }

    #[test]
    fn carriage_returns_end_no_block() {
        assert_eq!(split("a\r\r\n\r\nb\r"), vec!["a", "b"]);
    }

    #[test]
    fn lines_keep_their_breaks_as_split_inclusive_gives_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\r\n\r\n x \n"] {
            let ours: Vec<&str> = lines_with_breaks(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn a_blank_line_is_one_trimming_leaves_empty() {
        let starts = (0..=0x7F_u32).chain([
            0x85, 0xA0, 0x1680, 0x2000, 0x2028, 0x202F, 0x3000, 0xE9, 0xFEFF,
        ]);
        for start in starts.filter_map(char::from_u32) {
            for rest in ["", " ", "x", "\u{A0}", " \t\u{3000}"] {
                let line = format!("{start}{rest}");
                assert_eq!(is_blank(&line), line.trim().is_empty(), "{line:?}");
            }
        }
        assert!(is_blank(""));
    }

    /// [`split`] as first written: line by line as
    /// `str::split_inclusive` gives the lines, each trimmed to tell a
    /// blank one.
    fn split_by_definition(text: &str) -> Vec<&str> {
        let mut blocks = Vec::new();
        let mut saw_blank_between = false;
        let mut start: Option<usize> = None;
        let mut end = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let content = line.strip_suffix('\n').unwrap_or(line);
            let content = content.trim_end_matches('\r');
            if content.trim().is_empty() {
                if let Some(block_start) = start.take() {
                    blocks.push(&text[block_start..end]);
                }
            } else {
                if start.is_none() {
                    if !blocks.is_empty() {
                        saw_blank_between = true;
                    }
                    start = Some(offset);
                }
                end = offset + content.len();
            }
            offset += line.len();
        }
        if let Some(block_start) = start {
            blocks.push(&text[block_start..end]);
        }
        if saw_blank_between || blocks.len() != 1 {
            return blocks;
        }
        line_blocks(blocks[0])
    }

    proptest::proptest! {
        #[test]
        fn split_agrees_with_its_definition(text in "[ab \n\r\t\u{A0}\u{3000}é]{0,40}") {
            proptest::prop_assert_eq!(split(&text), split_by_definition(&text));
        }
    }

    #[test]
    fn carriage_returns_are_stripped_from_line_ends_only() {
        for line in ["", "\r", "\r\r", "a\r", "a\rb", "\ra", "é\r"] {
            assert_eq!(without_carriage_returns(line), line.trim_end_matches('\r'));
        }
    }

    #[test]
    fn join_puts_one_blank_line_between_blocks() {
        assert_eq!(join(["a", "b\nc"]), "a\n\nb\nc\n");
        assert_eq!(join(Vec::<&str>::new()), "");
    }

    #[test]
    fn joining_into_a_used_buffer_gives_what_join_gives() {
        let mut buffer = String::from("an earlier, longer text\n\nof two blocks\n");
        for blocks in [vec!["a", "b\nc"], vec![], vec!["only"]] {
            join_into(&mut buffer, blocks.iter().copied());
            assert_eq!(buffer, join(blocks.iter().copied()));
        }
    }
}
