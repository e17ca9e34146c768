//! Alternations rewritten as tries: `(?:share|shared|sharing)` becomes
//! `shar(?:ed?|ing)`, so that a word the branches open alike is one path
//! of the automaton rather than one per branch; branches that end alike
//! share their ending too (`(?:fermés\.?|closed\.?)` becomes
//! `(?:fermés|closed)\.?`). The rules are read
//! case-insensitively, so every letter is a class of its own, and the
//! automata's compiler makes tries only of plain literals: without this,
//! each branch of a case-folded alternation costs all its letters again.
//! Every state saved is memory saved while compiling and while searching
//! (each thread's search state is sized by the automaton's states).
//!
//! The rewriting keeps what a pattern matches, not which branch it prefers:
//! the rules are only ever asked whether they match a line (anchored at its
//! start, or at both ends), never where, so that is all they need. It
//! decides nothing about how a rule is searched; `prefilter.rs` reads the
//! patterns as written.

use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

/// `hir` with each alternation's branches sharing the pieces they open or
/// end with, matching the same texts as `hir`. Only the parts of the tree
/// with something to share are built again.
pub fn factor(hir: Hir) -> Hir {
    if !has_sharing(&hir) {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            sub: Box::new(factor(*repetition.sub)),
            ..repetition
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(factor(*capture.sub)),
            ..capture
        }),
        HirKind::Concat(pieces) => Hir::concat(pieces.into_iter().map(factor).collect()),
        HirKind::Alternation(branches) if !branches_share(&branches) => {
            Hir::alternation(branches.into_iter().map(factor).collect())
        }
        HirKind::Alternation(branches) => alternation_of(
            branches
                .into_iter()
                .map(|branch| Branch::Whole(factor(branch)))
                .collect(),
        ),
        kind => unreachable!("a tree without alternations has nothing to share: {kind:?}"),
    }
}

/// Whether some alternation in `hir` has two branches that open or end
/// with the same piece.
fn has_sharing(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => false,
        HirKind::Repetition(repetition) => has_sharing(&repetition.sub),
        HirKind::Capture(capture) => has_sharing(&capture.sub),
        HirKind::Concat(pieces) => pieces.iter().any(has_sharing),
        HirKind::Alternation(branches) => {
            branches_share(branches) || branches.iter().any(has_sharing)
        }
    }
}

/// Whether two of `branches` open, or two end, with the same piece.
fn branches_share(branches: &[Hir]) -> bool {
    let shared = |edge: fn(&Hir) -> Option<Edge<'_>>| {
        let edges: Vec<Option<Edge<'_>>> = branches.iter().map(edge).collect();
        edges
            .iter()
            .enumerate()
            .any(|(at, this)| edges[at + 1..].contains(this))
    };
    shared(opening) || shared(ending)
}

/// The pieces `hir` matches one after the other.
fn pieces_of(hir: Hir) -> Vec<Hir> {
    match hir.kind() {
        HirKind::Empty => Vec::new(),
        HirKind::Concat(_) => match hir.into_kind() {
            HirKind::Concat(pieces) => pieces,
            _ => unreachable!("a concatenation"),
        },
        _ => vec![hir],
    }
}

/// The alternation of `branches`: the branches that open with the same
/// piece share it, then those that end with the same piece share that. Branch order is not kept: it changes which
/// branch a search prefers, never what matches.
fn alternation_of(branches: Vec<Branch>) -> Hir {
    let alternatives = share(branches, Side::Opening);
    ending_shared(alternatives)
}

/// The alternation of `branches`, those that end alike sharing their
/// ending.
fn ending_shared(branches: Vec<Branch>) -> Hir {
    Hir::alternation(
        share(branches, Side::Ending)
            .into_iter()
            .map(Branch::into_hir)
            .collect(),
    )
}

/// A branch of an alternation: whole as written while it shares nothing
/// (most branches, which are then never built again), or as its pieces
/// once something was taken off it.
enum Branch {
    Whole(Hir),
    Pieces(Vec<Hir>),
}

impl Branch {
    fn edge(&self, side: Side) -> Option<Edge<'_>> {
        match (self, side) {
            (Branch::Whole(hir), Side::Opening) => opening(hir),
            (Branch::Whole(hir), Side::Ending) => ending(hir),
            (Branch::Pieces(pieces), Side::Opening) => pieces.first().and_then(opening),
            (Branch::Pieces(pieces), Side::Ending) => pieces.last().and_then(ending),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Branch::Whole(hir) => matches!(hir.kind(), HirKind::Empty),
            Branch::Pieces(pieces) => pieces.is_empty(),
        }
    }

    fn into_pieces(self) -> Vec<Hir> {
        match self {
            Branch::Whole(hir) => pieces_of(hir),
            Branch::Pieces(pieces) => pieces,
        }
    }

    fn into_hir(self) -> Hir {
        match self {
            Branch::Whole(hir) => hir,
            Branch::Pieces(pieces) => Hir::concat(pieces),
        }
    }
}

