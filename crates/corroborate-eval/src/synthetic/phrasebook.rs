//! The invented sentence templates the generator fills: event lexicons with their own facts
//! and headlines, facts and quotations any event can use, background sentences, and the
//! frames of unrelated (noise) articles.
//!
//! A template holds slots (`{town}`, `{person}`, `{n0}` …, see `fill.rs`) and alternatives
//! (`[flooding|floodwater]`), one of which is chosen each time the template is written, so
//! two outlets telling one fact rarely use the same words throughout. Every sentence here
//! was written for this generator.

/// One kind of event: its words and the facts and headlines only it has.
pub(crate) struct Event {
    /// What the event is called (`{noun}`); the first is the plain name.
    pub nouns: &'static [&'static str],
    pub headlines: &'static [&'static str],
    /// The roles of the story's people, one person a role (`{role}` after `{person}`).
    pub roles: &'static [&'static str],
    /// Kinds of organisation named after an invented word (`the Brenmor Water Board`).
    pub org_kinds: &'static [&'static str],
    /// Kinds of thing the story is about (`the Stavel footbridge`).
    pub object_kinds: &'static [&'static str],
    /// What the event harms or involves (`{harm}`).
    pub harm: &'static [&'static str],
    /// What officials did about it, as a past verb phrase (`{response}`).
    pub response: &'static [&'static str],
    pub facts: &'static [&'static str],
}

