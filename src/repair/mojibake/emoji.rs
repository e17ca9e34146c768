//! The emoji that everyday text writes. An emoji whose UTF-8 sequence lost
//! a byte leaves a hole that several code points fit, most of them emoji
//! too: `ðŸ†` with a lost third byte is `🍆`, `🏆` or `🐆`. Nothing in
//! the bytes tells them apart; what people write does. This is the
//! emoji counterpart of the everyday characters of the East Asian
//! standards: a hole is filled only when exactly one of its candidates is
//! an emoji people use every day, and is left as it is otherwise. The list
//! holds single code points only (no flags, skin tones or joined
//! sequences), chosen for how often news and social posts write them.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Everyday emoji, by theme.
const EVERYDAY: &[&str] = &[
    // Faces.
    "😀😃😄😁😆😅🤣😂🙂😉😊😇🥰😍🤩😘😋😜🤪🤗🤭🤔🤐😐😶😏😒🙄😬",
    "😌😔😴😷🤒🤕🤢🤮🥵🥶🤯🥳😎🤓😕😟🙁😮😲😳🥺😨😰😥😢😭😱😩😤",
    "😡😠🤬😈💀💩🤡👻🤖",
    // Hands and people.
    "👋✋👌✌🤞🤘👉👈👆👇☝👍👎✊👊👏🙌🙏✍💪👀🤝🤷🤦",
    // Hearts and marks.
    "❤🧡💛💚💙💜🖤💔💕💞💓💗💖💘💯💥💫💦💨✨⭐🌟⚡🔥",
    // Weather, the world and nature.
    "🌍🌎🌏🌐☀⛅☁🌧⛈❄🌊💧🌪🌈🌙🌹🌸🌻🌷🌱🌲🌳🍀🍁",
    // Animals.
    "🐶🐱🦁🐻🐼🙈🐝🦋🐢",
    // Food and drink.
    "🍕🍔🍺🍻🥂🍷☕🎂",
    // Sport and celebration.
    "⚽🏀🏈⚾🎾🏆🥇🥈🥉🏅🎉🎊🎁🎈🎄🎶🎵🎤🎬🎮",
    // Places and travel.
    "🏠🏥🏫🏛🏟🚗🚌🚑🚓🚨🚀✈🚆🚢",
    // Objects, news and money.
    "📱💻📷📸📺📻⏰💡💰💵💸💳💎⚖💊💉🌡🔬📡📢📣🔔📝📊📈📉📌📍🔍🔒🔑📰📚📖🔗📩📧🗳",
    // Signs.
    "✅✔❌❗❓⚠🚫⛔🔴🟢🔵⚫⚪▶🆕🆘♻💬",
];

/// Whether `c` is an everyday emoji.
pub(crate) fn is_everyday(c: char) -> bool {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| EVERYDAY.iter().flat_map(|group| group.chars()).collect())
        .contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_single_pictographs_only() {
        for c in EVERYDAY.iter().flat_map(|group| group.chars()) {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c:?}");
            assert!(
                (c as u32) >= 0x2300,
                "{c:?} is no pictograph (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn everyday_emoji_are_told_from_rare_ones() {
        assert!(is_everyday('🏆'));
        assert!(is_everyday('❤'));
        assert!(!is_everyday('🍆'));
        assert!(!is_everyday('🐆'));
        assert!(is_everyday('🌏'));
        assert!(!is_everyday('a'));
        assert!(!is_everyday('\u{FE0F}'));
    }
}
