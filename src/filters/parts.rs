//! Many anchored patterns compiled into one Thompson NFA in parts.
//! `thompson::Compiler` wants every pattern's syntax tree at once, and at
//! the end of its build it holds, together, all the trees, its own state
//! list and the finished NFA's: for the forward rule set, the peak of the
//! whole start-up. Compiled in parts, each part's trees are dropped as
//! soon as its NFA is built, and the parts' NFAs are then copied, state for
//! state, into one NFA whose start is the alternation of every pattern in
//! order, which is the NFA the compiler makes of them all. This module
//! does not search; `automaton.rs` builds its searches on the NFA.

use regex_automata::nfa::thompson::{self, Builder, State, Transition, NFA};
use regex_automata::util::primitives::StateID;
use regex_syntax::hir::Hir;

/// The most patterns compiled together. A larger set is compiled in parts
/// of about equal size. Joining costs the same for any number of parts
/// (every state is copied once, 80 million instructions for the forward
/// rule set, 13% of compiling the rules), and with two the peak is
/// already no more than the trees and the first part's build
/// (BENCHMARKS.md). The smaller sets are compiled in one go.
const LARGEST_PART: usize = 80;

/// Compiles `patterns`, each anchored at the start, with `config`: in one
/// go up to [`LARGEST_PART`] patterns, else in parts, each part's trees
/// dropped once it is built, then joined. The NFA reports the patterns by
/// their positions in `patterns`, as one compile of them all does.
pub fn compile_in_parts(patterns: Vec<Hir>, config: thompson::Config) -> Result<NFA, String> {
    let size_limit = config.get_nfa_size_limit();
    let compiler = {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(config);
        compiler
    };
    let part_count = patterns.len().div_ceil(LARGEST_PART).max(1);
    let per_part = patterns.len().div_ceil(part_count);
    let mut rest = patterns;
    let mut parts = Vec::with_capacity(part_count);
    while !rest.is_empty() {
        let later = rest.split_off(rest.len().min(per_part));
        let part = compiler
            .build_many_from_hir(&rest)
            .map_err(|error| error.to_string())?;
        parts.push(part);
        // The trees go before the next part is built, which reuses them.
        rest = later;
    }
    if parts.len() < 2 {
        return match parts.pop() {
            Some(part) => Ok(part),
            None => compiler
                .build_many_from_hir::<Hir>(&[])
                .map_err(|error| error.to_string()),
        };
    }
    // The compiler keeps its last part's state list: gone before joining.
    drop(compiler);
    join(parts, size_limit)
}