pub(crate) const EVENTS: &[Event] = &[
    Event {
        nouns: &["flood", "flooding", "floodwater"],
        headlines: &[
            "[Flood|Floodwater] forces {n0} families from homes in {town}",
            "{town} [counts the cost|cleans up] after the river bursts its banks",
            "[Rising river|Flooding] [cuts off|swamps] {street} in {town}",
        ],
        roles: &[
            "the council leader",
            "a fire officer",
            "a resident",
            "a hydrologist",
            "a shop owner",
        ],
        org_kinds: &["Water Board", "Housing Trust", "Rivers Agency"],
        object_kinds: &[
            "pumping station",
            "footbridge",
            "flood barrier",
            "sluice gate",
        ],
        harm: &["homes", "shops", "roads", "farms", "cellars"],
        response: &[
            "opened a rest centre in the school hall",
            "handed out sandbags",
            "closed the river road",
            "moved residents out of a care home",
        ],
        facts: &[
            "[Floodwater|The flood|Flooding] [swept through|poured into|swamped] {town} on {weekday}, forcing {n0} [families|households] from their homes.",
            "The river rose {small} feet [above its normal level|in a few hours|overnight], [officials|the {org}] said.",
            "Crews pumped water from {n2} [properties|cellars|houses], [many|several] of them on {street}.",
            "The {object} [failed|gave way|was overwhelmed] [shortly after|just before] [midnight|dawn], [according to|said] the {org}.",
            "[About|Nearly|Some] {n1} homes were left without power as [the water|the river] kept rising.",
            "Forecasters [expect|predict] [more rain|further showers] over {town} [later in the week|by the weekend].",
        ],
    },
    Event {
        nouns: &["fire", "blaze"],
        headlines: &[
            "[Fire|Blaze] destroys {object} in {town}",
            "{n2} firefighters [tackle|fight] [huge|major] blaze on {street}",
            "[Smoke|Fire] [closes|shuts] {street} as {object} burns",
        ],
        roles: &[
            "the chief fire officer",
            "the owner",
            "a neighbour",
            "a fire investigator",
            "the local councillor",
        ],
        org_kinds: &[
            "Fire and Rescue Service",
            "Storage Company",
            "Trading Estate",
        ],
        object_kinds: &["warehouse", "timber yard", "print works", "furniture store"],
        harm: &["buildings", "vehicles", "stock", "homes nearby"],
        response: &[
            "sent {small} fire engines",
            "told nearby residents to keep their windows shut",
            "closed {street} to traffic",
            "set up a cordon around the site",
        ],
        facts: &[
            "A [fire|blaze] [destroyed|gutted|tore through] the {object} on {street} early on {weekday}.",
            "{n2} firefighters [fought|tackled] the [flames|blaze] for [hours|most of the night], [said|according to] {person}, {role}.",
            "Smoke [could be seen|was visible|drifted] across {town} [for most of the day|until the evening].",
            "The [damage|loss] was [put at|estimated at|valued at] {n0} pounds.",
            "Investigators have not yet [found|named|established] the cause of the {noun}.",
            "The {object} [employed|had] {small} [staff|workers], none of whom [were|was] inside at the time.",
        ],
    },
    Event {
        nouns: &["strike", "walkout", "stoppage"],
        headlines: &[
            "{n1} workers walk out in {town} [strike|pay dispute]",
            "[Strike|Walkout] [shuts|closes] {n2} sites across {town}",
            "Union and {org} [far apart|deadlocked] as {town} strike [begins|goes on]",
        ],
        roles: &[
            "a union organiser",
            "the chief executive",
            "a picket",
            "a conciliation officer",
            "a customer",
        ],
        org_kinds: &["Transport Company", "Workers' Union", "Logistics Group"],
        object_kinds: &[
            "depot",
            "distribution centre",
            "bus garage",
            "sorting office",
        ],
        harm: &["routes", "deliveries", "services", "shifts"],
        response: &[
            "offered a rise of {pct} percent",
            "asked for talks at the conciliation service",
            "brought in agency staff",
            "cancelled {n2} services",
        ],
        facts: &[
            "About {n1} workers in {town} [joined|took part in|backed] the {noun} on {weekday}.",
            "{person}, {role}, said pay had fallen [behind prices|behind inflation|for {small} years in a row].",
            "The {org} offered a rise of {pct} percent, which the union [rejected|turned down|called an insult].",
            "The {noun} [closed|shut] {n2} [sites|offices|routes] across {town}.",
            "Pickets [gathered|stood] outside the {object} on {street} from [six|seven] in the morning.",
            "Talks are [due|expected|set] to resume [next week|on {weekday}|within days].",
        ],
    },
    Event {
        nouns: &["trial", "case", "hearing"],
        headlines: &[
            "{person} [found guilty|convicted] [at|after] {town} [fraud trial|trial]",
            "Jury [convicts|finds against] {person} in {town} [fraud|fraud case]",
            "{town} [trial|fraud case] ends with guilty verdict",
        ],
        roles: &[
            "the defendant",
            "the prosecutor",
            "a former investor",
            "the judge",
            "a defence lawyer",
        ],
        org_kinds: &["Crown Court", "Investment Fund", "Savings Club"],
        object_kinds: &["investment scheme", "property fund", "savings plan"],
        harm: &["investors", "savers", "pensioners", "families"],
        response: &[
            "froze the fund's accounts",
            "wrote to every investor",
            "opened a claims line",
            "asked the court for compensation orders",
        ],
        facts: &[
            "A jury in {town} found {person} guilty on {weekday} after a {noun} [lasting|of] {small} days.",
            "The prosecution said the {object} [cost|took] {n0} pounds from {n2} {harm}.",
            "The court heard from {small} witnesses during the {noun}.",
            "{person}, {role}, will be sentenced [next month|in {month}], the judge said.",
            "Lawyers for {person} said they would [appeal|consider an appeal|study the verdict].",
            "The {object} [promised|offered] returns of {pct} percent a year, the court heard.",
        ],
    },
    Event {
        nouns: &["by-election", "vote", "election"],
        headlines: &[
            "{person} wins the {town} by-election",
            "{town} by-election: {person} [takes|holds] the seat",
            "[Victory|Win] for {person} as {town} [votes|goes to the polls]",
        ],
        roles: &[
            "the winning candidate",
            "the runner-up",
            "the returning officer",
            "a campaign manager",
            "a voter",
        ],
        org_kinds: &["Progress Party", "People's Alliance", "Independents Group"],
        object_kinds: &["count centre", "leisure centre", "town hall"],
        harm: &["voters", "seats", "wards", "ballots"],
        response: &[
            "ordered a recount of two boxes",
            "published the full result",
            "thanked the count staff",
            "extended polling hours at one station",
        ],
        facts: &[
            "{person} won the {town} {noun} with {n0} votes on {weekday}.",
            "The runner-up took {n1} votes, [the returning officer|officials] said.",
            "Turnout in {town} was {pct} percent, [down|up] on the last election.",
            "The count at the {object} finished [shortly after|just before|after] [midnight|two in the morning].",
            "The {org} [had held|lost|kept] the seat [since|until] {year0}.",
            "{person}, {role}, said the result was [disappointing|a setback] but promised to stand again.",
        ],
    },
    Event {
        nouns: &["earthquake", "tremor", "quake"],
        headlines: &[
            "[Earthquake|Quake] of magnitude {magnitude} [shakes|hits] {town}",
            "{town} [earthquake|quake]: {small} hurt as buildings crack",
            "[Tremor|Earthquake] [damages|rattles] {n2} homes near {town}",
        ],
        roles: &[
            "a seismologist",
            "the mayor",
            "a resident",
            "a structural engineer",
            "a hospital manager",
        ],
        org_kinds: &[
            "Geological Survey",
            "Civil Protection Office",
            "Building Authority",
        ],
        object_kinds: &["church tower", "water tower", "viaduct", "old mill"],
        harm: &["homes", "walls", "chimneys", "roads"],
        response: &[
            "inspected {n2} buildings",
            "opened the sports hall for people who left their homes",
            "closed the viaduct",
            "sent engineers to every school",
        ],
        facts: &[
            "[An earthquake|A tremor|A quake] of magnitude {magnitude} [struck|shook|hit] {town} [early|late] on {weekday}, the {org} said.",
            "The [tremor|quake] [lasted|went on for] about {small} seconds and was felt [across the region|in towns nearby].",
            "Cracks appeared in the {object} and in {n2} homes, [engineers|officials] said.",
            "{small} people were [treated|taken to hospital] for [minor injuries|cuts and bruises].",
            "The [epicentre|centre] was {small} kilometres [below|under] the valley, [said|according to] {person}, {role}.",
            "[Aftershocks|Smaller tremors] [followed|were recorded] [through the night|for hours].",
        ],
    },
    Event {
        nouns: &["closure", "shutdown", "job cuts"],
        headlines: &[
            "{org} to close {town} [plant|factory] with {n1} jobs lost",
            "{n1} jobs [go|to go] as {town} [factory|plant] shuts",
            "[Shock|Anger] in {town} over {org} [closure|plant closure]",
        ],
        roles: &[
            "the managing director",
            "a shift manager",
            "a union representative",
            "the local MP",
            "a supplier",
        ],
        org_kinds: &["Components Ltd", "Engineering Group", "Foods Company"],
        object_kinds: &["plant", "factory", "assembly line", "bottling hall"],
        harm: &["jobs", "suppliers", "contracts", "apprentices"],
        response: &[
            "promised help to find new work",
            "set up a jobs fair at the town hall",
            "asked the government for a rescue plan",
            "started a consultation with staff",
        ],
        facts: &[
            "The {org} said on {weekday} it would close its {object} in {town}, with the loss of {n1} jobs.",
            "The {object} opened in {year0} and [makes|made|produced] parts for [car makers|builders|shipyards].",
            "{person}, {role}, said the news had come [without warning|as a shock|out of the blue].",
            "Production will [move|be moved] to [another site|a plant abroad] [by {month}|within a year].",
            "The company said [energy costs|falling orders|higher rents] had [cost|taken] {n0} pounds in a year.",
            "[Staff|Workers] were told at a meeting [on the factory floor|in the canteen] on {weekday} morning.",
        ],
    },
    Event {
        nouns: &["collision", "crash", "derailment"],
        headlines: &[
            "[Train|Freight train] [derails|comes off the rails] near {town}",
            "{small} hurt in {town} rail [crash|collision]",
            "[Line closed|Rail line shut] after {town} [collision|crash]",
        ],
        roles: &[
            "a passenger",
            "an accident investigator",
            "a rail company spokesman",
            "a paramedic",
            "a signaller",
        ],
        org_kinds: &["Rail Company", "Accident Branch", "Ambulance Service"],
        object_kinds: &["level crossing", "signal box", "junction", "station"],
        harm: &["passengers", "carriages", "trains", "tracks"],
        response: &[
            "laid on replacement buses",
            "closed the line for {small} days",
            "sent a team to the site",
            "checked every train of the same type",
        ],
        facts: &[
            "A train [carrying|with] {n2} passengers [came off the rails|derailed|hit a tractor] near the {object} outside {town} on {weekday}.",
            "{small} people were [taken to hospital|treated at the scene], [said|according to] {person}, {role}.",
            "The {org} said the line would stay [closed|shut] [for days|until at least {weekday}].",
            "[Investigators|The accident branch] [are looking at|will examine] the {object} and the [signals|track|brakes].",
            "[Passengers|Travellers] [described|spoke of] a [loud bang|sudden jolt] and [carriages tilting|the lights going out].",
            "The [repairs|work on the track] [could cost|may cost] {n0} pounds, the {org} said.",
        ],
    },
    Event {
        nouns: &["takeover", "deal", "merger"],
        headlines: &[
            "{org} agrees {n0} pound takeover",
            "{town} firm [sold|bought] in {n0} pound deal",
            "[Shareholders|Investors] back {org} [takeover|deal]",
        ],
        roles: &[
            "the chairman",
            "an analyst",
            "the finance director",
            "a shareholder",
            "a former employee",
        ],
        org_kinds: &["Holdings", "Brewing Company", "Software Group"],
        object_kinds: &["head office", "brewery", "data centre", "research site"],
        harm: &["shares", "staff", "customers", "brands"],
        response: &[
            "promised to keep the head office in {town}",
            "paid {pct} pence a share over the market price",
            "named a new chief executive",
            "set aside {n2} million for staff bonuses",
        ],
        facts: &[
            "The {org} agreed on {weekday} to [a takeover|be bought] in a deal worth {n0} pounds.",
            "[Shares|The share price] [rose|jumped|climbed] {pct} percent [after the news|on the news|by the close].",
            "{person}, {role}, said the {noun} [made sense|was good value|would secure jobs] in {town}.",
            "The buyer [said|promised] it would keep the {object} open for at least {small} years.",
            "The company [employs|has] {n1} people, [most|many] of them in {town}.",
            "[Regulators|The competition authority] must [approve|clear] the {noun} [by {month}|before it can close].",
        ],
    },
    Event {
        nouns: &["rescue", "search", "rescue operation"],
        headlines: &[
            "[Missing|Lost] walkers found [alive|safe] near {town}",
            "{small} rescued [from|on] hills above {town}",
            "[Search|Rescue] teams [find|reach] walkers after night on the hills",
        ],
        roles: &[
            "the rescue team leader",
            "a helicopter pilot",
            "one of the walkers",
            "a police inspector",
            "a volunteer",
        ],
        org_kinds: &[
            "Mountain Rescue Team",
            "Coastguard Station",
            "Search Dogs Trust",
        ],
        object_kinds: &["ridge", "quarry", "gorge", "reservoir"],
        harm: &["walkers", "climbers", "volunteers", "dogs"],
        response: &[
            "sent {small} volunteers and a helicopter",
            "closed the path above the {object}",
            "asked walkers to carry a map and a torch",
            "called in search dogs",
        ],
        facts: &[
            "{small} walkers [missing|lost] [overnight|for a day] were found [alive|safe] near the {object} above {town} on {weekday}.",
            "The {org} [searched|combed] {n2} [hectares|acres] [in fog|in the dark|in heavy rain].",
            "{person}, {role}, said the group had [left the path|lost their way] [in fog|at dusk].",
            "The walkers were [treated|checked] for [cold|exposure] [at the scene|in hospital].",
            "It was the team's {nth} [call-out|rescue] this year, [the {org} said|a spokeswoman said].",
            "[Rescuers|The team] [used|followed] a phone signal to [narrow|find] the search area.",
        ],
    },
];

