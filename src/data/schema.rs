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
    #[serde(default)]
    pub aliases: Vec<String>,
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
    pub source: String,
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    /// Why the answer matters, shown under the prompt.
    pub why: String,
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
    /// A hard limit: the service cannot serve this workload.
    RuleOut { service: String, reason: String },
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
}
