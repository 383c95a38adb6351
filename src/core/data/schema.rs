//! The typed shape of `decisions.ron`. Every struct denies unknown fields so a typo in the data
//! file is an error with a position, never a silently ignored value.

use serde::{Deserialize, Serialize};

/// The whole guide: what it asks, what it knows, and what things cost.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub meta: Meta,
    /// Id of the first question of the walk.
    pub start: String,
    pub services: Vec<Service>,
    pub questions: Vec<Question>,
    /// Rows of the comparison table, in display order; each service states a fact for each.
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    #[serde(default)]
    pub glossary: Vec<Term>,
    /// Unit prices the cost estimator reads; never hard-coded elsewhere.
    #[serde(default)]
    pub prices: Vec<Price>,
    /// Combinations of answers that pull against each other, said on the result instead of
    /// being silently scored.
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
    /// Answers of an earlier vocabulary, refused with what replaced them.
    #[serde(default)]
    pub retired: Vec<Retired>,
}

/// A condition on an earlier answer: the question was answered with one of these options
/// (for a checklist: one of them is ticked).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub question: String,
    pub one_of: Vec<String>,
}

/// Answers that contradict each other, and what to say about it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contradiction {
    /// Every condition holds.
    pub when: Vec<When>,
    pub say: String,
}

/// An answer the guide no longer takes, and what replaced it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub question: String,
    pub option: String,
    /// "runtime=always-on is now process=long-lived plus how long one request takes".
    pub now: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    /// Date (YYYY-MM-DD) the content as a whole was last reviewed.
    pub as_of: String,
    /// Region prices refer to unless a price names another.
    pub region: String,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Stable public id: `lambda`, `fargate`, `ecs-ec2`, `eks`, `batch`, `lightsail`,
    /// `elastic-beanstalk`.
    pub id: String,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub description: String,
    /// FaaS, containers as a service, IaaS, PaaS...
    #[serde(default)]
    pub model: String,
    /// Where the description and the lists (what you and AWS manage, good and poor fits,
    /// pairings) come from; required once any of them is filled in.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub as_of: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How much is left to operate, 1 = least. Each service has its own rank, so ties on
    /// score are settled by a stated criterion, never by the order of the data file.
    #[serde(default)]
    pub burden: u8,
    /// What the burden rank rests on, in a few words ("no servers, no capacity to plan").
    #[serde(default)]
    pub burden_why: String,
    #[serde(default)]
    pub you_manage: Vec<String>,
    #[serde(default)]
    pub aws_manages: Vec<String>,
    #[serde(default)]
    pub good_for: Vec<String>,
    #[serde(default)]
    pub poor_fit: Vec<String>,
    #[serde(default)]
    pub pairs_with: Vec<String>,
    /// One fact per comparison attribute, each with its source.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// A statement about a service that someone can check: value, source URL and as-of date.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Id of the attribute (comparison row) this fact fills.
    pub attribute: String,
    pub value: String,
    /// The value in a few words, what services are compared by: two facts with the same
    /// `short` make a row that does not differ, however differently their values are worded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub id: String,
    pub label: String,
    /// Limits, Operations, Scaling, Cost...
    #[serde(default)]
    pub group: String,
    /// Where each service's cell comes from: its `facts` (the default), or one of its lists
    /// (`from: GoodFor`), so rows such as "Best for" are placed and labelled by the data file
    /// without restating the list as a fact.
    #[serde(default, skip_serializing_if = "AttributeFrom::is_facts")]
    pub from: AttributeFrom,
}

/// The source of a comparison row's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum AttributeFrom {
    /// The service's `Fact` whose `attribute` is this attribute's id.
    #[default]
    Facts,
    /// The service's `you_manage` list.
    YouManage,
    /// The service's `aws_manages` list.
    AwsManages,
    /// The service's `good_for` list.
    GoodFor,
    /// The service's `poor_fit` list.
    PoorFit,
    /// The service's `pairs_with` list.
    PairsWith,
}

impl AttributeFrom {
    pub fn is_facts(&self) -> bool {
        *self == AttributeFrom::Facts
    }