/// Facts any event can have; every story draws some, each with its own slot choices.
pub(crate) const GENERAL_FACTS: &[&str] = &[
    "The {noun} [hit|struck|affected] {town} [early|late] on {weekday}, [officials|the {org}] said.",
    "{person}, {role}, said the {noun} had [affected|hit|touched] [more than|about|nearly] {n1} {harm}.",
    "The {org} [acted|responded] [quickly|within hours] and {response}.",
    "[Residents|People] on {street} were [among the first|the first|the worst] [affected|to notice|hit].",
    "[Officials|The {org}] said {n2} people had [been helped|asked for help|called a hotline] by {weekday} evening.",
    "{person} said the {org} had [warned|raised concerns] about the {object} [as early as|in] {year0}.",
    "The cost [could reach|is estimated at|may be as much as] {n0} pounds, the {org} said.",
    "[A review|An inquiry|An investigation] [will look at|is to examine] how the {noun} was handled.",
    "{person} [praised|thanked] the [crews|staff|volunteers] who [worked|stayed] through the night.",
    "The {noun} [follows|comes after] a [similar|smaller] [incident|event] in {town} in {year0}.",
    "The {org} [set up|opened] a [helpline|drop-in centre|information point] on {street}.",
    "[Work|Repairs|The clean-up] at the {object} [is expected to|could|should] take {small} [days|weeks].",
    "{person}, {role}, [is|was] [due to|expected to] [meet|speak to] [residents|families|reporters] on {weekday}.",
    "[Police|Officers] [closed|sealed off] part of {street} [while|as] [the work went on|crews worked].",
    "The {org} [said|confirmed] that {n2} {harm} [were|had been] affected in all.",
    "[According to|Figures from] the {org}, the {noun} [cost|took] about {n0} pounds in the first day alone.",
    "{person} [asked|urged] people to [avoid|stay away from] {street} [for now|until further notice].",
    "It was the [worst|biggest|most serious] {noun} in {town} [since|for more than] {year0}, [locals|older residents] said.",
    "The [mayor|council] [called|described] the {noun} [a shock|a wake-up call|deeply worrying].",
    "[Help|Support] [came|arrived] from {small} [towns|villages|teams] [nearby|across the region].",
    "The {org} [had planned|was due] to [upgrade|replace|inspect] the {object} in {month}.",
    "[More than|About|Nearly] {pct} percent of {harm} in {town} [were|are] [affected|involved], the {org} estimated.",
];