/// One NFA matching each pattern of each part, numbered in order: the
/// first part's patterns first. Each part's states are copied at an offset,
/// and the part is dropped once copied; a part's own start alternation
/// comes along unreached.
fn join(parts: Vec<NFA>, size_limit: Option<usize>) -> Result<NFA, String> {
    let error = |error: thompson::BuildError| error.to_string();
    let mut builder = Builder::new();
    builder.set_utf8(parts.iter().all(NFA::is_utf8));
    builder.set_reverse(false);
    if let Some(first) = parts.first() {
        builder.set_look_matcher(first.look_matcher().clone());
    }
    builder.set_size_limit(size_limit).map_err(error)?;
    // Matches need the pattern they report, which the builder takes from
    // the pattern being added, and a part's states do not come pattern by
    // pattern: each match is copied as an empty state, pointed at the
    // pattern's own match once the patterns are added in order.
    let mut match_stand_ins = Vec::new();
    let mut pattern_starts = Vec::new();
    // Every state of every part is added, one builder state each, so a
    // part's states are numbered from the count of those before it.
    let mut offset = 0;
    for part in parts {
        let at = |id: StateID| -> Result<StateID, String> {
            StateID::new(offset + id.as_usize()).map_err(|error| error.to_string())
        };
        let moved = |transition: &Transition| -> Result<Transition, String> {
            Ok(Transition {
                next: at(transition.next)?,
                ..*transition
            })
        };
        let mut stand_ins = vec![None; part.pattern_len()];
        for state in part.states() {
            match state {
                State::ByteRange { trans } => {
                    builder.add_range(moved(trans)?).map_err(error)?;
                }
                State::Sparse(sparse) => {
                    let transitions = sparse
                        .transitions
                        .iter()
                        .map(moved)
                        .collect::<Result<Vec<_>, _>>()?;
                    builder.add_sparse(transitions).map_err(error)?;
                }
                State::Look { look, next } => {
                    builder.add_look(at(*next)?, *look).map_err(error)?;
                }
                State::Union { alternates } => {
                    let alternates = alternates
                        .iter()
                        .map(|&alternate| at(alternate))
                        .collect::<Result<Vec<_>, _>>()?;
                    builder.add_union(alternates).map_err(error)?;
                }
                State::BinaryUnion { alt1, alt2 } => {
                    builder
                        .add_union(vec![at(*alt1)?, at(*alt2)?])
                        .map_err(error)?;
                }
                State::Fail => {
                    builder.add_fail().map_err(error)?;
                }
                State::Match { pattern_id } => {
                    let stand_in = builder.add_empty().map_err(error)?;
                    stand_ins[pattern_id.as_usize()] = Some(stand_in);
                }
                // Compiled without capture groups, and the compiler makes
                // no dense states.
                State::Capture { .. } | State::Dense(_) => {
                    return Err("a compiled part holds a state that cannot be joined".to_string());
                }
            }
        }
        for (pattern, stand_in) in part.patterns().zip(stand_ins) {
            let start = part
                .start_pattern(pattern)
                .ok_or("a compiled pattern has no start")?;
            pattern_starts.push(at(start)?);
            match_stand_ins.push(stand_in);
        }
        offset += part.states().len();
    }
    for (start, stand_in) in pattern_starts.iter().zip(match_stand_ins) {
        builder.start_pattern().map_err(error)?;
        let matched = builder.add_match().map_err(error)?;
        // The compiler gives every pattern a match state; one without
        // would match nothing here, as in its part.
        if let Some(stand_in) = stand_in {
            builder.patch(stand_in, matched).map_err(error)?;
        }
        builder.finish_pattern(*start).map_err(error)?;
    }
    let start = builder.add_union(pattern_starts).map_err(error)?;
    builder.build(start, start).map_err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::nfa::thompson::pikevm::PikeVM;
    use regex_automata::nfa::thompson::WhichCaptures;
    use regex_automata::{Input, MatchKind, PatternSet};
    use regex_syntax::ParserBuilder;

    fn config() -> thompson::Config {
        thompson::Config::new()
            .utf8(true)
            .shrink(false)
            .which_captures(WhichCaptures::None)
    }

    fn parsed(patterns: &[String]) -> Vec<Hir> {
        patterns
            .iter()
            .map(|pattern| {
                ParserBuilder::new()
                    .case_insensitive(true)
                    .build()
                    .parse(pattern)
                    .unwrap()
            })
            .collect()
    }

    /// The patterns each text matches, by index, every pattern tried.
    fn matching(nfa: NFA, texts: &[&str]) -> Vec<Vec<usize>> {
        let pike = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .unwrap();
        let mut cache = pike.create_cache();
        texts
            .iter()
            .map(|text| {
                let mut found = PatternSet::new(pike.pattern_len());
                pike.which_overlapping_matches(&mut cache, &Input::new(*text), &mut found);
                found.iter().map(|pattern| pattern.as_usize()).collect()
            })
            .collect()
    }

    #[test]
    fn patterns_compiled_in_parts_match_as_when_compiled_together() {
        // More patterns than one part takes, of every shape the rules use:
        // words, case-folded letters of other scripts, classes, runs,
        // alternations, both anchors; some match the same texts.
        let shapes = [
            "^share on (?:facebook|x|whatsapp)$",
            "^(?:leave a reply|laisser un commentaire)",
            "^фото:? [^,]+$",
            "^[0-9]+ comments?$",
            "^(?:read|lire) (?:more|la suite)",
            "^ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
            "^.*© [a-z]+$",
            "^(?-i:[A-Z])[a-z]+ news$",
        ];
        let patterns: Vec<String> = (0..2 * LARGEST_PART + 5)
            .map(|index| match index % 3 {
                0 => shapes[index % shapes.len()].to_string(),
                1 => format!("^rule {index}(?: [a-z]+)?$"),
                _ => format!("^(?:{index}|item {index}) .+"),
            })
            .collect();
        let texts = [
            "Share on WhatsApp",
            "Leave a reply to this story",
            "Laisser un commentaire",
            "Фото: Иван Петров",
            "12 comments",
            "Lire la suite",
            "Διαβάστε επίσης",
            "Photo © reuters",
            "Local news",
            "local news",
            "rule 7",
            "rule 7 word",
            "rule 161 done",
            "item 5 here",
            "5 here",
            "Nothing matches this sentence at all.",
            "",
        ];
        let together = thompson::Compiler::new()
            .configure(config())
            .build_many_from_hir(&parsed(&patterns))
            .unwrap();
        let expected = matching(together, &texts);
        assert!(expected.iter().filter(|found| !found.is_empty()).count() >= 12);
        let joined = compile_in_parts(parsed(&patterns), config()).unwrap();
        assert_eq!(joined.pattern_len(), patterns.len());
        assert_eq!(matching(joined, &texts), expected);
    }

    #[test]
    fn a_set_that_fits_one_part_is_compiled_in_one_go() {
        let patterns: Vec<String> = (0..LARGEST_PART)
            .map(|index| format!("^rule {index}$"))
            .collect();
        let together = thompson::Compiler::new()
            .configure(config())
            .build_many_from_hir(&parsed(&patterns))
            .unwrap();
        let compiled = compile_in_parts(parsed(&patterns), config()).unwrap();
        assert_eq!(compiled.states(), together.states());
        assert_eq!(
            compile_in_parts(Vec::new(), config())
                .unwrap()
                .pattern_len(),
            0
        );
    }

    #[test]
    fn a_joined_set_keeps_the_size_limit() {
        let patterns: Vec<String> = (0..2 * LARGEST_PART)
            .map(|index| format!("^rule {index} [a-z]+$"))
            .collect();
        let compiles = |patterns: &[String], limit: usize| {
            thompson::Compiler::new()
                .configure(config().nfa_size_limit(Some(limit)))
                .build_many_from_hir(&parsed(patterns))
                .is_ok()
        };
        // A limit that each half fits in and the whole does not.
        let limit = (1..)
            .map(|step| step * 1000)
            .find(|&limit| {
                compiles(&patterns[..LARGEST_PART], limit)
                    && compiles(&patterns[LARGEST_PART..], limit)
            })
            .unwrap();
        assert!(!compiles(&patterns, limit));
        let limited = config().nfa_size_limit(Some(limit));
        assert!(compile_in_parts(parsed(&patterns), limited).is_err());
        assert!(compile_in_parts(parsed(&patterns), config()).is_ok());
    }
}
