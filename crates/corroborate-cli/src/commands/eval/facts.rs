//! `corroborate eval facts`: the disputed and agreed facts of multi-source real news, each
//! value shown in the sentence it came from, for judging by hand whether a flagged conflict
//! is a real one (the listing quotes corpus text, so it goes to a file outside the repo).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;

use anyhow::Context;
use corroborate::ingest::text_article;
use corroborate::model::{BriefFact, FactStatus};
use corroborate::pipeline::{PipelineConfig, brief_articles};
use corroborate_eval::{
    ClaimPair, claimdiff_pairs, ecbplus_documents, fnc1_stories, neus_clusters,
};
use rayon::prelude::*;

use super::FactsArgs;
use crate::Outcome;

/// One fact with the story it came from and its values shown in their sentences.
struct Listed {
    story: String,
    fact: BriefFact,
    shown: String,
}

pub fn facts(args: FactsArgs) -> anyhow::Result<Outcome> {
    let mut stories: Vec<(String, Vec<String>)> = Vec::new();
    if let Some(path) = &args.ecbplus {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for document in ecbplus_documents(path)? {
            groups
                .entry(format!("ecbplus {}", document.group))
                .or_default()
                .push(document.text);
        }
        stories.extend(groups);
    }
    if let Some(path) = &args.neus {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for document in neus_clusters(path)? {
            groups
                .entry(format!("neus {}", document.group))
                .or_default()
                .push(document.text);
        }
        stories.extend(groups);
    }
    if let Some(dir) = &args.fnc1 {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for document in fnc1_stories(dir)? {
            groups
                .entry(format!("fnc1 {}", document.group))
                .or_default()
                .push(document.text);
        }
        stories.extend(groups.into_iter().filter(|(_, texts)| texts.len() > 1));
    }
    let config = PipelineConfig::default();
    let mut out = String::new();
    if let Some(path) = &args.claimdiff {
        let pairs = claimdiff_pairs(path)?;
        let summary = claimdiff(&pairs, &config, &mut out)?;
        println!("{summary}");
    }
    anyhow::ensure!(
        !stories.is_empty() || args.claimdiff.is_some(),
        "no stories: give --ecbplus FILE, --neus FILE, --fnc1 DIR or --claimdiff FILE"
    );
    let listed: Vec<Vec<Listed>> = stories
        .par_iter()
        .map(|(story, texts)| story_facts(story, texts, &config))
        .collect();
    let listed: Vec<Listed> = listed.into_iter().flatten().collect();
    let disputed: Vec<&Listed> = listed
        .iter()
        .filter(|l| l.fact.status == FactStatus::Disputed)
        .collect();
    let agreed: Vec<&Listed> = listed
        .iter()
        .filter(|l| l.fact.status == FactStatus::Agreed && l.fact.comparable)
        .collect();
    // Facts of one subject, property and scope that stayed apart although their values
    // differ: conflicts the rules explained away, listed to check they were not real.
    let mut split: Vec<&Listed> = Vec::new();
    for (index, listed_fact) in listed.iter().enumerate() {
        let key = |l: &Listed| {
            (
                l.story.clone(),
                l.fact.subject.clone(),
                l.fact.property.clone(),
                l.fact.scope.clone(),
            )
        };
        if listed_fact.fact.comparable
            && listed[..index]
                .iter()
                .any(|other| other.fact.comparable && key(other) == key(listed_fact))
        {
            split.push(listed_fact);
        }
    }
    let checked: Vec<&Listed> = listed
        .iter()
        .filter(|l| !l.fact.checks.is_empty())
        .collect();
    writeln!(
        out,
        "{} stories; {} disputed facts, {} agreed comparable facts\n",
        stories.len(),
        disputed.len(),
        agreed.len()
    )?;
    for (title, facts) in [
        ("DISPUTED", &disputed),
        ("AGREED", &agreed),
        ("SPLIT (a later part of a fact kept apart)", &split),
        ("CHECKED (facts with an arithmetic check)", &checked),
    ] {
        let chosen = evenly_spaced(facts.len(), args.sample);
        writeln!(out, "==== {title}: {} of {}\n", chosen.len(), facts.len())?;
        for (number, index) in chosen.into_iter().enumerate() {
            let listed = facts[index];
            writeln!(out, "[{} {}] {}", &title[..1], number + 1, listed.story)?;
            out.push_str(&listed.shown);
            out.push('\n');
        }
    }
    fs::write(&args.out, &out).with_context(|| format!("cannot write {}", args.out.display()))?;
    println!(
        "{} stories; {} disputed facts, {} agreed comparable facts; listing in {}",
        stories.len(),
        disputed.len(),
        agreed.len(),
        args.out.display()
    );
    Ok(Outcome {
        skipped_input: false,
    })
}