/// Which end of its branches an alternation's factoring reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Opening,
    Ending,
}

/// `branches` (as pieces) with those that have the same piece at `side`
/// as one branch: the pieces they all share there, and the alternation of
/// the rests. Branches that share an ending open differently (openings
/// are shared first), so their rests only share endings.
fn share(branches: Vec<Branch>, side: Side) -> Vec<Branch> {
    let (group_of, empty): (Vec<usize>, Vec<bool>) = {
        // An empty branch has no edge; nor has a branch whose edge is an
        // empty piece, which shares it with no other.
        let edges: Vec<Option<Edge<'_>>> =
            branches.iter().map(|branch| branch.edge(side)).collect();
        let group_of = (0..edges.len())
            .map(|at| {
                (0..at)
                    .find(|&earlier| {
                        edges[at].is_some() && edges[earlier] == edges[at]
                            || branches[at].is_empty() && branches[earlier].is_empty()
                    })
                    .unwrap_or(at)
            })
            .collect();
        (group_of, branches.iter().map(Branch::is_empty).collect())
    };
    let mut groups: Vec<Vec<Branch>> = (0..branches.len()).map(|_| Vec::new()).collect();
    for (branch, group) in branches.into_iter().zip(&group_of) {
        groups[*group].push(branch);
    }
    let mut shared = Vec::new();
    for (mut group, empty) in groups.into_iter().zip(empty) {
        // Only empty branches have no edge: one of them is enough.
        if group.len() <= 1 || empty {
            shared.extend(group.pop());
            continue;
        }
        // Each branch as its pieces, the shared side first.
        let mut group: Vec<Vec<Hir>> = group
            .into_iter()
            .map(|branch| {
                let mut pieces = branch.into_pieces();
                if side == Side::Ending {
                    pieces.reverse();
                }
                pieces
            })
            .collect();
        let common = take_common(&mut group, side);
        let group = group.into_iter().map(|mut pieces| {
            if side == Side::Ending {
                pieces.reverse();
            }
            Branch::Pieces(pieces)
        });
        let Some(mut common) = common else {
            shared.extend(group);
            continue;
        };
        let group = group.collect();
        let rest = match side {
            Side::Opening => alternation_of(group),
            Side::Ending => ending_shared(group),
        };
        if !matches!(rest.kind(), HirKind::Empty) {
            common.push(rest);
        }
        if side == Side::Ending {
            common.reverse();
        }
        shared.push(Branch::Pieces(common));
    }
    shared
}

/// Takes off the pieces that all of `group` (each branch's pieces, the
/// shared side first) have in common at the front, and returns them in
/// that order; a literal that shares only some characters with the
/// others is cut. `None`, with `group` unchanged, when they share nothing.
fn take_common(group: &mut [Vec<Hir>], side: Side) -> Option<Vec<Hir>> {
    let whole = (0..)
        .take_while(|&at| {
            group
                .iter()
                .all(|pieces| pieces.get(at).is_some_and(|piece| *piece == group[0][at]))
        })
        .count();
    if whole > 0 {
        let common = group[0].drain(..whole).collect();
        for pieces in &mut group[1..] {
            pieces.drain(..whole);
        }
        return Some(common);
    }
    let literal = |pieces: &[Hir]| match pieces.first().map(Hir::kind) {
        Some(HirKind::Literal(literal)) => literal.0.to_vec(),
        _ => Vec::new(),
    };
    let first = literal(&group[0]);
    let length = group[1..]
        .iter()
        .map(|pieces| match side {
            Side::Opening => common_opening(&first, &literal(pieces)),
            Side::Ending => common_ending(&first, &literal(pieces)),
        })
        .min()
        .unwrap_or(0);
    if length == 0 {
        return None;
    }
    let common = match side {
        Side::Opening => &first[..length],
        Side::Ending => &first[first.len() - length..],
    };
    for pieces in group.iter_mut() {
        let bytes = literal(pieces);
        let rest = match side {
            Side::Opening => &bytes[length..],
            Side::Ending => &bytes[..bytes.len() - length],
        };
        if rest.is_empty() {
            pieces.remove(0);
        } else {
            pieces[0] = Hir::literal(rest);
        }
    }
    Some(vec![Hir::literal(common)])
}

/// The length of the longest run of whole characters two literals open
/// with.
fn common_opening(one: &[u8], other: &[u8]) -> usize {
    let (Ok(one), Ok(other)) = (std::str::from_utf8(one), std::str::from_utf8(other)) else {
        return 0;
    };
    one.chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum()
}

