//! Finds the lines of an article that are page furniture rather than reporting.
//!
//! Judgements rest on features of a line (length, closing punctuation, second-person and
//! imperative wording, cue words of a kind of furniture, credit patterns) and of its
//! neighbourhood (a sign-up block, a list under a "Read more" header, a caption above a
//! credit) and on repetition within the article and across the batch. No rule names a site.

use std::collections::HashMap;
use std::sync::LazyLock;

use corroborate_model::RemovalReason;
use regex::Regex;

use crate::context::{CleanContext, MAX_FURNITURE_WORDS};
use crate::lines::Line;

/// Lines this long are reporting whatever words they contain.
const MAX_REMOVABLE_WORDS: usize = 80;

/// The furniture reason for each line (`None` keeps the line). Blank lines are kept.
pub(crate) fn classify(lines: &[Line<'_>], context: &CleanContext) -> Vec<Option<RemovalReason>> {
    let headline = lines.iter().position(|line| !line.is_blank());
    let mut reasons: Vec<Option<RemovalReason>> =
        lines.iter().map(|line| line_reason(line)).collect();
    mark_related_lists(lines, &mut reasons);
    extend_blocks(lines, &mut reasons);
    mark_captions_above_credits(lines, headline, &mut reasons);
    mark_repetition(lines, headline, context, &mut reasons);
    for (line, reason) in lines.iter().zip(reasons.iter_mut()) {
        if line.is_blank()
            || (line.words > MAX_REMOVABLE_WORDS
                && *reason != Some(RemovalReason::DuplicateParagraph))
        {
            *reason = None;
        }
    }
    reasons
}

/// Rules that look at one line alone.
fn line_reason(line: &Line<'_>) -> Option<RemovalReason> {
    if line.is_blank() {
        return None;
    }
    let cues = Cues::of(&line.key);
    if let Some(reason) = credit_reason(line) {
        return Some(reason);
    }
    if ADVERTISEMENT_LINES.contains(&line.key.as_str()) {
        return Some(RemovalReason::Advertisement);
    }
    if is_related_header(line) || RELATED_INLINE.is_match(&line.key) {
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
fn extend_blocks(lines: &[Line<'_>], reasons: &mut [Option<RemovalReason>]) {
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
            let cues = Cues::of(&line.key);
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
    headline: Option<usize>,
    context: &CleanContext,
    reasons: &mut [Option<RemovalReason>],
) {
    let mut occurrences: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        if !line.is_blank() && line.words > 0 {
            occurrences
                .entry(line.key.as_str())
                .or_default()
                .push(index);
        }
    }
    for (index, line) in lines.iter().enumerate() {
        if reasons[index].is_some() || line.is_blank() || line.words == 0 || Some(index) == headline
        {
            continue;
        }
        let copies = &occurrences[line.key.as_str()];
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
            let addressed = Cues::of(&line.key).addressed;
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
    if let Some(found) = TRAILING_CREDIT.find(line.trimmed) {
        let before = line.trimmed[..found.start()].trim();
        return Some(if before.chars().any(char::is_alphanumeric) {
            RemovalReason::Caption
        } else {
            RemovalReason::PhotoCredit
        });
    }
    if line.words <= 25 && LEADING_CREDIT.is_match(line.trimmed) {
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
    (line.words <= 8 && !line.sentence_end && NAME_SLASH_AGENCY.is_match(line.trimmed))
        || (line.words <= 12 && LEADING_CREDIT.is_match(line.trimmed))
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
    fn of(key: &str) -> Cues {
        let mut cues = Cues::default();
        let mut previous = "";
        for (position, word) in key
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .enumerate()
        {
            if word.is_empty() {
                continue;
            }
            cues.video += VIDEO_WORDS.contains(&word) as usize;
            cues.player_action += PLAYER_ACTION_WORDS.contains(&word) as usize;
            cues.newsletter += NEWSLETTER_WORDS.contains(&word) as usize
                + (matches!((previous, word), ("sign", "up") | ("email", "address")) as usize);
            cues.newsletter_name += NEWSLETTER_NAME_WORDS.contains(&word) as usize;
            cues.form += FORM_WORDS.contains(&word) as usize;
            cues.social += SOCIAL_WORDS.contains(&word) as usize;
            cues.platforms += PLATFORM_WORDS.contains(&word) as usize;
            cues.addressed |= ADDRESS_WORDS.contains(&word)
                || (position == 0 && IMPERATIVE_OPENERS.contains(&word));
            previous = word;
        }
        cues
    }
}

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
    Regex::new(r"^(?:read more|related|see also|also read|read also|read next|more)\s*[:|>-]\s*\S")
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
            "Storm hits coast\nRead More\n• Coast road closed after landslip\n• Five things to know about the storm\n\nThe storm reached the coast at dawn.\nMore on the storm\nHarbour wall to be rebuilt\nFishermen count the cost\nRescuers worked through the night.\nRead more: Why the sea wall failed\n",
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
