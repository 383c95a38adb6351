//! What an estimate gives back: each service's [`ServiceEstimate`] with its [`LineItem`]s, every
//! service's [`Estimate`] for one set of inputs, and the bare [`Fit`] a scorer needs.

use serde::Serialize;

use super::units::format_money;
use super::{Inputs, breakeven, services};

/// One line of a breakdown. `quantity × rate = amount`, always; discounts are negative lines on
/// the subtotal they reduce (quantity in USD, rate the negative fraction).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineItem {
    /// `Requests beyond 1M free`, `EC2 t3.small: 2 × 730 h`.
    pub label: String,
    pub quantity: f64,
    /// What `quantity` counts, singular as the data states it: `requests`, `GB-second`,
    /// `instance-hour`, `month`, `USD`.
    pub unit: String,
    /// Dollars per one `unit`.
    pub rate: f64,
    /// The price as the data states it: `$0.20 per 1M requests`.
    pub price: String,
    pub amount: f64,
    /// The `decisions.ron` price this line uses, so anyone can check it against its source.
    pub price_id: Option<String>,
}

/// One service's estimate: a monthly total with its breakdown, or the reason it does not fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceEstimate {
    pub service: String,
    pub name: String,
    /// Dollars a month; `None` when the workload does not fit (see `reason`).
    pub total: Option<f64>,
    pub reason: Option<String>,
    pub breakdown: Vec<LineItem>,
    /// Every assumption behind the number, as sentences.
    pub assumptions: Vec<String>,
    /// What could stop it running as priced, with the source: an account quota the workload
    /// passes (Lambda's concurrency), for example.
    pub warnings: Vec<String>,
}

impl ServiceEstimate {
    pub fn fits(&self) -> bool {
        self.total.is_some()
    }

    /// `$9.01`, or `does not fit: ...` with the reason.
    pub fn total_text(&self) -> String {
        match (self.total, &self.reason) {
            (Some(t), _) => format_money(t),
            (None, Some(reason)) => format!("does not fit: {reason}"),
            (None, None) => "does not fit".to_owned(),
        }
    }
}

/// Every service's estimate for one set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub inputs: Inputs,
    pub region: String,
    /// The oldest as-of date among the prices.
    pub as_of: String,
    pub currency: String,
    /// Cheapest first; services that do not fit last, in [`SERVICE_IDS`] order.
    ///
    /// [`SERVICE_IDS`]: super::SERVICE_IDS
    pub services: Vec<ServiceEstimate>,
    /// Assumptions shared by every service.
    pub assumptions: Vec<String>,
}

impl Estimate {
    pub fn service(&self, id: &str) -> Option<&ServiceEstimate> {
        self.services.iter().find(|s| s.service == id)
    }

    pub fn cheapest(&self) -> Option<&ServiceEstimate> {
        self.services.first().filter(|s| s.fits())
    }

    /// The fitting services that cost about the same as the cheapest (within
    /// [`breakeven::ABOUT_THE_SAME`], 10%), in cost order, the cheapest left out.
    pub fn about_the_same(&self) -> Vec<&ServiceEstimate> {
        let Some(cheapest) = self.cheapest().and_then(|s| s.total) else {
            return Vec::new();
        };
        self.services
            .iter()
            .skip(1)
            .filter(|s| {
                s.total
                    .is_some_and(|t| breakeven::about_the_same(t, cheapest))
            })
            .collect()
    }

    /// One sentence when the next cheapest services are within 10% of the cheapest: `AWS
    /// Fargate ($12.15) is about the same as Amazon ECS on EC2 ($11.50): within 10%, the gap is
    /// smaller than the estimate's own rounding`. `None` when the cheapest is clearly cheapest.
    pub fn about_the_same_text(&self) -> Option<String> {
        let cheapest = self.cheapest()?;
        let close = self.about_the_same();
        if close.is_empty() {
            return None;
        }
        let names: Vec<String> = close
            .iter()
            .map(|s| format!("{} ({})", s.name, s.total_text()))
            .collect();
        Some(format!(
            "{} {} about the same as {} ({}): within {}, too close for an estimate \
             to choose between.",
            join_and(&names),
            if names.len() == 1 { "is" } else { "are" },
            cheapest.name,
            cheapest.total_text(),
            services::percent(breakeven::ABOUT_THE_SAME)
        ))
    }

    /// `$9.01 a month`, `does not fit: ...`, or `not estimated` for a service it has no model of.
    pub fn monthly_text(&self, id: &str) -> String {
        match self.service(id) {
            Some(s) if s.fits() => s.total_text() + " a month",
            Some(s) => s.total_text(),
            None => "not estimated".into(),
        }
    }
}

/// One service's result for a workload: what [`CostModel::monthly`] gives per service.
///
/// [`CostModel::monthly`]: super::CostModel::monthly
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    /// Dollars a month, list prices, as [`CostModel::estimate`] totals them.
    ///
    /// [`CostModel::estimate`]: super::CostModel::estimate
    Monthly(f64),
    /// Why the workload cannot run there as sized (a limit, a quota, a missing price).
    DoesNotFit(String),
}

impl Fit {
    pub fn monthly(&self) -> Option<f64> {
        match self {
            Fit::Monthly(total) => Some(*total),
            Fit::DoesNotFit(_) => None,
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
