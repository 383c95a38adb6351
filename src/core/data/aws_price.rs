//! Where `computepick prices import` finds a price of the guide in AWS's price list (the
//! `aws:` of a price in `decisions.ron`), and what makes such a matcher unusable. Part of the
//! schema; the import itself is [`crate::prices`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Price, PriceKind};

/// Where a price is found in AWS's price list. In `decisions.ron`:
///
/// ```ron
/// aws: Some((offer: "AWSLambda", usagetype: "Request", unit: "Requests", scale: 1000000.0))
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AwsPrice {
    /// The offer (service) code of the price list: `AWSLambda`, `AmazonECS` (Fargate),
    /// `AmazonEC2`, `AmazonEKS`, `AWSELB`, `AmazonLightsail`, `AmazonVPC`.
    pub offer: String,
    /// Product attributes that must all be equal (letter case aside): `{"operation":
    /// "LoadBalancing:Application"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// The `usagetype` attribute without its Region prefix: `BoxUsage:m5.large` matches
    /// `BoxUsage:m5.large` (us-east-1) and `EUC1-BoxUsage:m5.large` (Frankfurt).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub usagetype: String,
    /// The price dimension's `unit` (`Hrs`, `Requests`, `Lambda-GB-Second`); any when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// AWS's price per unit times this is the guide's amount: 1,000,000 for a price per `1M
    /// requests` from AWS's per request, 744 for a Lightsail month from its hourly rate.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub scale: f64,
    /// Round the result to whole cents (Lightsail's monthly bundle prices).
    #[serde(default, skip_serializing_if = "is_false")]
    pub round_cents: bool,
}

fn one() -> f64 {
    1.0
}

fn is_one(x: &f64) -> bool {
    *x == 1.0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Price {
    /// Whether the price is the same in every Region, so an import neither finds nor needs it:
    /// free allowances and discounts (stated as percentages), and "no additional charge".
    pub fn region_independent(&self) -> bool {
        self.kind == PriceKind::Allowance || self.amount == 0.0
    }
}

/// What is wrong with a price's matcher, for `check`.
pub fn matcher_problems(price: &Price) -> Vec<String> {
    let Some(aws) = &price.aws else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if aws.offer.trim().is_empty() {
        out.push(
            "aws: offer is empty; name the price list's offer code, e.g. \"AWSLambda\"".into(),
        );
    } else if aws.offer.contains(char::is_whitespace) {
        out.push(format!(
            "aws: offer \"{}\" has spaces; offer codes are one word, e.g. \"AmazonEC2\"",
            aws.offer
        ));
    }
    if aws.attributes.is_empty() && aws.usagetype.trim().is_empty() {
        out.push(
            "aws: give attributes or a usagetype; a matcher with neither matches every product"
                .into(),
        );
    }
    for (k, v) in &aws.attributes {
        if k.trim().is_empty() || v.trim().is_empty() {
            out.push(format!("aws: attribute {k:?}: {v:?} is empty"));
        }
    }
    if !aws.scale.is_finite() || aws.scale <= 0.0 {
        out.push(format!(
            "aws: scale {} must be a positive number",
            aws.scale
        ));
    }
    if price.region_independent() {
        out.push(
            "aws: this price is an allowance or free, the same in every Region; only rates are \
             imported"
                .into(),
        );
    }
    out
}