/// Quotations a story's people give; a story draws some, so every outlet quotes the same words.
pub(crate) const QUOTES: &[&str] = &[
    "\"[We have never seen anything like this|Nobody here has seen anything like this] in {town},\" said {person}, {role}.",
    "\"The {object} [was|has been] a worry for years,\" {person} [said|told reporters].",
    "\"Our [thoughts|sympathies] are with everyone on {street},\" said {person}.",
    "\"We will [learn|take] every lesson from this,\" said {person} of the {org}.",
    "\"I [heard|felt] it before I saw it,\" said {person}, {role}, who lives on {street}.",
    "\"It is too early to say [what went wrong|who is to blame],\" {person} said.",
    "\"People in {town} deserve [answers|better|the truth],\" said {person}.",
    "\"We were [lucky|fortunate] that [nobody died|it was not worse],\" {person} told [reporters|local radio].",
    "\"The {org} [did everything it could|acted as fast as it could],\" said {person}, {role}.",
    "\"This is a [hard|difficult|dark] day for {town},\" {person} said.",
    "\"We [warned|told] them about the {object} in {year0},\" said {person}.",
    "\"I want to thank [every volunteer|everyone who helped|the crews],\" said {person}, {role}.",
    "\"There will be [questions|hard questions] to answer,\" {person} said on {weekday}.",
    "\"Nobody should have to go through [this|what we went through],\" said {person}.",
    "\"We [expect|hope] to have [more news|an update|answers] by {weekday},\" {person} said.",
    "\"My [family|neighbours|children] [were|are] [scared|shaken|still shaken],\" said {person}, {role}.",
];

