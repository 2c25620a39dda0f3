//! Finds the lines of an article that are page furniture rather than reporting.
//!
//! Judgements rest on features of a line (length, closing punctuation, second-person and
//! imperative wording, cue words of a kind of furniture, credit patterns) and of its
//! neighbourhood (a sign-up block, a list under a "Read more" header, a caption above a
//! credit) and on repetition within the article and across the batch. No rule names a site.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use corroborate_model::RemovalReason;
use regex::Regex;

use crate::context::{CleanContext, MAX_FURNITURE_WORDS};
use crate::lines::Line;

/// Lines this long are reporting whatever words they contain.
const MAX_REMOVABLE_WORDS: usize = 80;

/// The furniture reason for each line (`None` keeps the line). Blank lines are kept.
pub(crate) fn classify(lines: &[Line<'_>], context: &CleanContext) -> Vec<Option<RemovalReason>> {
    let headline = lines.iter().position(|line| !line.is_blank());
    let cues: Vec<Cues> = lines.iter().map(Cues::of_line).collect();
    let mut reasons: Vec<Option<RemovalReason>> = lines
        .iter()
        .zip(&cues)
        .map(|(line, cues)| line_reason(line, cues))
        .collect();
    mark_related_lists(lines, &mut reasons);
    extend_blocks(lines, &cues, &mut reasons);
    mark_captions_above_credits(lines, headline, &mut reasons);
    mark_repetition(lines, &cues, headline, context, &mut reasons);
    for (line, reason) in lines.iter().zip(reasons.iter_mut()) {
        if line.is_blank() || line.words > MAX_REMOVABLE_WORDS {
            *reason = None;
        }
    }
    reasons
}

/// Rules that look at one line alone.
fn line_reason(line: &Line<'_>, cues: &Cues) -> Option<RemovalReason> {
    if line.is_blank() || line.words > MAX_REMOVABLE_WORDS {
        return None;
    }
    if let Some(reason) = credit_reason(line) {
        return Some(reason);
    }
    if ADVERTISEMENT_LINES.contains(&line.key.as_str()) {
        return Some(RemovalReason::Advertisement);
    }
    if is_related_header(line) || (line.words <= 25 && RELATED_INLINE.is_match(&line.key)) {
        return Some(RemovalReason::RelatedLinks);
    }
    if line.words <= 20 && UPDATE_NOTICE.is_match(&line.key) {
        return Some(RemovalReason::UpdateNotice);
    }
    if line.words <= 12
        && ((cues.video >= 1 && (cues.player_action >= 1 || !line.sentence_end || line.words <= 4))
            || (cues.video >= 2)
            || (cues.player_action >= 2 && !line.sentence_end))
    {
        return Some(RemovalReason::VideoPlayer);
    }
    if (cues.newsletter >= 2 && line.words <= MAX_REMOVABLE_WORDS)
        || (cues.newsletter >= 1 && line.words <= 25 && (cues.addressed || !line.sentence_end))
    {
        return Some(RemovalReason::Newsletter);
    }
    if line.words <= 10
        && !line.sentence_end
        && ((cues.social >= 1 && cues.addressed) || cues.platforms >= 2)
    {
        return Some(RemovalReason::SocialPrompt);
    }
    None
}

/// A header such as "Read more" or "More on the election" opens a list of links; the
/// headline-like lines under it (bulleted, or without closing punctuation) are the list.
fn mark_related_lists(lines: &[Line<'_>], reasons: &mut [Option<RemovalReason>]) {
    let mut index = 0;
    while index < lines.len() {
        if !is_related_header(&lines[index]) {
            index += 1;
            continue;
        }
        index += 1;
        while index < lines.len() {
            let line = &lines[index];
            if line.is_blank() {
                index += 1;
                continue;
            }
            let looks_like_link = (line.bullet || !line.sentence_end) && line.words <= 25;
            if !looks_like_link || is_related_header(line) {
                break;
            }
            reasons[index].get_or_insert(RemovalReason::RelatedLinks);
            index += 1;
        }
    }
}

/// Furniture comes in blocks. A short line beside a sign-up line that speaks to the reader,
/// carries form words ("Invalid email", "Something went wrong") or names the newsletter
/// ("Morning Briefing: every weekday") belongs to the sign-up block; a short teaser beside a
/// player notice ("Watch: the speech") belongs to the player.
fn extend_blocks(lines: &[Line<'_>], cues: &[Cues], reasons: &mut [Option<RemovalReason>]) {
    loop {
        let mut changed = false;
        for index in 0..lines.len() {
            let line = &lines[index];
            if reasons[index].is_some() || line.is_blank() || line.words > 12 {
                continue;
            }
            let beside = |reason: RemovalReason| {
                [neighbour(lines, index, -1), neighbour(lines, index, 1)]
                    .into_iter()
                    .flatten()
                    .any(|other| reasons[other] == Some(reason))
            };
            let cues = &cues[index];
            let sign_up_like = cues.form >= 1
                || (!line.sentence_end && (cues.addressed || cues.newsletter_name >= 1));
            let player_like = !line.sentence_end && (cues.player_action >= 1 || cues.video >= 1);
            let reason = if sign_up_like && beside(RemovalReason::Newsletter) {
                RemovalReason::Newsletter
            } else if player_like && beside(RemovalReason::VideoPlayer) {
                RemovalReason::VideoPlayer
            } else {
                continue;
            };
            reasons[index] = Some(reason);
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// A short line right above a credit line is the caption of the credited picture.
fn mark_captions_above_credits(
    lines: &[Line<'_>],
    headline: Option<usize>,
    reasons: &mut [Option<RemovalReason>],
) {
    for index in 0..lines.len() {
        if reasons[index] != Some(RemovalReason::PhotoCredit) || !is_bare_credit(&lines[index]) {
            continue;
        }
        let Some(above) = neighbour(lines, index, -1) else {
            continue;
        };
        let line = &lines[above];
        if reasons[above].is_none() && Some(above) != headline && line.words <= 25 {
            reasons[above] = Some(RemovalReason::Caption);
        }
    }
}

/// Short non-sentence lines that recur within the article or across the batch are
/// furniture; a whole paragraph printed twice keeps its first copy.
fn mark_repetition(
    lines: &[Line<'_>],
    cues: &[Cues],
    headline: Option<usize>,
    context: &CleanContext,
    reasons: &mut [Option<RemovalReason>],
) {
    let considered = |line: &Line<'_>| !line.is_blank() && line.words <= MAX_REMOVABLE_WORDS;
    let mut occurrences: HashMap<&str, Vec<usize>> = HashMap::default();
    for (index, line) in lines.iter().enumerate() {
        if considered(line) {
            occurrences
                .entry(line.comparison_text())
                .or_default()
                .push(index);
        }
    }
    for (index, line) in lines.iter().enumerate() {
        if reasons[index].is_some() || !considered(line) || Some(index) == headline {
            continue;
        }
        let copies = &occurrences[line.comparison_text()];
        let short_fragment = line.words <= MAX_FURNITURE_WORDS && !line.sentence_end;
        if copies.len() >= 2 {
            if short_fragment {
                reasons[index] = Some(RemovalReason::RepeatedLine);
            } else if copies[0] != index && line.words >= 4 {
                reasons[index] = Some(RemovalReason::DuplicateParagraph);
            }
            continue;
        }
        if short_fragment {
            let articles = context.articles_with_line(&line.key);
            let addressed = cues[index].addressed;
            if articles >= 3 || (articles == 2 && (line.words <= 6 || addressed)) {
                reasons[index] = Some(RemovalReason::RepeatedLine);
            }
        }
    }
}

/// The nearest non-blank line before (`step = -1`) or after (`step = 1`) `index`.
fn neighbour(lines: &[Line<'_>], index: usize, step: isize) -> Option<usize> {
    let mut at = index as isize + step;
    while at >= 0 && (at as usize) < lines.len() {
        if !lines[at as usize].is_blank() {
            return Some(at as usize);
        }
        at += step;
    }
    None
}

fn is_related_header(line: &Line<'_>) -> bool {
    line.words <= 8
        && !line.trimmed.ends_with(['.', '?', '!'])
        && RELATED_HEADER.is_match(&line.key)
}

fn credit_reason(line: &Line<'_>) -> Option<RemovalReason> {
    if line.words > 40 {
        return None;
    }
    let ends_with_bracket = line.trimmed.ends_with(')');
    if let Some(found) = ends_with_bracket
        .then(|| TRAILING_CREDIT.find(line.trimmed))
        .flatten()
    {
        let before = line.trimmed[..found.start()].trim();
        return Some(if before.chars().any(char::is_alphanumeric) {
            RemovalReason::Caption
        } else {
            RemovalReason::PhotoCredit
        });
    }
    if line.words <= 25 && has_leading_credit(line) {
        return Some(if line.key.contains("caption") {
            RemovalReason::Caption
        } else {
            RemovalReason::PhotoCredit
        });
    }
    if is_bare_credit(line) {
        return Some(RemovalReason::PhotoCredit);
    }
    None
}

/// A line that is nothing but a credit: `Name Surname/Agency`, or a leading `Photo: ...`.
fn is_bare_credit(line: &Line<'_>) -> bool {
    (line.words <= 8
        && !line.sentence_end
        && line.trimmed.contains('/')
        && NAME_SLASH_AGENCY.is_match(line.trimmed))
        || (line.words <= 12 && has_leading_credit(line))
}

/// `Photo: ...`, `Credit | ...` and the like (a label, then a colon or bar).
fn has_leading_credit(line: &Line<'_>) -> bool {
    line.trimmed.contains([':', '|']) && LEADING_CREDIT.is_match(line.trimmed)
}

/// Counts of cue words in a folded line key.
#[derive(Default)]
struct Cues {
    video: usize,
    player_action: usize,
    newsletter: usize,
    /// Words that name a newsletter or alert service (`briefing`, `daily`, `alerts`).
    newsletter_name: usize,
    form: usize,
    social: usize,
    platforms: usize,
    /// Speaks to the reader (`you`, `your`, `our`) or opens with an imperative.
    addressed: bool,
}

impl Cues {
    /// The cues of a line. Long lines are furniture only when they speak of sign-ups and
    /// privacy (a consent paragraph), so a quick scan for those words comes first.
    fn of_line(line: &Line<'_>) -> Cues {
        let short = line.words <= MAX_CUED_WORDS;
        let long_but_sign_up =
            line.words <= MAX_REMOVABLE_WORDS && SIGN_UP_STEMS.is_match(line.trimmed);
        if short || long_but_sign_up {
            Cues::of(line.trimmed)
        } else {
            Cues::default()
        }
    }

    /// Scans a line once for every cue word (any case), whole words only.
    fn of(key: &str) -> Cues {
        let mut cues = Cues::default();
        let (automaton, kinds) = &*CUE_WORDS;
        let is_word_char = |c: Option<char>| {
            c.is_some_and(|c| c.is_alphanumeric() || corroborate_model::text::is_apostrophe(c))
        };
        for found in automaton.find_iter(key) {
            let before = key[..found.start()].chars().next_back();
            let after = key[found.end()..].chars().next();
            if is_word_char(before) || is_word_char(after) {
                continue;
            }
            let kind = kinds[found.pattern().as_usize()];
            let has = |flag: u16| usize::from(kind & flag != 0);
            cues.video += has(VIDEO);
            cues.player_action += has(PLAYER_ACTION);
            cues.newsletter += has(NEWSLETTER);
            cues.newsletter_name += has(NEWSLETTER_NAME);
            cues.form += has(FORM);
            cues.social += has(SOCIAL);
            cues.platforms += has(PLATFORM);
            cues.addressed |= kind & ADDRESS != 0 || (found.start() == 0 && kind & IMPERATIVE != 0);
        }
        cues
    }
}

/// Lines up to this long are scanned for every kind of cue.
const MAX_CUED_WORDS: usize = 25;

/// Word stems of sign-up and consent text, for the quick scan of long lines.
static SIGN_UP_STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "newsletter",
            "subscri",
            "privacy",
            "sign-up",
            "sign up",
            "inbox",
            "consent",
        ])
        .expect("sign-up stems form a valid automaton")
});

const VIDEO: u16 = 1;
const PLAYER_ACTION: u16 = 1 << 1;
const NEWSLETTER: u16 = 1 << 2;
const NEWSLETTER_NAME: u16 = 1 << 3;
const FORM: u16 = 1 << 4;
const SOCIAL: u16 = 1 << 5;
const PLATFORM: u16 = 1 << 6;
const ADDRESS: u16 = 1 << 7;
const IMPERATIVE: u16 = 1 << 8;

/// One automaton over every cue word and phrase, with the kinds of cue each pattern is.
static CUE_WORDS: LazyLock<(AhoCorasick, Vec<u16>)> = LazyLock::new(|| {
    let mut table: BTreeMap<&'static str, u16> = BTreeMap::new();
    let lists: [(&[&'static str], u16); 9] = [
        (VIDEO_WORDS, VIDEO),
        (PLAYER_ACTION_WORDS, PLAYER_ACTION),
        (NEWSLETTER_WORDS, NEWSLETTER),
        (NEWSLETTER_NAME_WORDS, NEWSLETTER_NAME),
        (FORM_WORDS, FORM),
        (SOCIAL_WORDS, SOCIAL),
        (PLATFORM_WORDS, PLATFORM),
        (ADDRESS_WORDS, ADDRESS),
        (IMPERATIVE_OPENERS, IMPERATIVE),
    ];
    for (words, kind) in lists {
        for word in words {
            *table.entry(word).or_default() |= kind;
        }
    }
    // Phrases are one cue; the longest match wins, so their words count through them.
    table.insert("sign up", NEWSLETTER | IMPERATIVE);
    table.insert("email address", NEWSLETTER | FORM | PLATFORM);
    // Apostrophes come straight or curly; the automaton matches ASCII case-insensitively.
    let curly: Vec<(String, u16)> = table
        .iter()
        .filter(|(word, _)| word.contains('\''))
        .map(|(word, kind)| (word.replace('\'', "\u{2019}"), *kind))
        .collect();
    let mut patterns: Vec<String> = table.keys().map(|word| word.to_string()).collect();
    let mut kinds: Vec<u16> = table.values().copied().collect();
    for (word, kind) in curly {
        patterns.push(word);
        kinds.push(kind);
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("cue words form a valid automaton");
    (automaton, kinds)
});

const VIDEO_WORDS: &[&str] = &[
    "video",
    "videos",
    "browser",
    "browsers",
    "html5",
    "autoplay",
    "javascript",
    "player",
    "playback",
    "fullscreen",
    "unmute",
    "replay",
    "flash",
];
const PLAYER_ACTION_WORDS: &[&str] = &[
    "click",
    "tap",
    "play",
    "switch",
    "watch",
    "enable",
    "upgrade",
    "press",
    "loading",
    "unavailable",
    "supported",
    "support",
    "download",
    "listen",
    "pause",
    "resume",
];
const NEWSLETTER_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "subscribe",
    "subscribed",
    "subscribing",
    "subscription",
    "unsubscribe",
    "inbox",
    "privacy",
    "consent",
    "consented",
    "signup",
    "sign-up",
];
const NEWSLETTER_NAME_WORDS: &[&str] = &[
    "briefing",
    "bulletin",
    "digest",
    "daily",
    "weekly",
    "weekday",
    "morning",
    "evening",
    "edition",
    "alerts",
    "updates",
    "roundup",
    "newsletter",
];
const FORM_WORDS: &[&str] = &[
    "email",
    "e-mail",
    "invalid",
    "error",
    "again",
    "wrong",
    "thank",
    "thanks",
    "info",
    "submit",
    "required",
    "register",
    "registered",
    "enter",
    "continue",
    "notifications",
    "notification",
];
const SOCIAL_WORDS: &[&str] = &[
    "share", "follow", "comment", "comments", "tweet", "print", "copy", "link",
];
const PLATFORM_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "telegram",
    "instagram",
    "tiktok",
    "email",
    "messenger",
    "x",
    "bluesky",
    "threads",
];
const ADDRESS_WORDS: &[&str] = &[
    "you", "your", "you're", "you'll", "yours", "we'll", "our", "us",
];
const IMPERATIVE_OPENERS: &[&str] = &[
    "sign",
    "subscribe",
    "enter",
    "join",
    "get",
    "register",
    "share",
    "follow",
    "click",
    "tap",
    "watch",
    "listen",
    "read",
    "copy",
    "print",
    "like",
    "tweet",
    "comment",
    "download",
    "switch",
    "enable",
    "please",
    "thank",
    "thanks",
    "don't",
    "never",
    "see",
    "find",
];
const ADVERTISEMENT_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "adverts",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "promoted",
    "promoted content",
    "paid content",
    "paid post",
    "partner content",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below this ad",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "scroll to continue",
    "scroll to continue with content",
    "skip advert",
    "skip ad",
    "ad feedback",
    "report this ad",
];

static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:read more|related(?: articles?| stories| content| coverage| links| news| reading| topics)?|more (?:on|from|about) .{1,60}|more (?:news|stories|headlines)|most (?:read|popular|viewed|shared)|recommended(?: for you| reading| stories| articles)?|see also|also read|read also|read next|you (?:may|might) also like|trending(?: now)?|top stories|latest (?:news|stories)|what to read next|further reading|don't miss|watch more|in other news)$",
    )
    .expect("related header pattern is valid")
});

static RELATED_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:read more|related|see also|also read|read also|read next|more)\s*[:|>-]\s*\S|(?:read|see|view|watch) (?:the )?(?:rest|full (?:story|article|report|text|statement|interview|video))(?: here| at .{1,40}| on .{1,40})?$|click here\b)")
        .expect("related inline pattern is valid")
});