    /// The service list this row reads, or `None` for a row filled by facts.
    pub fn list(self, service: &Service) -> Option<&[String]> {
        match self {
            AttributeFrom::Facts => None,
            AttributeFrom::YouManage => Some(&service.you_manage),
            AttributeFrom::AwsManages => Some(&service.aws_manages),
            AttributeFrom::GoodFor => Some(&service.good_for),
            AttributeFrom::PoorFit => Some(&service.poor_fit),
            AttributeFrom::PairsWith => Some(&service.pairs_with),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub related: Vec<String>,
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// For example `lambda.duration.x86`.
    pub id: String,
    pub service: String,
    pub label: String,
    pub amount: f64,
    /// For example `GB-second`, `1M requests`, `hour`, `month`.
    pub unit: String,
    #[serde(default)]
    pub region: Option<String>,
    /// A rate (the default) or a free allowance, whose amount is a quantity, not dollars.
    #[serde(default)]
    pub kind: PriceKind,
    pub source: String,
    pub as_of: String,
    /// Where `computepick prices import` finds this price in AWS's price list; see
    /// [`super::AwsPrice`]. EC2 instance prices need none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws: Option<super::AwsPrice>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum PriceKind {
    /// Dollars per `unit`.
    #[default]
    Rate,
    /// A quantity of `unit` given free (a free tier).
    Allowance,
}

impl Price {
    /// `$0.20 per 1M requests`, `1,000,000 requests free per month`, `no additional charge`.
    pub fn display(&self) -> String {
        match self.kind {
            PriceKind::Allowance => format!("{} {}", group_thousands(self.amount), self.unit),
            PriceKind::Rate if self.amount == 0.0 => "no additional charge".to_owned(),
            PriceKind::Rate => format!("${} per {}", dollars(self.amount), self.unit),
        }
    }
}

/// Dollars with at least two decimals and no trailing zeros beyond them, the whole part grouped:
/// 0.2 → 0.20, 0.0000166667 → 0.0000166667, 5 → 5.00, 1324 → 1,324.00.
pub fn dollars(amount: f64) -> String {
    let text = format!("{amount:.10}");
    let trimmed = text.trim_end_matches('0');
    let (whole, frac) = trimmed.split_once('.').unwrap_or((trimmed, ""));
    // The whole part grouped as every other amount is (`format_money`): 1324 → 1,324.00.
    let whole = whole
        .parse::<f64>()
        .map_or_else(|_| whole.to_owned(), group_thousands);
    format!("{whole}.{frac:0<2}")
}

/// 1000000 → 1,000,000 (fractions are rounded; allowances are whole quantities).
pub fn group_thousands(amount: f64) -> String {
    let digits = format!("{:.0}", amount.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if amount < 0.0 { format!("-{out}") } else { out }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    /// Why the answer matters, shown under the prompt.
    pub why: String,
    /// A choice the team could make otherwise (how it packages, manages, scales, pays), not a
    /// fact of the workload: flip points prefer changing these.
    #[serde(default)]
    pub preference: bool,
    /// A checklist: any of the options can be ticked together, except `none`, which means
    /// nothing is ticked. The answer is the ticked ids joined by commas, in option order.
    #[serde(default)]
    pub multi: bool,
    /// The question is not asked when an earlier answer makes it moot; the walk goes on to
    /// the question its options lead to.
    #[serde(default)]
    pub skip_when: Vec<When>,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub help: String,
    /// The next question, or `None` when this answer ends the walk.
    #[serde(default)]
    pub next: Option<String>,
    /// When the workload is sized, how many points the estimate is worth under this answer:
    /// the cheapest service that fits gains up to this many, those costing far more lose them.
    #[serde(default)]
    pub cost_weight: i32,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// What choosing an option does to one service.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub enum Rule {
    /// Adds `weight` (negative weights count against) to the service's score.
    Favour {
        service: String,
        weight: i32,
        reason: String,
    },
    /// A hard limit: the service cannot serve this workload. `fact` is the attribute id of
    /// the service's sourced fact that documents the limit.
    RuleOut {
        service: String,
        reason: String,
        fact: String,
    },
}

impl Rule {
    pub fn service(&self) -> &str {
        match self {
            Rule::Favour { service, .. } | Rule::RuleOut { service, .. } => service,
        }
    }

    pub fn reason(&self) -> &str {
        match self {
            Rule::Favour { reason, .. } | Rule::RuleOut { reason, .. } => reason,
        }
    }
}

impl Guide {
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether `answer` names this question's options, as [`Question::selected`] reads it
    /// (without collecting them: the walker asks at every step of every path it tries).
    pub fn accepts(&self, answer: &str) -> bool {
        if self.multi {
            answer.split(',').all(|id| self.option(id.trim()).is_some())
        } else {
            self.option(answer).is_some()
        }
    }

    /// The options an answer selects: one for a single choice; for a checklist, each ticked
    /// id (`none` selects the `none` option). `None` when any id is unknown.
    pub fn selected(&self, answer: &str) -> Option<Vec<&Choice>> {
        if !self.multi {
            return self.option(answer).map(|o| vec![o]);
        }
        answer
            .split(',')
            .map(|id| self.option(id.trim()))
            .collect::<Option<Vec<_>>>()
            .filter(|picked| !picked.is_empty())
    }

    /// An answer in the user's words: the chosen option's label, a checklist's ticked labels
    /// joined by commas, or the answer itself when it names no option.
    pub fn answer_words(&self, answer: &str) -> String {
        self.selected(answer).map_or_else(
            || answer.to_owned(),
            |picked| {
                let labels: Vec<&str> = picked.iter().map(|o| o.label.as_str()).collect();
                labels.join(", ")
            },
        )
    }

    /// Whether an answer to this question picks `option` (for a checklist: ticks it).
    pub fn picks(&self, answer: &str, option: &str) -> bool {
        if self.multi {
            answer.split(',').any(|id| id.trim() == option)
        } else {
            answer == option
        }
    }
}

impl When {
    /// Whether this condition holds for an answer to its question.
    pub fn holds(&self, guide: &Guide, answer: &str) -> bool {
        let Some(question) = guide.question(&self.question) else {
            return false;
        };
        self.one_of.iter().any(|o| question.picks(answer, o))
    }
}

impl Service {
    /// The fact filling a comparison row, if the service states one.
    pub fn fact(&self, attribute: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.attribute == attribute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_quantities_read_naturally() {
        assert_eq!(dollars(0.2), "0.20");
        assert_eq!(dollars(0.0000166667), "0.0000166667");
        assert_eq!(dollars(5.0), "5.00");
        assert_eq!(dollars(0.04048), "0.04048");
        // Grouped like every other amount: the $1,324 Lightsail bundle, not $1324.00.
        assert_eq!(dollars(1324.0), "1,324.00");
        assert_eq!(dollars(1234567.5), "1,234,567.50");
        assert_eq!(group_thousands(1_000_000.0), "1,000,000");
        assert_eq!(group_thousands(400_000.0), "400,000");
        assert_eq!(group_thousands(999.0), "999");
    }
}