/// Background any article can carry, with choices made afresh each time it is written.
pub(crate) const BACKGROUND: &[&str] = &[
    "{town} [lies|sits] about {small} miles from the [coast|county town|nearest city] and has about {n2} [residents|households] in its centre.",
    "[Shops|Cafes|Businesses] on {street} [stayed open|opened as usual] on {weekday}[, owners said|].",
    "The {org} [was set up|was founded|began work] in {year0} and has about {small} [staff|members].",
    "[Residents|Neighbours|People living nearby] said they had [heard about|followed] the news on [local radio|social media|the {Word} community page].",
    "{person}, {role}, has [lived|worked] in {town} for {small} years.",
    "A [meeting|public meeting|briefing] [is planned|will be held] at the {Word} [Hall|Centre|Library] on {street}.",
    "[Traffic|Buses|Deliveries] on {street} [were diverted|ran late|were held up] for [several hours|most of the day|the morning].",
    "The {org} said it would [publish|release|share] [a full report|more details|an update] [in {month}|next week|within days].",
    "[Local|Regional] [councillors|officials] [are expected to|plan to] [discuss|review|debate] the matter at their next meeting.",
    "[Photographs|Videos|Pictures] shared online showed [crowds|people|crews] [gathering|waiting|working] near {street}.",
    "The {Word} [family|bakery|garage] on {street} said [trade|business] had [dropped|slowed|fallen] by about {pct} percent.",
    "[Weather|Conditions] in {town} [are forecast to|should] [stay dry|turn colder|improve] over the [weekend|coming days].",
    "A [spokesperson|spokeswoman|spokesman] for the {org} [declined to comment|did not respond to requests for comment] [further|on the details|].",
    "{town} was last in the news in {year0}, when the {Word} [market|festival|mill] [closed|reopened|was sold].",
    "[Volunteers|Local groups|Neighbours] [collected|raised] about {n2} pounds [within a day|over the weekend|by {weekday} evening].",
    "The [nearest|main] [hospital|station|school] is on {street}, about {small} minutes away.",
    "[Several|A number of|Many] [readers|residents|callers] [contacted|wrote to] this [newspaper|outlet|station] [to share their accounts|with questions].",
    "[Insurers|Lawyers|Accountants] [said|warned] [claims|costs|bills] could [run to|reach|exceed] {n0} pounds.",
    "The {org} has [faced|received] [criticism|questions|complaints] [before|in the past], [including|notably] in {year0}.",
    "{person} [said|added] that [more information|a statement|an update] would [follow|be given] [later|on {weekday}|in the coming days].",
    "[Schools|Libraries|Surgeries] in {town} [stayed open|were unaffected|ran normally], the {org} said.",
    "[Parking|Access] near {street} [was restricted|was closed|was limited] [until further notice|for the day|overnight].",
    "The {Word} [report|review|survey], published in {year0}, [had warned of|had noted|found] [problems|gaps|risks] in {town}.",
    "[Around|About|Some] {n2} people [signed|backed|shared] an online [petition|appeal|message] [by {weekday}|within hours|overnight].",
    "[Older|Long-standing] residents [remember|recall] the {Word} [winter|summer] of {year0}, when [the town|the valley] was last [in the headlines|cut off].",
    "The {org} [runs|manages|owns] [sites|buildings|land] on {street} and near the {Word} [estate|park|quarter].",
    "[Reporters|Camera crews|Visitors] [arrived|gathered] in {town} [from early morning|by midday|through the afternoon].",
    "The {Word} [pub|hotel|community centre] on {street} [offered|opened] [free tea|a warm room|its car park] to [anyone who needed it|families|crews].",
];