/// Briefs each ClaimDiff pair as a story of two sources (claim A is S1, claim B is S2) and
/// writes the pairs with a disputed fact, with both sentences and the pair's label, then the
/// label-1 pairs where both claims state a figure and nothing is disputed (possible misses,
/// to read). Returns the counts as one line.
fn claimdiff(
    pairs: &[ClaimPair],
    config: &PipelineConfig,
    out: &mut String,
) -> anyhow::Result<String> {
    let briefed: Vec<(Vec<BriefFact>, bool)> = pairs
        .par_iter()
        .map(|pair| {
            let texts = [pair.claim_a.clone(), pair.claim_b.clone()];
            let facts: Vec<BriefFact> = story_facts(&pair.id, &texts, config)
                .into_iter()
                .map(|listed| listed.fact)
                .collect();
            // Both claims state a figure: each source is evidence of some fact value.
            let sources: Vec<usize> = facts
                .iter()
                .flat_map(|fact| fact.values.iter())
                .flat_map(|value| value.sources.iter().map(|source| source.index()))
                .collect();
            let both = sources.contains(&0) && sources.contains(&1);
            (facts, both)
        })
        .collect();
    let labelled = |label: bool| pairs.iter().filter(|p| p.relation == label).count();
    let flagged = |label: bool| {
        pairs
            .iter()
            .zip(&briefed)
            .filter(|(pair, (facts, _))| {
                pair.relation == label && facts.iter().any(|f| f.status == FactStatus::Disputed)
            })
            .count()
    };
    let unflagged_with_figures: Vec<usize> = (0..pairs.len())
        .filter(|&i| {
            let (facts, both) = &briefed[i];
            pairs[i].relation && *both && !facts.iter().any(|f| f.status == FactStatus::Disputed)
        })
        .collect();
    let summary = format!(
        "claimdiff: {} pairs ({} labelled weakening, {} not); a disputed fact in {} of the \
         labelled-1 pairs and {} of the labelled-0 pairs; {} labelled-1 pairs with a figure in \
         both claims and nothing disputed",
        pairs.len(),
        labelled(true),
        labelled(false),
        flagged(true),
        flagged(false),
        unflagged_with_figures.len()
    );
    writeln!(out, "{summary}\n")?;
    writeln!(out, "==== CLAIMDIFF DISPUTED\n")?;
    for (pair, (facts, _)) in pairs.iter().zip(&briefed) {
        for fact in facts.iter().filter(|f| f.status == FactStatus::Disputed) {
            writeln!(out, "[C] {} label={}", pair.id, u8::from(pair.relation))?;
            writeln!(out, "  S1: {}", pair.claim_a)?;
            writeln!(out, "  S2: {}", pair.claim_b)?;
            out.push_str(&show(fact, &[pair.claim_a.clone(), pair.claim_b.clone()]));
            out.push('\n');
        }
    }
    writeln!(
        out,
        "==== CLAIMDIFF LABEL 1, FIGURES IN BOTH, NOTHING DISPUTED: {}\n",
        unflagged_with_figures.len()
    )?;
    for index in unflagged_with_figures {
        let pair = &pairs[index];
        writeln!(out, "[M] {}", pair.id)?;
        writeln!(out, "  S1: {}", pair.claim_a)?;
        writeln!(out, "  S2: {}", pair.claim_b)?;
        let texts = [pair.claim_a.clone(), pair.claim_b.clone()];
        for fact in &briefed[index].0 {
            out.push_str(&show(fact, &texts));
        }
        out.push('\n');
    }
    Ok(summary)
}

/// `count` indices spread evenly over `0..total` (all of them when there are fewer).
fn evenly_spaced(total: usize, count: usize) -> Vec<usize> {
    if total <= count {
        return (0..total).collect();
    }
    (0..count).map(|i| i * total / count).collect()
}

fn story_facts(story: &str, texts: &[String], config: &PipelineConfig) -> Vec<Listed> {
    let articles: Vec<_> = texts
        .iter()
        .enumerate()
        .filter_map(|(index, text)| {
            let name = format!("{story}-{index}");
            text_article(&name, &name, text.as_bytes()).0
        })
        .collect();
    let inputs: Vec<String> = articles
        .iter()
        .map(|article| article.text.to_string())
        .collect();
    let run = brief_articles(articles, config);
    run.brief
        .facts
        .into_iter()
        .map(|fact| {
            let shown = show(&fact, &inputs);
            Listed {
                story: story.to_string(),
                fact,
                shown,
            }
        })
        .collect()
}

fn show(fact: &BriefFact, inputs: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} | subject {} | scope {}",
        fact.property,
        fact.subject.as_deref().unwrap_or("-"),
        fact.scope.as_deref().unwrap_or("-"),
    );
    for check in &fact.checks {
        let _ = writeln!(
            out,
            "  check {} holds={}: {}",
            check.rule, check.holds, check.explanation
        );
    }
    for value in &fact.values {
        let _ = writeln!(
            out,
            "  value {} ({}) consistent={:?}",
            value.display,
            value.qualifier.as_str(),
            value.consistent
        );
        for evidence in &value.evidence {
            let text = &inputs[evidence.source.index()];
            let _ = writeln!(
                out,
                "    {}: {}",
                evidence.source,
                sentence_around(text, evidence.span.start(), evidence.span.end())
            );
        }
    }
    out
}

/// The sentence holding `start..end`, with the figure marked `[[...]]`.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // Back to the end of the previous sentence on the same line (a full stop and a space).
    if let Some(i) = text[from..start].rfind(". ") {
        from += i + 2;
    }
    let to = text[end..]
        .find(|c: char| is_stop(c))
        .map_or(text.len(), |i| end + i + 1)
        .min(text.len());
    let to = (to..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    format!(
        "{}[[{}]]{}",
        text[from..start].trim_start(),
        &text[start..end],
        text[end..to].trim_end()
    )
}