static UPDATE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:this (?:story|article|post|page|report) (?:is being|has been|will be|was|is) (?:updated|developing|constantly updated)|this is an? (?:developing|breaking|live)(?: news)? (?:story|report|event|situation)|(?:last )?updated(?: at| on)?[: ]+[\d(]|(?:first )?published(?: at| on)?[: ]+\d|breaking(?: news)?$|developing(?: story)?$|more (?:to follow|details to come|to come)|check back (?:later|soon)|refresh (?:this page|for updates))",
    )
    .expect("update notice pattern is valid")
});

static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\((?:images?|photos?|pictures?|pics?|photograph(?:y|s)?|credit|video|illustrations?|graphics?|source)(?: credit)?\s*:[^()]{1,80}\)|\([^()]{0,40}\b(?:photo|pictures?|images?)\s*/\s*[^()]{1,60}\))\s*$",
    )
    .expect("trailing credit pattern is valid")
});

static LEADING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[(\[]?(?:images?|photos?|pictures?|pics?|photograph(?:s|er)?|credit|illustrations?|graphics?|image copyright|image caption|photo caption|caption)(?: credits?| caption)?\s*[:|]\s*\S",
    )
    .expect("leading credit pattern is valid")
});

static NAME_SLASH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*/\s*\p{Lu}[\p{L}&.'’ -]{1,40}$",
    )
    .expect("credit pattern is valid")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    /// The reasons for each non-blank line of `text`, as `reason: line` rows.
    fn check(text: &str, expect: expect_test::Expect) {
        let lines = split_lines(text);
        let reasons = classify(&lines, &CleanContext::default());
        let rows: Vec<String> = lines
            .iter()
            .zip(&reasons)
            .filter(|(line, _)| !line.is_blank())
            .map(|(line, reason)| {
                format!(
                    "{:<12} {}",
                    reason.map_or("keep", |r| short(r)),
                    line.trimmed
                )
            })
            .collect();
        expect.assert_eq(&(rows.join("\n") + "\n"));
    }

    fn short(reason: RemovalReason) -> &'static str {
        match reason {
            RemovalReason::VideoPlayer => "video",
            RemovalReason::Newsletter => "newsletter",
            RemovalReason::RelatedLinks => "related",
            RemovalReason::PhotoCredit => "credit",
            RemovalReason::Caption => "caption",
            RemovalReason::UpdateNotice => "update",
            RemovalReason::Advertisement => "advert",
            RemovalReason::SocialPrompt => "social",
            RemovalReason::RepeatedLine => "repeated",
            RemovalReason::DuplicateParagraph => "duplicate",
        }
    }

    #[test]
    fn video_player_notices() {
        check(
            "Ferry crosses again\nWatch: the first crossing\nVideo unavailable\nClick to play\nSwitch to a supported browser to watch this video\nYour browser does not support HTML5 video.\nA video of the crossing was shared by 4,000 people on Monday.\n",
            expect_test::expect![[r#"
                keep         Ferry crosses again
                video        Watch: the first crossing
                video        Video unavailable
                video        Click to play
                video        Switch to a supported browser to watch this video
                video        Your browser does not support HTML5 video.
                keep         A video of the crossing was shared by 4,000 people on Monday.
            "#]],
        );
    }

    #[test]
    fn newsletter_block_and_its_form_lines() {
        check(
            "Council votes\nThe Civic Digest: local politics every Friday\nSign up for our free morning newsletter\nEnter your email\nInvalid email\nWe use your sign-up to send you content you agreed to, and to understand you better. See our privacy notice.\nThank you for subscribing\nThe council voted on Tuesday to keep the library open.\nShe said she might subscribe to the plan if it changed.\n",
            expect_test::expect![[r#"
                keep         Council votes
                newsletter   The Civic Digest: local politics every Friday
                newsletter   Sign up for our free morning newsletter
                newsletter   Enter your email
                newsletter   Invalid email
                newsletter   We use your sign-up to send you content you agreed to, and to understand you better. See our privacy notice.
                newsletter   Thank you for subscribing
                keep         The council voted on Tuesday to keep the library open.
                keep         She said she might subscribe to the plan if it changed.
            "#]],
        );
    }

    #[test]
    fn related_links_with_and_without_bullets() {
        check(
            "Storm hits coast\nRead More\n• Coast road closed after landslip\n• Five things to know about the storm\n\nThe storm reached the coast at dawn.\nMore on the storm\nHarbour wall to be rebuilt\nFishermen count the cost\nRescuers worked through the night.\nRead more: Why the sea wall failed\nRead the rest here.\nRead the report, she said, and judge for yourself.\n",
            expect_test::expect![[r#"
                keep         Storm hits coast
                related      Read More
                related      • Coast road closed after landslip
                related      • Five things to know about the storm
                keep         The storm reached the coast at dawn.
                related      More on the storm
                related      Harbour wall to be rebuilt
                related      Fishermen count the cost
                keep         Rescuers worked through the night.
                related      Read more: Why the sea wall failed
                related      Read the rest here.
                keep         Read the report, she said, and judge for yourself.
            "#]],
        );
    }

    #[test]
    fn captions_and_credits() {
        check(
            "Mayor re-elected\nThe mayor greets supporters at the count (Image: Riverside Press Agency)\nThe count ended at 3am.\nSupporters outside the hall\nPhoto: Jana Brook/Coastline Pictures\nCredit: Lowland News Service\n(AP Photo/Sam Reed)\nShe said the result was clear.\n",
            expect_test::expect![[r#"
                keep         Mayor re-elected
                caption      The mayor greets supporters at the count (Image: Riverside Press Agency)
                keep         The count ended at 3am.
                caption      Supporters outside the hall
                credit       Photo: Jana Brook/Coastline Pictures
                credit       Credit: Lowland News Service
                credit       (AP Photo/Sam Reed)
                keep         She said the result was clear.
            "#]],
        );
    }

    #[test]
    fn update_notices_adverts_and_share_prompts() {
        check(
            "Bridge closes\nThis story is being updated\nThis is a developing story.\nUpdated 14:32\nAdvertisement\nThe bridge closed at noon.\nShare this article\nFacebook Twitter WhatsApp Email\nUpdated plans were published on Friday.\n",
            expect_test::expect![[r#"
                keep         Bridge closes
                update       This story is being updated
                update       This is a developing story.
                update       Updated 14:32
                advert       Advertisement
                keep         The bridge closed at noon.
                social       Share this article
                social       Facebook Twitter WhatsApp Email
                keep         Updated plans were published on Friday.
            "#]],
        );
    }

    #[test]
    fn repeated_short_lines_and_paragraphs() {
        check(
            "Vote counted\nFrom our correspondent\nThe vote was counted overnight in the town hall.\nFrom our correspondent\nThe vote was counted overnight in the town hall.\n",
            expect_test::expect![[r#"
                keep         Vote counted
                repeated     From our correspondent
                keep         The vote was counted overnight in the town hall.
                repeated     From our correspondent
                duplicate    The vote was counted overnight in the town hall.
            "#]],
        );
    }

    #[test]
    fn long_paragraphs_are_never_duplicates_of_each_other() {
        let long = |topic: &str| format!("{} ", topic).repeat(90);
        let text = format!(
            "Title\n{}\n{}\n{}\n",
            long("alpha"),
            long("beta"),
            long("alpha")
        );
        let lines = split_lines(&text);
        let reasons = classify(&lines, &CleanContext::default());
        assert!(reasons.iter().all(Option::is_none), "{reasons:?}");
    }

    #[test]
    fn headline_and_subheadings_are_kept() {
        check(
            "Watch: the night the river rose\nA timeline of the flood\nWater reached the square at 2am.\nWhat happens next\nEngineers will inspect the bridge.\n",
            expect_test::expect![[r#"
                keep         Watch: the night the river rose
                keep         A timeline of the flood
                keep         Water reached the square at 2am.
                keep         What happens next
                keep         Engineers will inspect the bridge.
            "#]],
        );
    }
}