/// The frames of unrelated articles (reviews, hobbies, notices): their topic words are
/// invented afresh for each article (`{thing}`, `{Word}`), so no two of them share a topic.
pub(crate) const NOISE: &[&str] = &[
    "The {Word} {thing} [returns|is back|opens again] at the {Word} [Hall|Gallery|Park] this [month|season|weekend].",
    "[Critics|Visitors|Reviewers] [praised|admired|liked] the {thing} [made|shown|grown] by {person}.",
    "{person} has [grown|collected|restored] {thing} in {town} for {small} years.",
    "[Tickets|Entries|Places] for the {Word} {thing} [cost|start at] {small} pounds.",
    "The {thing} [needs|takes] {small} [grams|cups|handfuls] of {word} and a little {word}.",
    "[Keep|Store] the {thing} [somewhere cool|out of the sun|in a dry place] for {small} days before the {word}.",
    "{person}, {role}, [recommends|suggests] [starting|beginning] with the {word} {thing}.",
    "The {org} [meets|gathers] [every|each] {weekday} at the {Word} [rooms|centre|library] on {street}.",
    "[This year's|The annual] {Word} {thing} [drew|attracted] about {n2} [visitors|entries|people].",
    "The [route|walk|trail] [passes|runs past] the old {thing} and the {Word} [bridge|mill|chapel].",
    "[Readers|Members] [voted|chose] the {word} {thing} their favourite for the {nth} year.",
    "{person} said the {thing} [was|had been] [a family tradition|handed down] since {year0}.",
    "The {Word} collection [includes|holds] {n2} {thing} from [around the region|{small} countries].",
    "[Add|Stir in|Fold in] the {word} [slowly|gently|at the end] so the {thing} [keeps|holds] its shape.",
    "The {thing} [season|show|market] [runs|continues] until the end of {month}, the {org} said.",
    "[Volunteers|Members] of the {org} [built|repaired|painted] the {Word} {thing} [by hand|over the winter].",
    "The {word} {thing} [won|took] [first prize|a silver medal|the top award] at the {Word} show.",
    "[Entry|Admission] is free for [children|members|residents of {town}] [under twelve|on {weekday}|].",
    "{person} [first saw|discovered|came across] a {thing} at a market in {town} in {year0}.",
    "The {org} [hopes|plans] to [open|start] a second {thing} [group|class|club] [in {month}|next year].",
];