/// The length of the longest run of whole characters two literals end
/// with.
fn common_ending(one: &[u8], other: &[u8]) -> usize {
    let (Ok(one), Ok(other)) = (std::str::from_utf8(one), std::str::from_utf8(other)) else {
        return 0;
    };
    one.chars()
        .rev()
        .zip(other.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum()
}

/// The piece a branch opens or ends with: a character of a literal, or a
/// piece that is not a literal.
#[derive(PartialEq)]
enum Edge<'a> {
    Character(&'a [u8]),
    Piece(&'a Hir),
}

fn opening(hir: &Hir) -> Option<Edge<'_>> {
    match hir.kind() {
        HirKind::Empty => None,
        HirKind::Concat(pieces) => pieces.first().and_then(opening),
        HirKind::Literal(literal) => Some(Edge::Character(
            &literal.0[..first_character_length(&literal.0)],
        )),
        _ => Some(Edge::Piece(hir)),
    }
}

fn ending(hir: &Hir) -> Option<Edge<'_>> {
    match hir.kind() {
        HirKind::Empty => None,
        HirKind::Concat(pieces) => pieces.last().and_then(ending),
        HirKind::Literal(literal) => Some(Edge::Character(
            &literal.0[literal.0.len() - last_character_length(&literal.0)..],
        )),
        _ => Some(Edge::Piece(hir)),
    }
}

/// The length of a literal's first character; a literal that is not
/// UTF-8 (none in patterns read as UTF-8) counts as one piece.
fn first_character_length(literal: &[u8]) -> usize {
    std::str::from_utf8(literal)
        .ok()
        .and_then(|text| text.chars().next())
        .map_or(literal.len(), char::len_utf8)
}

fn last_character_length(literal: &[u8]) -> usize {
    std::str::from_utf8(literal)
        .ok()
        .and_then(|text| text.chars().next_back())
        .map_or(literal.len(), char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use regex_syntax::ParserBuilder;

    fn parse(pattern: &str) -> Hir {
        ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern)
            .expect("test patterns parse")
    }

    fn full_match(hir: &Hir) -> Regex {
        Regex::new(&format!("^(?:{hir})$")).expect("test patterns compile")
    }

    /// Counts the pieces a tree holds, the measure of what it costs the
    /// automaton.
    fn size(hir: &Hir) -> usize {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) => 1,
            HirKind::Literal(literal) => literal.0.len(),
            HirKind::Repetition(repetition) => 1 + size(&repetition.sub),
            HirKind::Capture(capture) => size(&capture.sub),
            HirKind::Concat(pieces) | HirKind::Alternation(pieces) => pieces.iter().map(size).sum(),
        }
    }

    #[test]
    fn branches_opening_alike_share_their_opening() {
        let written = parse("share|shared|sharing|follow");
        let factored = factor(written.clone());
        assert!(size(&factored) < size(&written), "{factored:?}");
        let regex = full_match(&factored);
        for text in ["share", "SHARED", "Sharing", "follow"] {
            assert!(regex.is_match(text), "{text}");
        }
        for text in ["shar", "sharin", "shareding", "followshare", ""] {
            assert!(!regex.is_match(text), "{text}");
        }
    }

    #[test]
    fn a_branch_that_is_another_branchs_opening_still_matches_alone() {
        let regex = full_match(&factor(parse("(?:comment|comments|comment form)s?")));
        for text in ["comment", "comments", "commentss", "comment forms"] {
            assert!(regex.is_match(text), "{text}");
        }
        assert!(!regex.is_match("comment f"));
    }

    #[test]
    fn alternations_inside_repetitions_and_groups_are_factored() {
        let written = parse("(?:ab|ac)+ (x(?:yz|yw))?");
        let regex = full_match(&factor(written));
        for text in ["ab ", "abacab xyz", "ac xyw"] {
            assert!(regex.is_match(text), "{text}");
        }
        for text in ["ab xy", "aa ", "ab xyzw"] {
            assert!(!regex.is_match(text), "{text}");
        }
    }

    #[test]
    fn non_ascii_literals_split_on_characters() {
        let regex = full_match(&factor(parse("(?-i:καλά|καλημέρα|κ)")));
        for text in ["καλά", "καλημέρα", "κ"] {
            assert!(regex.is_match(text), "{text}");
        }
        assert!(!regex.is_match("καλ"));
    }

    proptest::proptest! {
        /// Factored or not, a pattern matches the same texts.
        #[test]
        fn factoring_keeps_what_matches(
            words in proptest::collection::vec("[ab1 é]{0,4}", 1..8),
            tail in "[ab1]?",
            texts in proptest::collection::vec("[abAB1 é]{0,6}", 1..20),
        ) {
            let pattern = format!("(?:{})(?:{tail}|c)?", words.join("|"));
            let written = parse(&pattern);
            let plain = full_match(&written);
            let factored = full_match(&factor(written));
            // Each branch, and each branch cut short or run on, besides
            // the random texts.
            let near: Vec<String> = words
                .iter()
                .flat_map(|word| {
                    let mut cut = word.clone();
                    cut.pop();
                    [word.clone(), format!("{word}{tail}"), format!("{word}c"), cut, format!("{word}a")]
                })
                .collect();
            for text in texts.iter().chain(&near) {
                proptest::prop_assert_eq!(plain.is_match(text), factored.is_match(text), "{} on {:?}", pattern, text);
            }
        }
    }
}