/// Headlines of unrelated articles.
pub(crate) const NOISE_HEADLINES: &[&str] = &[
    "[Notes|News] from the {Word} {thing} [club|society]",
    "[Review|On show]: the {Word} {thing} at {town}",
    "How to [make|grow|keep] {word} {thing}",
    "{person} and the {thing} of {town}",
    "[Weekend|Week] guide: {thing} in {town}",
];

/// Roles in unrelated articles.
pub(crate) const NOISE_ROLES: &[&str] = &[
    "the club secretary",
    "a collector",
    "the curator",
    "a visitor",
    "the organiser",
];

/// Kinds of organisation in unrelated articles.
pub(crate) const NOISE_ORG_KINDS: &[&str] = &["Society", "Club", "Circle", "Guild", "Trust"];

pub(crate) const STREET_KINDS: &[&str] = &[
    "Road", "Street", "Lane", "Avenue", "Way", "Crescent", "Hill", "Row", "Terrace", "Close",
];

pub(crate) const OUTLET_KINDS: &[&str] = &[
    "Courier",
    "Herald",
    "Post",
    "Gazette",
    "Chronicle",
    "Wire",
    "Times",
    "Echo",
    "Observer",
    "Journal",
];

/// Lines of page furniture an article may carry between paragraphs.
pub(crate) const FURNITURE: &[&str] = &[
    "Sign up to our morning newsletter",
    "Read More",
    "Click to play video",
    "Share this article",
    "Advertisement",
];
